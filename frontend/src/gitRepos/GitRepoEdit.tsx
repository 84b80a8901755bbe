// Changes a git repository; the server refreshes it when its URL or branch changed. The built-in
// repository is published from the portal's playbooks/ folder and cannot be changed.
import { Alert } from '@mui/material';
import { Edit, useRecordContext } from 'react-admin';
import type { GitRepo } from './api';
import { GitRepoForm } from './GitRepoForm';

const EditBody = () => {
  const record = useRecordContext<GitRepo>();
  if (!record) return null;
  if (record.builtin) {
    return (
      <Alert severity="info" sx={{ m: 2 }}>
        The built-in repository is published from the playbooks/ folder and cannot be changed.
      </Alert>
    );
  }
  return <GitRepoForm submitLabel="Save" />;
};

export const GitRepoEdit = () => (
  <Edit title="Edit git repository" redirect="show" mutationMode="pessimistic" actions={false}>
    <EditBody />
  </Edit>
);
