// How to push to a repository the portal hosts: its clone URL, the two git commands, and where
// the password comes from (an API token).
import { Box, Link as MuiLink, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { CopyableValue, CopyButton } from '../common/CopyButton';
import type { GitRepo } from './api';

const Command = ({ text }: { text: string }) => (
  <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, bgcolor: 'action.hover', borderRadius: 1, px: 1.5, py: 0.5 }}>
    <Box component="code" sx={{ flex: 1, fontSize: 13, wordBreak: 'break-all' }} data-testid="push-command">
      {text}
    </Box>
    <CopyButton text={text} what="command" />
  </Box>
);

export const PushHowTo = ({ repo }: { repo: GitRepo & { cloneUrl: string } }) => (
  <Box data-testid="push-how-to">
    <Typography variant="body2" component="div" sx={{ mb: 1.5 }}>
      Clone URL: <CopyableValue text={repo.cloneUrl} what="clone URL" testId="repo-clone-url" />
    </Typography>
    <Typography variant="body2" sx={{ mb: 1 }}>
      From a clone of your playbooks, add the portal as a remote and push the <code>{repo.branch}</code> branch:
    </Typography>
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 0.5, mb: 1.5 }}>
      <Command text={`git remote add portal ${repo.cloneUrl}`} />
      <Command text={`git push portal HEAD:${repo.branch}`} />
    </Box>
    <Typography variant="body2" color="text.secondary">
      Git asks for a user name and a password: any user name will do, and the password is an{' '}
      <MuiLink component={Link} to="/apiTokens" data-testid="api-tokens-link">
        API token
      </MuiLink>
      . The portal checks each push: a playbook that fails <code>ansible-playbook --syntax-check</code> or an invalid catalog file refuses the whole push, with
      the reasons on git&apos;s <code>remote:</code> lines. An accepted push is refreshed before <code>git push</code> returns.
    </Typography>
  </Box>
);
