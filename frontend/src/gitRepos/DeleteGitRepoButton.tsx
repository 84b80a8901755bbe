// Deletes a git repository after a confirmation; none for the built-in one. The server refuses
// (CONFLICT) a repository whose playbooks ran jobs: its message is shown as a notification.
import { DeleteButton, useRecordContext } from 'react-admin';
import type { GitRepo } from './api';

export const DeleteGitRepoButton = () => {
  const record = useRecordContext<GitRepo>();
  if (!record || record.builtin) return null;
  return (
    <DeleteButton
      mutationMode="pessimistic"
      redirect="list"
      confirmTitle={`Delete git repository ${record.name}?`}
      confirmContent="Its playbooks will no longer be available to order. The remote repository itself is not touched."
      aria-label={`Delete ${record.name}`}
    />
  );
};
