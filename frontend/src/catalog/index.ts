import StorefrontIcon from '@mui/icons-material/Storefront';
import { CatalogList } from './CatalogList';
import { OrderPage } from './OrderPage';

export default {
  list: CatalogList,
  order: OrderPage,
  icon: StorefrontIcon,
};
