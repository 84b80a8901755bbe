// The playbooks found at a repository's recorded commit, each with the outcome of
// `ansible-playbook --syntax-check` (run in the background a moment after a refresh).
import { Box, Chip, type ChipProps, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import type { Playbook, SyntaxStatus } from './api';

export const SYNTAX_CHIP_COLOUR: Record<SyntaxStatus, ChipProps['color']> = {
  pending: 'default',
  ok: 'success',
  failed: 'error',
};

const SYNTAX_HELP: Record<SyntaxStatus, string> = {
  pending: 'The syntax check has not run on this commit yet',
  ok: 'ansible-playbook --syntax-check passed',
  failed: 'ansible-playbook --syntax-check failed',
};

export const SyntaxChip = ({ status }: { status: SyntaxStatus }) => (
  <Tooltip title={SYNTAX_HELP[status]}>
    <Chip
      size="small"
      label={status}
      color={SYNTAX_CHIP_COLOUR[status]}
      variant={status === 'pending' ? 'outlined' : 'filled'}
      data-testid="playbook-syntax"
      data-status={status}
    />
  </Tooltip>
);

export const PlaybookTable = ({ playbooks }: { playbooks: Playbook[] }) =>
  playbooks.length === 0 ? (
    <Typography variant="body2" color="text.secondary">
      No playbooks found at this commit.
    </Typography>
  ) : (
    <Table size="small" aria-label="Playbooks">
      <TableHead>
        <TableRow>
          <TableCell>Playbook</TableCell>
          <TableCell>Syntax</TableCell>
          <TableCell sx={{ width: '60%' }}>Ansible says</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {playbooks.map((p) => (
          <TableRow key={p.path} data-testid="playbook-row" data-path={p.path} sx={{ verticalAlign: 'top' }}>
            <TableCell>
              <code>{p.path}</code>
            </TableCell>
            <TableCell>
              <SyntaxChip status={p.syntaxStatus} />
            </TableCell>
            <TableCell data-testid="playbook-syntax-error">
              {p.syntaxError ? (
                <Box component="pre" sx={{ m: 0, fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-word', color: 'error.main' }}>
                  {p.syntaxError}
                </Box>
              ) : (
                <Typography variant="body2" color="text.secondary">
                  —
                </Typography>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
