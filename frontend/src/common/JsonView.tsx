import { Box } from '@mui/material';
import type { JsonValue } from '../types';

/** JSON pretty-printed in a monospace block. */
export const JsonView = ({ value, testId }: { value: JsonValue | undefined; testId?: string }) => (
  <Box
    component="pre"
    data-testid={testId}
    sx={{
      m: 0,
      p: 1.5,
      bgcolor: 'action.hover',
      borderRadius: 1,
      fontSize: 13,
      overflowX: 'auto',
      whiteSpace: 'pre-wrap',
      wordBreak: 'break-word',
    }}
  >
    {JSON.stringify(value ?? null, null, 2)}
  </Box>
);
