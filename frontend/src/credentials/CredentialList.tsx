import { Box, Chip, Typography } from '@mui/material';
import { DataTable, EditButton, List } from 'react-admin';
import { RelativeTime } from '../common/RelativeTime';
import { DeleteCredentialButton } from './DeleteCredentialButton';
import type { Credential } from './api';
import { useCredentialTypes } from './useCredentialTypes';

const Col = DataTable.Col<Credential>;

const TypeLabel = ({ type }: { type: string }) => {
  const { data: types } = useCredentialTypes();
  return <Chip size="small" label={types?.find((t) => t.name === type)?.label ?? type} data-testid="credential-type" />;
};

/** The non-secret fields in clear, the secret ones by name only. */
const Fields = ({ credential }: { credential: Credential }) => (
  <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, alignItems: 'center' }}>
    {Object.entries(credential.inputs).map(([key, value]) => (
      <Typography key={key} variant="caption" sx={{ mr: 1, wordBreak: 'break-all' }}>
        {key}: <code>{value.length > 60 ? `${value.slice(0, 60)}…` : value}</code>
      </Typography>
    ))}
    {credential.secretFields.map((key) => (
      <Chip key={key} size="small" variant="outlined" label={`${key}: stored`} data-testid="credential-secret" />
    ))}
  </Box>
);

export const CredentialList = () => (
  <List title="Credentials" perPage={50} pagination={false} exporter={false} sort={{ field: 'name', order: 'ASC' }}>
    <DataTable bulkActionButtons={false} rowClick="edit">
      <Col source="name" label="Name" />
      <Col source="type" label="Type" render={(r) => <TypeLabel type={r.type} />} />
      <Col label="Fields" disableSort render={(r) => <Fields credential={r} />} />
      <Col source="updatedAt" label="Updated" render={(r) => <RelativeTime value={r.updatedAt} />} />
      <Col label="Actions" disableSort>
        <Box sx={{ display: 'flex' }} onClick={(event) => event.stopPropagation()}>
          <EditButton />
          <DeleteCredentialButton />
        </Box>
      </Col>
    </DataTable>
  </List>
);
