import StorefrontIcon from '@mui/icons-material/Storefront';
import { lazyPage } from '../common/lazyPage';

const CatalogList = lazyPage(() => import('./CatalogList'), 'CatalogList');
const OrderPage = lazyPage(() => import('./OrderPage'), 'OrderPage');

export default {
  list: CatalogList,
  order: OrderPage,
  icon: StorefrontIcon,
};
