import RefreshIcon from '@mui/icons-material/Refresh';
import { Button, Tooltip } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { SuperfluidDataProvider } from '../dataProvider';
import type { GitRepo } from './api';

/** Asks the server to fetch the repo again and records the new commit and playbooks. A disabled
 * repository is not refreshed (the server refuses): the button says so instead. */
export const RefreshButton = () => {
  const record = useRecordContext<GitRepo>();
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const { mutate, isPending } = useMutation({
    mutationFn: (id: string) => dataProvider.refreshGitRepo(id),
    onSuccess: ({ data }) => {
      notify(`Refreshed ${data.name}${data.commit ? ` at ${data.commit.slice(0, 10)}` : ''}`, { type: 'info' });
      refresh();
    },
    onError: (error: Error) => {
      notify(error.message, { type: 'error' });
      refresh();
    },
  });
  if (!record) return null;
  const disabled = record.enabled === false;
  return (
    <Tooltip title={disabled ? 'Disabled: enable it to refresh it' : ''}>
      <span>
        <Button
          size="small"
          startIcon={<RefreshIcon />}
          disabled={isPending || disabled}
          aria-label={`Refresh ${record.name}`}
          onClick={(event) => {
            event.stopPropagation();
            mutate(record.id);
          }}
        >
          {isPending ? 'Refreshing…' : 'Refresh'}
        </Button>
      </span>
    </Tooltip>
  );
};
