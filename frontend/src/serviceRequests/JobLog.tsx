// The stdout of one job, live: replayed then streamed by the jobLog subscription, with ANSI
// colours rendered as HTML. Falls back to polling the job when the subscription fails, and
// reconciles with the stored stdout once the job has ended.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Box, Typography } from '@mui/material';
import { AnsiUp } from 'ansi_up';
import { useDataProvider } from 'react-admin';
import { watchJobLog } from './live';
import { RelativeTime } from '../common/RelativeTime';
import type { SuperfluidDataProvider } from '../dataProvider';
import { isTerminalJobStatus, type JobStatus } from './api';
import type { LogChunk } from './live';

class LogBuffer {
  private ansi = new AnsiUp();
  text = '';
  html = '';

  constructor() {
    this.ansi.use_classes = false;
  }

  /** Appends `chunk` if it continues the text; returns false when there is a gap. */
  add(chunk: LogChunk): boolean {
    const end = chunk.offset + chunk.text.length;
    if (end <= this.text.length) return true; // already have it (replay after reconnect)
    if (chunk.offset > this.text.length) return false;
    this.append(chunk.text.slice(this.text.length - chunk.offset));
    return true;
  }

  /** Brings the buffer up to the full stored stdout. */
  sync(stdout: string): boolean {
    if (stdout.length <= this.text.length) return false;
    if (!stdout.startsWith(this.text)) {
      this.ansi = new AnsiUp();
      this.ansi.use_classes = false;
      this.text = '';
      this.html = '';
    }
    this.append(stdout.slice(this.text.length));
    return true;
  }

  private append(text: string) {
    this.text += text;
    this.html += this.ansi.ansi_to_html(text);
  }
}

export const JobLog = ({
  jobId,
  status,
  purgedAt,
}: {
  jobId: string;
  status: JobStatus;
  /** When retention removed the output: it is then said so instead of an empty log. */
  purgedAt?: string | null;
}) => {
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const buffer = useRef(new LogBuffer());
  const [html, setHtml] = useState('');
  const [polling, setPolling] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  const terminal = isTerminalJobStatus(status);

  const syncFromServer = useCallback(async () => {
    const { data } = await dataProvider.getJob(jobId);
    if (data && buffer.current.sync(data.stdout)) setHtml(buffer.current.html);
  }, [dataProvider, jobId]);

  useEffect(() => {
    const stop = watchJobLog(
      jobId,
      0,
      (chunk) => {
        if (buffer.current.add(chunk)) setHtml(buffer.current.html);
        else void syncFromServer();
      },
      () => setPolling(true),
    );
    return stop;
  }, [jobId, syncFromServer]);

  useEffect(() => {
    if (!polling || terminal) return undefined;
    const timer = setInterval(() => void syncFromServer().catch(() => undefined), 1000);
    return () => clearInterval(timer);
  }, [polling, terminal, syncFromServer]);

  // Once the job has ended, the stored stdout is complete: make sure nothing was missed.
  useEffect(() => {
    if (terminal) void syncFromServer().catch(() => undefined);
  }, [terminal, syncFromServer]);

  useLayoutEffect(() => {
    const el = box.current;
    if (el && stickToBottom.current) el.scrollTop = el.scrollHeight;
  }, [html]);

  return (
    <Box>
      <Box
        ref={box}
        role="log"
        aria-label="Job output"
        aria-live="polite"
        data-testid="job-log"
        onScroll={(e) => {
          const el = e.currentTarget;
          stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
        }}
        sx={{
          // A terminal's colours in both themes; darker than the dark theme's cards, so that it still stands out.
          bgcolor: (theme) => (theme.palette.mode === 'dark' ? '#0a0a0a' : '#1e1e1e'),
          color: '#e0e0e0',
          fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
          fontSize: 13,
          lineHeight: 1.45,
          p: 1.5,
          borderRadius: 1,
          maxHeight: 480,
          minHeight: 80,
          overflow: 'auto',
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-word',
        }}
      >
        {purgedAt && !html ? (
          <Typography component="span" sx={{ color: '#9e9e9e', fontSize: 13 }} data-testid="output-purged">
            Output removed by retention <RelativeTime value={purgedAt} />.
          </Typography>
        ) : html ? (
          <span dangerouslySetInnerHTML={{ __html: html }} />
        ) : (
          <Typography component="span" sx={{ color: '#9e9e9e', fontSize: 13 }}>
            {terminal ? 'No output.' : 'Waiting for output…'}
          </Typography>
        )}
      </Box>
      {polling && !terminal && (
        <Typography variant="caption" color="text.secondary">
          Live updates are unavailable; refreshing every second.
        </Typography>
      )}
    </Box>
  );
};
