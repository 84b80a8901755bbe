import { Box, Button, Card, CardActions, CardContent, Chip, Typography } from '@mui/material';
import ShoppingCartIcon from '@mui/icons-material/ShoppingCart';
import { Link } from 'react-router-dom';
import { ListBase, ListToolbar, SearchInput, Title, useListContext, Loading } from 'react-admin';
import type { ServiceTemplate } from '../types';

const CatalogCard = ({ template }: { template: ServiceTemplate }) => (
  <Card
    component="article"
    variant="outlined"
    data-testid={`catalog-item-${template.name}`}
    aria-label={template.dialog.label || template.name}
    sx={{ display: 'flex', flexDirection: 'column', justifyContent: 'space-between' }}
  >
    <CardContent>
      <Typography variant="h6" component="h2" gutterBottom>
        {template.dialog.label || template.name}
      </Typography>
      <Chip size="small" label={template.type} sx={{ mb: 1 }} />
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
        aria-label={`Order ${template.dialog.label || template.name}`}
      >
        Order
      </Button>
    </CardActions>
  </Card>
);

const CatalogGrid = () => {
  const { data, isPending, error } = useListContext<ServiceTemplate>();
  if (isPending) return <Loading />;
  if (error) return <Typography color="error">{error.message}</Typography>;
  if (!data || data.length === 0) {
    return <Typography sx={{ p: 2 }}>The catalog is empty.</Typography>;
  }
  return (
    <Box
      data-testid="catalog"
      sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))', py: 1 }}
    >
      {data.map((template) => (
        <CatalogCard key={template.id} template={template} />
      ))}
    </Box>
  );
};

export const CatalogList = () => (
  <ListBase perPage={100} sort={{ field: 'name', order: 'ASC' }}>
    <Title title="Service catalog" />
    <ListToolbar filters={[<SearchInput key="q" source="q" alwaysOn />]} />
    <CatalogGrid />
  </ListBase>
);
