import KeyIcon from '@mui/icons-material/Key';
import { lazyPage } from '../common/lazyPage';

const CredentialCreate = lazyPage(() => import('./CredentialCreate'), 'CredentialCreate');
const CredentialEdit = lazyPage(() => import('./CredentialEdit'), 'CredentialEdit');
const CredentialList = lazyPage(() => import('./CredentialList'), 'CredentialList');

export default {
  list: CredentialList,
  create: CredentialCreate,
  edit: CredentialEdit,
  icon: KeyIcon,
};
