import KeyIcon from '@mui/icons-material/Key';
import { lazyPage } from '../common/lazyPage';

const ApiTokenList = lazyPage(() => import('./ApiTokenList'), 'ApiTokenList');

export default {
  list: ApiTokenList,
  icon: KeyIcon,
};
