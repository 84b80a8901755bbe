// The small "Schedule…" dialog: a name, then once at a date and time (the browser's), or repeatedly
// on a cron expression (minute hour day month weekday, said back in words) in a time zone. It hands
// the timing to `onSchedule`, which creates the schedule (or, given `initial`, changes one); the
// server's message (a bad cron, a refused order) is shown in the dialog.
import { useState, type ReactNode } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { cronInWords } from './cronWords';

export interface ScheduleTiming {
  name: string;
  runAt?: string;
  cron?: string;
  timezone?: string;
}

const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** A datetime-local input's value for `date`, in the browser's time zone. */
const localInput = (date: Date): string => {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}T${p(date.getHours())}:${p(date.getMinutes())}`;
};

export const ScheduleDialog = ({
  open,
  title,
  defaultName,
  initial,
  confirmLabel = 'Schedule',
  onClose,
  onSchedule,
  children,
}: {
  open: boolean;
  title: string;
  defaultName: string;
  /** The schedule's timing now, when the dialog changes one. */
  initial?: ScheduleTiming;
  confirmLabel?: string;
  onClose: () => void;
  onSchedule: (timing: ScheduleTiming) => Promise<void>;
  children?: ReactNode;
}) => {
  const [name, setName] = useState(initial?.name ?? defaultName);
  const [mode, setMode] = useState<'once' | 'cron'>(initial?.cron ? 'cron' : 'once');
  const [at, setAt] = useState(() => localInput(initial?.runAt ? new Date(initial.runAt) : new Date(Date.now() + 3_600_000)));
  const [cron, setCron] = useState(initial?.cron ?? '0 2 * * *');
  const [timezone, setTimezone] = useState(initial?.timezone ?? browserZone());
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async () => {
    setError(null);
    const runAt = new Date(at);
    if (mode === 'once' && Number.isNaN(runAt.getTime())) {
      setError('Choose a date and a time.');
      return;
    }
    setPending(true);
    try {
      await onSchedule(
        mode === 'once' ? { name: name.trim(), runAt: runAt.toISOString() } : { name: name.trim(), cron: cron.trim(), timezone: timezone.trim() || 'UTC' },
      );
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setPending(false);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="xs" aria-labelledby="schedule-dialog-title">
      <DialogTitle id="schedule-dialog-title">{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {children}
          <TextField
            label="Name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            fullWidth
            slotProps={{ htmlInput: { 'data-testid': 'schedule-name-input', maxLength: 100 } }}
          />
          <RadioGroup row value={mode} onChange={(e) => setMode(e.target.value as 'once' | 'cron')}>
            <FormControlLabel value="once" control={<Radio />} label="Once" data-testid="schedule-once" />
            <FormControlLabel value="cron" control={<Radio />} label="Repeat (cron)" data-testid="schedule-repeat" />
          </RadioGroup>
          {mode === 'once' ? (
            <TextField
              label="Date and time"
              type="datetime-local"
              value={at}
              onChange={(e) => setAt(e.target.value)}
              fullWidth
              helperText={`In your time zone (${browserZone()}).`}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'schedule-at', step: 1 } }}
            />
          ) : (
            <>
              <TextField
                label="Cron expression"
                value={cron}
                onChange={(e) => setCron(e.target.value)}
                fullWidth
                helperText="minute hour day month weekday, e.g. 0 2 * * * (every day at 02:00), 30 6 * * 1-5 (weekdays at 06:30)"
                slotProps={{ htmlInput: { 'data-testid': 'schedule-cron' } }}
              />
              <TextField
                label="Time zone"
                value={timezone}
                onChange={(e) => setTimezone(e.target.value)}
                fullWidth
                helperText="An IANA name: UTC, Europe/Paris, America/New_York…"
                slotProps={{ htmlInput: { 'data-testid': 'schedule-timezone' } }}
              />
              <Typography variant="body2" color="text.secondary" data-testid="schedule-cron-words">
                {cronInWords(cron, timezone || 'UTC')}
              </Typography>
            </>
          )}
          {error ? (
            <Alert severity="error" data-testid="schedule-error">
              {error}
            </Alert>
          ) : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={pending || !name.trim()} onClick={() => void submit()} data-testid="schedule-confirm">
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
