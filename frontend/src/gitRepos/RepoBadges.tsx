// What kind of repository it is, at a glance: built-in, hosted by the portal, enabled or not.
import { Box, Chip, Tooltip } from '@mui/material';
import type { GitRepo } from './api';

export const RepoBadges = ({ repo }: { repo: GitRepo }) => (
  <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }} data-testid="repo-badges">
    {repo.builtin ? (
      <Tooltip title="Published by the portal from its playbooks/ folder">
        <Chip size="small" label="built-in" data-testid="badge-builtin" />
      </Tooltip>
    ) : null}
    {repo.hosted ? (
      <Tooltip title="Hosted by the portal: pushed to over HTTP">
        <Chip size="small" color="secondary" variant="outlined" label="hosted" data-testid="badge-hosted" />
      </Tooltip>
    ) : null}
    {repo.enabled ? (
      <Chip size="small" variant="outlined" label="enabled" data-testid="badge-enabled" />
    ) : (
      <Tooltip title="Neither refreshed nor ordered from; pushes are refused">
        <Chip size="small" color="warning" label="disabled" data-testid="badge-disabled" />
      </Tooltip>
    )}
  </Box>
);
