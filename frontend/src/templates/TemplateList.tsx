import { Box, Chip, Typography } from '@mui/material';
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { Button, CreateButton, DataTable, List, SearchInput, TopToolbar } from 'react-admin';
import { Link } from 'react-router-dom';
import { editable } from './templateModel';
import type { TemplateRecord } from './api';

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

/**
 * Every catalog item, published or not, with where it comes from, by name, searched and paged by
 * the API; a row opens the editor (or, for files and repositories, the copy offer).
 */
export const TemplateList = () => (
  <List title="Templates" perPage={50} exporter={false} filters={filters} sort={{ field: 'name', order: 'ASC' }} actions={<ListActions />}>
    <DataTable bulkActionButtons={false} rowClick="edit">
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
      <Col source="type" label="Type" disableSort />
      <Col source="catalog" label="Catalog" disableSort />
      <Col source="published" label="Published" disableSort render={(r) => (r.published ? 'yes' : 'no')} />
      <Col
        source="source"
        label="Source"
        disableSort
        render={(r) => (
          <Chip size="small" variant="outlined" color={editable(r) ? 'primary' : 'default'} label={r.source ?? 'editor'} data-testid="template-source" />
        )}
      />
    </DataTable>
  </List>
);
