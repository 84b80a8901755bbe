import { Box, Chip, Typography } from '@mui/material';

/** Small chips in a wrapping row (roles, groups); `empty` when there are none. */
export const ChipList = ({ labels, testId, empty = '—' }: { labels: string[]; testId: string; empty?: string }) =>
  labels.length === 0 ? (
    <Typography variant="body2" color="text.secondary">
      {empty}
    </Typography>
  ) : (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
      {labels.map((label) => (
        <Chip key={label} size="small" label={label} data-testid={testId} />
      ))}
    </Box>
  );
