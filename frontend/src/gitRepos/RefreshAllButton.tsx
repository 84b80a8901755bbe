import SyncIcon from '@mui/icons-material/Sync';
import { Button } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useDataProvider, useNotify, useRefresh } from 'react-admin';
import type { SuperfluidDataProvider } from '../dataProvider';

/** Refreshes every enabled repository (the server bounds how many at once). A repository that
 * fails is recorded as failed on its own row; the notification names them. */
export const RefreshAllButton = () => {
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const { mutate, isPending } = useMutation({
    mutationFn: () => dataProvider.refreshAllGitRepos(),
    onSuccess: ({ data }) => {
      const enabled = data.filter((r) => r.enabled);
      const failed = enabled.filter((r) => r.refreshStatus === 'failed').map((r) => r.name);
      notify(
        failed.length === 0
          ? `Refreshed ${enabled.length} ${enabled.length === 1 ? 'repository' : 'repositories'}`
          : `Refreshed ${enabled.length - failed.length} of ${enabled.length}; failed: ${failed.join(', ')}`,
        { type: failed.length === 0 ? 'info' : 'warning' },
      );
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  return (
    <Button size="small" startIcon={<SyncIcon />} disabled={isPending} onClick={() => mutate()}>
      {isPending ? 'Refreshing all…' : 'Refresh all'}
    </Button>
  );
};
