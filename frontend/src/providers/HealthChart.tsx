// A provider's latest health checks as a strip of bars, oldest on the left: the colour is the status
// (green up, red down, grey unknown), the height the latency, and a dot over a bar marks an alarm
// (the status changed). Each bar's tooltip gives the time, status, latency and message.
import { Box, Stack, Typography } from '@mui/material';
import { formatDateTime } from '../common/format';
import { RelativeTime } from '../common/RelativeTime';
import type { ProviderHealthCheck } from './api';

const COLOURS: Record<string, string> = { up: '#2e7d32', down: '#d32f2f' };
const UNKNOWN = '#9e9e9e';
const HEIGHT = 80;
const BAR = 10;
const GAP = 4;

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
  const width = checks.length * (BAR + GAP);
  const up = checks.filter((c) => c.status === 'up').length;
  return (
    <Box data-testid="health-chart">
      <Box sx={{ overflowX: 'auto' }}>
        <svg width={width} height={HEIGHT + 10} role="img" aria-label={`${checks.length} health checks, ${up} up`}>
          <line x1={0} x2={width} y1={HEIGHT + 9.5} y2={HEIGHT + 9.5} stroke="#e0e0e0" />
          {checks.map((c, i) => {
            // A check without a latency (it failed before answering) still shows, as a short bar.
            const h = Math.max(6, Math.round(((c.latencyMs ?? 0) / maxLatency) * (HEIGHT - 8)));
            const x = i * (BAR + GAP);
            const label = `${formatDateTime(c.checkedAt)} — ${c.status}${c.latencyMs !== null ? `, ${c.latencyMs} ms` : ''}${c.message ? ` — ${c.message}` : ''}`;
            return (
              <g key={`${c.checkedAt}-${i}`} data-testid="health-bar" data-status={c.status}>
                <title>{label}</title>
                <rect x={x} y={HEIGHT + 9 - h} width={BAR} height={h} rx={2} fill={COLOURS[c.status] ?? UNKNOWN} />
                {c.changed && <circle cx={x + BAR / 2} cy={HEIGHT + 2 - h} r={3} fill={COLOURS[c.status] ?? UNKNOWN} />}
              </g>
            );
          })}
        </svg>
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
