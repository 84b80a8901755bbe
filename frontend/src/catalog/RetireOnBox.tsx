// On the order form of an item whose services live a limited time: "Retire on", empty for the
// item's default lifetime, at most its longest. Values live under `lifetime.*` in the form, away
// from the dialog's own fields.
import { Box, Typography } from '@mui/material';
import { DateInput } from 'react-admin';
import { localDay } from '../common/format';

export interface Lifetime {
  defaultDays?: number;
  maxDays?: number;
  warnDays?: number;
}

const inDays = (days: number) => localDay(new Date(Date.now() + days * 86_400_000));

export const RetireOnBox = ({ lifetime }: { lifetime: Lifetime | null | undefined }) => {
  if (!lifetime) return null;
  const parts = [
    lifetime.defaultDays !== undefined ? `Empty: ${lifetime.defaultDays} days from its creation.` : 'Empty: the longest it may live.',
    lifetime.maxDays !== undefined ? `At most ${lifetime.maxDays} days (${inDays(lifetime.maxDays)}).` : '',
    `You are warned ${lifetime.warnDays ?? 7} days before.`,
  ];
  return (
    <Box sx={{ mt: 1, width: '100%' }} data-testid="retire-on">
      <Typography variant="subtitle2" gutterBottom>
        Retirement
      </Typography>
      <DateInput
        source="lifetime.retiresAt"
        label="Retire on"
        helperText={parts.filter(Boolean).join(' ')}
        slotProps={{ htmlInput: { min: inDays(0), max: lifetime.maxDays !== undefined ? inDays(lifetime.maxDays) : undefined } }}
      />
    </Box>
  );
};

/** The chosen day as orderService takes it (the end of that day, the user's time); undefined when empty. */
export const retiresAtOf = (values: Record<string, unknown>): string | undefined => {
  const day = (values.lifetime as { retiresAt?: unknown } | undefined)?.retiresAt;
  if (typeof day !== 'string' || !/^\d{4}-\d\d-\d\d/.test(day)) return undefined;
  return new Date(`${day.slice(0, 10)}T23:59:00`).toISOString();
};
