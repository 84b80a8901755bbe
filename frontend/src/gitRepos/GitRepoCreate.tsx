// Adds a git repository: the server clones it and reads its playbooks at once.
import { Create } from 'react-admin';
import { GitRepoForm } from './GitRepoForm';

export const GitRepoCreate = () => (
  <Create title="New git repository" redirect="show" mutationMode="pessimistic" record={{ branch: 'main' }}>
    <GitRepoForm submitLabel="Create" />
  </Create>
);
