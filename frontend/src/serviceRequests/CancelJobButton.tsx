// Stops a job that is still active: asks for confirmation, then calls cancelJob. The server
// stops ansible (SIGTERM, SIGKILL 10 s later) and the job ends `canceled` with its output kept;
// until then the button shows "Canceling…".
import { useState } from 'react';
import StopIcon from '@mui/icons-material/StopCircleOutlined';
import { Button } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { Confirm, useDataProvider, useNotify } from 'react-admin';
import type { SuperfluidDataProvider } from '../dataProvider';
import { isTerminalJobStatus, type Job } from './api';

export const CancelJobButton = ({ job, onChanged }: { job: Job; onChanged: () => unknown }) => {
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const notify = useNotify();
  const [confirming, setConfirming] = useState(false);
  const { mutate, isPending, data } = useMutation({
    mutationFn: (id: string) => dataProvider.cancelJob(id),
    onSuccess: () => void onChanged(),
    onError: (error: Error) => {
      // CONFLICT (the job has just ended) and every other error: the server's message as is.
      notify(error.message, { type: 'error' });
      void onChanged();
    },
  });
  if (isTerminalJobStatus(job.status)) return null;
  // Asked for (by anyone: the record says so) and not yet ended.
  const canceling = isPending || Boolean(job.cancelRequestedAt ?? data?.data.cancelRequestedAt);
  return (
    <>
      <Button
        size="small"
        color="warning"
        variant="outlined"
        startIcon={<StopIcon />}
        disabled={canceling}
        aria-label="Cancel job"
        data-testid="cancel-job"
        data-canceling={canceling ? 'true' : 'false'}
        onClick={() => setConfirming(true)}
      >
        {canceling ? 'Canceling…' : 'Cancel'}
      </Button>
      <Confirm
        isOpen={confirming}
        title={`Cancel job ${job.playbook}?`}
        content="Ansible is stopped where it is: the tasks it has not run yet will not run, and those it has run are not undone. The output so far is kept; the request ends canceled and leaves no service."
        confirm="Yes, cancel it"
        cancel="Keep running"
        confirmColor="warning"
        onConfirm={() => {
          setConfirming(false);
          mutate(job.id);
        }}
        onClose={() => setConfirming(false)}
        data-testid="cancel-job-confirm"
      />
    </>
  );
};
