import { Box, Chip, Typography, useMediaQuery, type Theme } from '@mui/material';
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { Button, CreateButton, DataTable, List, SearchInput, TopToolbar } from 'react-admin';
import { Link } from 'react-router-dom';
import { SharedWith } from '../tenants/SharedWith';
import { editable } from './templateModel';
import type { TemplateRecord } from './api';
import { ShareTemplateButton } from './ShareTemplateButton';

const Col = DataTable.Col<TemplateRecord>;

const ListActions = () => (
  <TopToolbar>
    <CreateButton label="New item" data-testid="new-template" />
    <Button component={Link} to="/serviceTemplates/create?type=bundle" label="New bundle" data-testid="new-bundle">
      <AccountTreeIcon />
    </Button>
  </TopToolbar>
);

const filters = [<SearchInput key="q" source="q" alwaysOn placeholder="Search items" />];

/** A phone shows the item and its actions only: its type, folder and whom it is shared with go under its name. */
const PhoneItem = ({ record }: { record: TemplateRecord }) => (
  <Box sx={{ minWidth: 0 }}>
    <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
      {record.name}
    </Typography>
    <Typography variant="caption" color="text.secondary" component="div" sx={{ overflowWrap: 'anywhere', mb: 0.5 }}>
      {[record.type, record.catalog, record.published ? null : 'not published', record.source ?? 'editor'].filter(Boolean).join(' · ')}
    </Typography>
    {record.sharedWith.length > 0 ? <SharedWith ownerTenantId={record.tenantId} sharedWith={record.sharedWith} compact /> : null}
  </Box>
);

/**
 * Every catalog item, published or not, with where it comes from and whom it is shared with, by name,
 * searched and paged by the API; a row opens the editor (or, for files and repositories, the copy
 * offer); "Share" opens the share dialog. On a phone, two columns: the item and "Share".
 */
export const TemplateList = () => {
  const small = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'));
  return (
    <List title="Templates" perPage={50} exporter={false} filters={filters} sort={{ field: 'name', order: 'ASC' }} actions={<ListActions />}>
      <DataTable bulkActionButtons={false} rowClick="edit">
        {small ? (
          <Col source="name" label="Item" disableSort render={(r) => <PhoneItem record={r} />} />
        ) : (
          <Col
            source="name"
            label="Item"
            disableSort
            render={(r) => (
              <Box>
                <Typography variant="body2">{r.name}</Typography>
                <Typography variant="caption" color="text.secondary">
                  {r.description}
                </Typography>
              </Box>
            )}
          />
        )}
        {small ? null : <Col source="type" label="Type" disableSort />}
        {small ? null : <Col source="catalog" label="Catalog" disableSort />}
        {small ? null : <Col source="published" label="Published" disableSort render={(r) => (r.published ? 'yes' : 'no')} />}
        {small ? null : (
          <Col
            source="source"
            label="Source"
            disableSort
            render={(r) => (
              <Chip size="small" variant="outlined" color={editable(r) ? 'primary' : 'default'} label={r.source ?? 'editor'} data-testid="template-source" />
            )}
          />
        )}
        {small ? null : <Col label="Shared with" disableSort render={(r) => <SharedWith ownerTenantId={r.tenantId} sharedWith={r.sharedWith} compact />} />}
        <Col
          label="Actions"
          disableSort
          render={(r) => (
            <Box onClick={(event) => event.stopPropagation()}>
              <ShareTemplateButton record={r} />
            </Box>
          )}
        />
      </DataTable>
    </List>
  );
};
