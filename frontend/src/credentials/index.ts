import KeyIcon from '@mui/icons-material/Key';
import { CredentialCreate } from './CredentialCreate';
import { CredentialEdit } from './CredentialEdit';
import { CredentialList } from './CredentialList';

export default {
  list: CredentialList,
  create: CredentialCreate,
  edit: CredentialEdit,
  icon: KeyIcon,
};
