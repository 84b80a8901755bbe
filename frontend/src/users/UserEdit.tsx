// Changes a user: display name, e-mail, groups, disabled; sets a new password; deletes them.
import { Edit, TopToolbar, useRecordContext } from 'react-admin';
import type { User } from './api';
import { DeleteUserButton } from './DeleteUserButton';
import { ResetPasswordButton } from './ResetPasswordButton';
import { UserForm } from './UserForm';

const Title = () => {
  const record = useRecordContext<User>();
  return <>{record ? `User ${record.username}` : 'User'}</>;
};

export const UserEdit = () => (
  <Edit
    title={<Title />}
    redirect="list"
    mutationMode="pessimistic"
    actions={
      <TopToolbar>
        <ResetPasswordButton />
        <DeleteUserButton />
      </TopToolbar>
    }
  >
    <UserForm submitLabel="Save" />
  </Edit>
);
