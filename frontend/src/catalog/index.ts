import StorefrontIcon from '@mui/icons-material/Storefront';
import { lazyPage } from '../common/lazyPage';
// The catalog is the first page: in the entry's script (vite.config.ts), not a chunk fetched after it.
import { CatalogList } from './CatalogList';

const OrderPage = lazyPage(() => import('./OrderPage'), 'OrderPage');

export default {
  list: CatalogList,
  order: OrderPage,
  icon: StorefrontIcon,
};
