// Quotas as bars: a dimension, whose limit it is, how much of it is used (orders waiting or running
// included), coloured as it fills.
import { Box, LinearProgress, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import type { Quota } from './api';

const amount = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

export const QuotaBar = ({ quota, action, showHolder }: { quota: Quota; action?: ReactNode; showHolder?: boolean }) => {
  const share = quota.limit > 0 ? Math.min(100, (quota.used / quota.limit) * 100) : quota.used > 0 ? 100 : 0;
  const colour = share >= 100 ? 'error' : share >= 80 ? 'warning' : 'primary';
  const holder = quota.tenant ? `tenant ${quota.tenant.name}` : quota.user ? `user ${quota.user.username}` : '';
  return (
    <Box data-testid="quota-bar" data-dimension={quota.dimension} data-used={quota.used} data-limit={quota.limit}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', justifyContent: 'space-between' }}>
        <Typography variant="body2" sx={{ fontWeight: 500, overflowWrap: 'anywhere' }}>
          {quota.dimension}
          {showHolder && holder ? (
            <Typography component="span" variant="caption" color="text.secondary">
              {` · ${holder}`}
            </Typography>
          ) : null}
        </Typography>
        <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', flexShrink: 0 }}>
          <Typography variant="body2" color={share >= 100 ? 'error' : 'text.secondary'} data-testid="quota-figures">
            {amount(quota.used)} of {amount(quota.limit)}
          </Typography>
          {action}
        </Stack>
      </Stack>
      <LinearProgress
        variant="determinate"
        value={share}
        color={colour}
        sx={{ height: 8, borderRadius: 4, mt: 0.5 }}
        aria-label={`${quota.dimension}: ${amount(quota.used)} of ${amount(quota.limit)}`}
      />
    </Box>
  );
};

export const QuotaBars = ({ quotas, empty, showHolder, action }: { quotas: Quota[]; empty: string; showHolder?: boolean; action?: (q: Quota) => ReactNode }) =>
  quotas.length === 0 ? (
    <Typography variant="body2" color="text.secondary" data-testid="quotas-empty">
      {empty}
    </Typography>
  ) : (
    <Stack spacing={2}>
      {quotas.map((q) => (
        <QuotaBar key={q.id} quota={q} showHolder={showHolder} action={action?.(q)} />
      ))}
    </Stack>
  );
