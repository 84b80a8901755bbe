// The catalog as cards: a search box, the catalogs (folders) as tabs with their counts, and pages of
// cards — searched, filtered and paged by the API (serviceTemplates + serviceTemplateCount).
import { Box, Button, Card, CardActions, CardContent, CardHeader, Chip, Tab, Tabs, Typography } from '@mui/material';
import ShoppingCartIcon from '@mui/icons-material/ShoppingCart';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { ListBase, ListToolbar, Loading, Pagination, SearchInput, Title, useDataProvider, useListContext } from 'react-admin';
import type { SuperfluidDataProvider } from '../dataProvider';
import type { CatalogCard } from './api';
import { CatalogIcon } from './CatalogIcon';

const TYPE_LABEL: Record<string, string> = { bundle: 'Bundle', ansible_playbook: 'Playbook' };

const CatalogCard = ({ template }: { template: CatalogCard }) => (
  <Card
    component="article"
    variant="outlined"
    data-testid={`catalog-item-${template.name}`}
    aria-label={template.name}
    sx={{ display: 'flex', flexDirection: 'column', justifyContent: 'space-between' }}
  >
    <CardHeader
      avatar={<CatalogIcon icon={template.icon} type={template.type} />}
      title={template.name}
      subheader={
        <Box component="span" sx={{ display: 'inline-flex', gap: 0.5, mt: 0.5, flexWrap: 'wrap' }}>
          <Chip size="small" label={template.catalog} data-testid="catalog-chip" />
          <Chip size="small" variant="outlined" label={TYPE_LABEL[template.type] ?? template.type} />
        </Box>
      }
      slotProps={{ title: { variant: 'h6', component: 'h2' }, subheader: { component: 'div' } }}
      sx={{ pb: 0 }}
    />
    <CardContent sx={{ flexGrow: 1 }}>
      <Typography variant="body2" color="text.secondary">
        {template.description ?? 'No description.'}
      </Typography>
    </CardContent>
    <CardActions>
      <Button
        component={Link}
        to={`/catalog/${encodeURIComponent(template.id)}/order`}
        variant="contained"
        startIcon={<ShoppingCartIcon />}
        aria-label={`Order ${template.name}`}
      >
        Order
      </Button>
    </CardActions>
  </Card>
);

/** "All" and one tab per catalog, with the number of published items in each. */
const CatalogTabs = () => {
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const { filterValues, setFilters, displayedFilters } = useListContext<CatalogCard>();
  const { data: catalogs } = useQuery({
    queryKey: ['serviceCatalogs'],
    queryFn: async () => (await dataProvider.getServiceCatalogs()).data,
  });
  if (!catalogs || catalogs.length === 0) return null;
  const total = catalogs.reduce((sum, c) => sum + c.count, 0);
  const current = typeof filterValues.catalog === 'string' ? filterValues.catalog : '';
  const select = (catalog: string) => {
    const next: Record<string, unknown> = { ...filterValues };
    if (catalog) next.catalog = catalog;
    else delete next.catalog;
    setFilters(next, displayedFilters);
  };
  return (
    <Tabs
      value={catalogs.some((c) => c.name === current) ? current : ''}
      onChange={(_, value: string) => select(value)}
      variant="scrollable"
      scrollButtons="auto"
      aria-label="Catalogs"
      data-testid="catalog-tabs"
      sx={{ borderBottom: 1, borderColor: 'divider' }}
    >
      <Tab value="" label={`All (${total})`} data-testid="catalog-tab-all" />
      {catalogs.map((c) => (
        <Tab key={c.name} value={c.name} label={`${c.name} (${c.count})`} data-testid={`catalog-tab-${c.name}`} />
      ))}
    </Tabs>
  );
};

const CatalogGrid = () => {
  const { data, isPending, error, filterValues } = useListContext<CatalogCard>();
  if (isPending) return <Loading />;
  if (error) return <Typography color="error">{error.message}</Typography>;
  if (!data || data.length === 0) {
    const filtered = Boolean(filterValues.q || filterValues.catalog);
    return (
      <Typography sx={{ p: 2 }} data-testid="catalog-empty">
        {filtered ? 'Nothing in the catalog matches.' : 'The catalog is empty.'}
      </Typography>
    );
  }
  return (
    <Box data-testid="catalog" sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))', py: 2 }}>
      {data.map((template) => (
        <CatalogCard key={template.id} template={template} />
      ))}
    </Box>
  );
};

// The search and the tab stay in the page, not in the address: synced with the address, the search
// reached it half a second after the last key, and a click on Order meanwhile was undone by it
// (the catalog came back while the order form loaded). Back from an order form shows the whole catalog.
export const CatalogList = () => (
  <ListBase perPage={12} sort={{ field: 'name', order: 'ASC' }} disableSyncWithLocation>
    <Title title="Service catalog" />
    <ListToolbar filters={[<SearchInput key="q" source="q" alwaysOn placeholder="Search the catalog" />]} />
    <CatalogTabs />
    <CatalogGrid />
    <Pagination rowsPerPageOptions={[12, 24, 48]} />
  </ListBase>
);
