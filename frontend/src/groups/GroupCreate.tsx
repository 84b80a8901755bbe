import { Create } from 'react-admin';
import { GroupForm } from './GroupForm';

export const GroupCreate = () => (
  <Create title="New group" redirect="list" mutationMode="pessimistic">
    <GroupForm submitLabel="Create" creating />
  </Create>
);
