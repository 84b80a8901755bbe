// "Order again" on an ended order (finished, failed or canceled): the item's order form, filled
// with this request's values (secret fields left empty: they were never stored in clear).
import ReplayIcon from '@mui/icons-material/Replay';
import { Button } from '@mui/material';
import { Link } from 'react-router-dom';
import type { ServiceRequest } from './api';

const ENDED = new Set(['finished', 'failed', 'canceled', 'denied']);

export const OrderAgainButton = ({ request }: { request: ServiceRequest }) => {
  if (request.machine?.action !== 'provision' || !ENDED.has(request.status) || !request.template) return null;
  return (
    <Button
      component={Link}
      to={`/catalog/${encodeURIComponent(request.template.id)}/order?from=${encodeURIComponent(request.id)}`}
      variant="outlined"
      startIcon={<ReplayIcon />}
      sx={{ alignSelf: 'flex-start' }}
      data-testid="order-again"
    >
      Order again
    </Button>
  );
};
