// Creates a user with a first password, which they must change when they first sign in.
import { Create } from 'react-admin';
import { UserForm } from './UserForm';

export const UserCreate = () => (
  <Create title="New user" redirect="list" mutationMode="pessimistic">
    <UserForm submitLabel="Create" creating />
  </Create>
);
