// The current user's API tokens: for scripts (a bearer token) and for `git push` to hosted
// repositories (the password). The tokens themselves are never listed: only shown once, when created.
import BlockIcon from '@mui/icons-material/Block';
import { Box, Chip, Typography } from '@mui/material';
import { DataTable, DeleteButton, List, TopToolbar, useRecordContext } from 'react-admin';
import { ChipList } from '../common/ChipList';
import { RelativeTime } from '../common/RelativeTime';
import type { ApiToken } from './api';
import { CreateApiTokenButton } from './CreateApiTokenButton';

const Col = DataTable.Col<ApiToken>;

const RevokeButton = () => {
  const record = useRecordContext<ApiToken>();
  if (!record) return null;
  return (
    <DeleteButton
      label="Revoke"
      icon={<BlockIcon />}
      mutationMode="pessimistic"
      redirect={false}
      confirmTitle={`Revoke API token “${record.name}”?`}
      confirmContent="It stops working at once: scripts and git remotes that use it will be refused."
      aria-label={`Revoke ${record.name}`}
    />
  );
};

const Expires = ({ token }: { token: ApiToken }) => {
  if (!token.expiresAt) return <Typography variant="body2">never</Typography>;
  const expired = Date.parse(token.expiresAt) <= Date.now();
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
      <Typography variant="body2">
        <RelativeTime value={token.expiresAt} />
      </Typography>
      {expired ? <Chip size="small" color="warning" label="expired" /> : null}
    </Box>
  );
};

const Actions = () => (
  <TopToolbar>
    <CreateApiTokenButton />
  </TopToolbar>
);

// Shown inside the table, not as the list's `empty` page: the Create button must stay mounted in
// the toolbar while the list refetches after a creation, or its dialog (and the token shown once)
// would go with it.
const NoTokens = () => (
  <Box sx={{ p: 3, textAlign: 'center' }} data-testid="api-tokens-empty">
    <Typography variant="subtitle1" gutterBottom>
      No API tokens yet
    </Typography>
    <Typography variant="body2" color="text.secondary">
      A token lets a script call the API, and is the password to push to a repository the portal hosts.
    </Typography>
  </Box>
);

export const ApiTokenList = () => (
  <List title="API tokens" perPage={100} pagination={false} exporter={false} sort={{ field: 'createdAt', order: 'DESC' }} actions={<Actions />} empty={false}>
    <DataTable bulkActionButtons={false} rowClick={false} empty={<NoTokens />}>
      <Col source="name" label="Name" />
      <Col label="Scopes" disableSort render={(t) => <ChipList labels={t.scopes} testId="api-token-scope" empty="all" />} />
      <Col source="createdAt" label="Created" render={(t) => <RelativeTime value={t.createdAt} />} />
      <Col source="expiresAt" label="Expires" render={(t) => <Expires token={t} />} />
      <Col source="lastUsedAt" label="Last used" render={(t) => (t.lastUsedAt ? <RelativeTime value={t.lastUsedAt} /> : 'never')} />
      <Col label="Actions" disableSort>
        <RevokeButton />
      </Col>
    </DataTable>
  </List>
);
