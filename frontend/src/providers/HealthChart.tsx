// A provider's latest health checks as a strip of bars across the card's width, oldest on the left:
// the colour is the status (green up, red down, grey unknown), the height the latency, and a dot over
// a bar marks an alarm (the status changed). The strip has a slot for each of the checks the page
// asks for (SLOTS), filled from the right as checks come, so a new provider's few checks read as
// the start of a history, not as stubs. Each bar's tooltip gives the time, status, latency and message.
import { Box, Stack, Typography } from '@mui/material';
import { formatDateTime } from '../common/format';
import { RelativeTime } from '../common/RelativeTime';
import type { ProviderHealthCheck } from './api';

const COLOURS: Record<string, string> = { up: '#2e7d32', down: '#d32f2f' };
const UNKNOWN = '#9e9e9e';
const HEIGHT = 96;
/** As many as api.ts asks for (healthHistory(take: 50)). */
const SLOTS = 50;

export const HealthChart = ({ history }: { history: ProviderHealthCheck[] }) => {
  if (history.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="health-chart-empty">
        No health check yet.
      </Typography>
    );
  }
  const checks = [...history].reverse(); // the API gives newest first
  const maxLatency = Math.max(1, ...checks.map((c) => c.latencyMs ?? 0));
  const up = checks.filter((c) => c.status === 'up').length;
  const empty = Math.max(0, SLOTS - checks.length);
  return (
    <Box data-testid="health-chart">
      <Box
        role="img"
        aria-label={`${checks.length} health checks, ${up} up`}
        sx={{ display: 'flex', alignItems: 'flex-end', gap: '2px', height: HEIGHT, borderBottom: 1, borderColor: 'divider' }}
      >
        {Array.from({ length: empty }, (_, i) => (
          <Box key={`empty-${i}`} sx={{ flex: '1 1 0', minWidth: 0, height: 4, bgcolor: 'action.hover', borderRadius: 0.5 }} />
        ))}
        {checks.map((c, i) => {
          // A check without a latency (it failed before answering) still shows, as a short bar.
          const h = Math.max(6, Math.round(((c.latencyMs ?? 0) / maxLatency) * (HEIGHT - 14)));
          const colour = COLOURS[c.status] ?? UNKNOWN;
          const label = `${formatDateTime(c.checkedAt)} — ${c.status}${c.latencyMs !== null ? `, ${c.latencyMs} ms` : ''}${c.message ? ` — ${c.message}` : ''}`;
          return (
            <Box
              key={`${c.checkedAt}-${i}`}
              title={label}
              data-testid="health-bar"
              data-status={c.status}
              sx={{ flex: '1 1 0', minWidth: 0, display: 'flex', flexDirection: 'column', alignItems: 'center', gap: '2px' }}
            >
              {c.changed && <Box sx={{ width: 6, height: 6, borderRadius: '50%', bgcolor: colour }} />}
              <Box sx={{ width: '100%', height: h, bgcolor: colour, borderRadius: '2px 2px 0 0' }} />
            </Box>
          );
        })}
      </Box>
      <Stack direction="row" spacing={2} sx={{ mt: 0.5, flexWrap: 'wrap' }} useFlexGap>
        <Typography variant="caption" color="text.secondary">
          <RelativeTime value={checks[0].checkedAt} /> → <RelativeTime value={checks[checks.length - 1].checkedAt} />
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {up} of {checks.length} up · slowest {maxLatency} ms · ● alarm
        </Typography>
      </Stack>
    </Box>
  );
};
