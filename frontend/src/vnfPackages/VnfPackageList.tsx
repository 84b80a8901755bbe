import { Box, Typography, useMediaQuery, type Theme } from '@mui/material';
import { DataTable, List, SelectInput, SimpleList } from 'react-admin';
import { type VnfPackage, VNF_PACKAGE_STATES } from './api';
import { VnfPackageStates } from './VnfPackageStates';

const Col = DataTable.Col<VnfPackage>;

const filters = [
  <SelectInput
    key="state"
    source="state"
    label="State"
    alwaysOn
    choices={Object.entries(VNF_PACKAGE_STATES).map(([id, name]) => ({ id, name }))}
    emptyText="All"
  />,
];

/** VNF packages found in the repositories' vnf-packages/ folders, with their state. */
export const VnfPackageList = () => {
  const small = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'));
  return (
    <List title="VNF packages" perPage={50} pagination={false} exporter={false} filters={filters} sort={{ field: 'name', order: 'ASC' }}>
      {small ? (
        <SimpleList<VnfPackage>
          primaryText={(p) => `${p.productName} ${p.softwareVersion}`}
          secondaryText={(p) => `${p.name} · ${p.provider} · ${p.repoName}`}
          tertiaryText={(p) => <VnfPackageStates pkg={p} />}
          linkType="show"
          sx={{ '& .MuiListItemText-secondary': { overflowWrap: 'anywhere' } }}
        />
      ) : (
        <DataTable bulkActionButtons={false} rowClick="show">
          <Col
            source="productName"
            label="Product"
            render={(p) => (
              <Box>
                <Typography variant="body2">{p.productName}</Typography>
                <Typography variant="caption" color="text.secondary" component="div">
                  {p.name}
                </Typography>
              </Box>
            )}
          />
          <Col source="softwareVersion" label="Version" />
          <Col source="provider" label="Provider" />
          <Col source="repoName" label="Repository" render={(p) => `${p.repoName} · ${p.path}`} />
          <Col label="State" disableSort render={(p) => <VnfPackageStates pkg={p} />} />
        </DataTable>
      )}
    </List>
  );
};
