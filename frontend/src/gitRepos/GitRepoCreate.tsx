// Adds a git repository: the server clones it and reads its playbooks at once, or, hosted,
// creates an empty repository to push to.
import { Create } from 'react-admin';
import { GitRepoForm } from './GitRepoForm';

export const GitRepoCreate = () => (
  <Create
    title="New git repository"
    redirect="show"
    mutationMode="pessimistic"
    record={{ branch: 'main', hosted: false, refreshMaxAgeSeconds: null, refreshIntervalSeconds: null }}
  >
    <GitRepoForm submitLabel="Create" />
  </Create>
);
