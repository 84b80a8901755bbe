// Saves the job's stored stdout as job-<id>.txt, without ANSI colour codes (built in the browser
// from the job as the API serves it).
import DownloadIcon from '@mui/icons-material/Download';
import { Button } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useDataProvider, useNotify } from 'react-admin';
import type { SuperfluidDataProvider } from '../dataProvider';
import { stripAnsi } from './jobEventStats';

const save = (text: string, filename: string) => {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
};

export const DownloadOutputButton = ({ jobId, disabled }: { jobId: string; disabled?: boolean }) => {
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const notify = useNotify();
  const { mutate, isPending } = useMutation({
    mutationFn: async () => {
      const { data } = await dataProvider.getJob(jobId);
      if (!data) throw new Error('This job no longer exists.');
      return data.stdout;
    },
    onSuccess: (stdout) => save(stripAnsi(stdout), `job-${jobId}.txt`),
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  return (
    <Button
      size="small"
      variant="outlined"
      startIcon={<DownloadIcon />}
      disabled={disabled || isPending}
      aria-label="Download output"
      data-testid="download-output"
      onClick={() => mutate()}
    >
      Download output
    </Button>
  );
};
