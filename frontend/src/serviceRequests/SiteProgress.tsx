// A multi-site bundle's sites, one card each, in the order they are deployed: waiting, running, done
// or failed, with the times and each item's log one click away. Updated live with the request.
import ArticleIcon from '@mui/icons-material/Article';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import HourglassEmptyIcon from '@mui/icons-material/HourglassEmpty';
import { Box, Button, Card, CardActions, CardContent, CircularProgress, Stack, Typography } from '@mui/material';
import { RelativeTime } from '../common/RelativeTime';
import type { RequestItem } from './api';
import { siteSteps, type SiteStatus, type SiteStep } from './bundleState';

const SITE_WORDS: Record<SiteStatus, string> = { waiting: 'waiting', running: 'running', done: 'done', failed: 'failed' };
const SITE_COLOURS: Record<SiteStatus, string> = {
  waiting: 'divider',
  running: 'primary.main',
  done: 'success.main',
  failed: 'error.main',
};

const SiteIcon = ({ status }: { status: SiteStatus }) => {
  switch (status) {
    case 'waiting':
      return <HourglassEmptyIcon color="disabled" />;
    case 'running':
      return <CircularProgress size={22} aria-label="running" />;
    case 'done':
      return <CheckCircleIcon color="success" />;
    case 'failed':
      return <ErrorIcon color="error" />;
  }
};

const SiteCard = ({ step, onOpenLog }: { step: SiteStep; onOpenLog: (item: RequestItem) => void }) => (
  <Card
    variant="outlined"
    component="article"
    aria-label={`Site ${step.site}`}
    data-testid="site-card"
    data-site={step.site}
    data-site-status={step.status}
    sx={{ borderWidth: 2, borderColor: SITE_COLOURS[step.status], display: 'flex', flexDirection: 'column' }}
  >
    <CardContent sx={{ pb: 1, flexGrow: 1 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <SiteIcon status={step.status} />
        <Typography variant="h6" component="h4" sx={{ flexGrow: 1 }}>
          {step.site}
        </Typography>
        <Typography
          variant="subtitle2"
          color={step.status === 'failed' ? 'error' : step.status === 'done' ? 'success.main' : 'text.secondary'}
          data-testid="site-status"
        >
          {SITE_WORDS[step.status]}
        </Typography>
      </Stack>
      {step.items.some((i) => i.name !== step.site) && (
        <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 0.5 }}>
          {step.items.map((i) => i.name).join(', ')}
        </Typography>
      )}
      <Typography variant="body2" component="div" data-testid="site-time" sx={{ mt: 1 }}>
        {step.startedAt ? (
          <>
            Started <RelativeTime value={step.startedAt} />
          </>
        ) : (
          'Not started'
        )}
        {step.finishedAt ? (
          <>
            {' · ended '}
            <RelativeTime value={step.finishedAt} />
          </>
        ) : (
          ''
        )}
      </Typography>
      {step.message && (
        <Typography
          variant="body2"
          color="error"
          data-testid="site-message"
          title={step.message}
          sx={{ mt: 1, whiteSpace: 'pre-wrap', display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}
        >
          {step.message}
        </Typography>
      )}
    </CardContent>
    <CardActions sx={{ pt: 0 }}>
      {step.items.map((item) => (
        <Button key={item.id} size="small" startIcon={<ArticleIcon />} disabled={!item.jobId} onClick={() => onOpenLog(item)} data-testid="site-log-link">
          {step.items.length > 1 ? `Log: ${item.name}` : 'Log'}
        </Button>
      ))}
    </CardActions>
  </Card>
);

export const SiteProgress = ({ items, onOpenLog }: { items: RequestItem[]; onOpenLog: (item: RequestItem) => void }) => {
  const steps = siteSteps(items);
  if (steps.length === 0) return null;
  return (
    <Box component="section" aria-label="Sites" data-testid="sites">
      <Typography variant="subtitle1" component="h3" gutterBottom>
        Sites
      </Typography>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: `repeat(auto-fit, minmax(220px, 1fr))` }}>
        {steps.map((step) => (
          <SiteCard key={step.site} step={step} onOpenLog={onOpenLog} />
        ))}
      </Box>
    </Box>
  );
};
