// The items of a bundle request, grouped by index: the items of one index ran (or run) in parallel
// and are shown side by side (one under the other on a phone); the groups follow each other in
// order. Each item shows its status, times, message and outputs, and opens its job (log, hosts, task
// results) in ItemLogs: a tab per item that has a job.
import { useState } from 'react';
import ArticleIcon from '@mui/icons-material/Article';
import { Alert, Box, Button, Card, CardActions, CardContent, CardHeader, Stack, Tab, Tabs, Typography } from '@mui/material';
import { OutputsTable } from '../common/OutputsTable';
import { StatusChip } from '../common/StatusChip';
import { shortCommit } from '../common/format';
import { RelativeTime } from '../common/RelativeTime';
import type { Job, RequestItem } from './api';
import { groupByIndex } from './bundleState';
import { Fact, JobCard } from './JobCard';

const hasOutputs = (outputs: RequestItem['outputs']): boolean =>
  outputs !== null && outputs !== undefined && !(typeof outputs === 'object' && Object.keys(outputs).length === 0);

const ItemCard = ({ item, onOpenLog, logShown }: { item: RequestItem; onOpenLog: () => void; logShown: boolean }) => (
  <Card
    variant="outlined"
    component="article"
    aria-label={`Item ${item.name}`}
    data-testid="bundle-item"
    data-item={item.name}
    data-status={item.status}
    sx={{ display: 'flex', flexDirection: 'column', borderColor: logShown ? 'primary.main' : undefined }}
  >
    <CardHeader
      title={item.name}
      subheader={item.site ? `site ${item.site} · ${item.playbook}` : item.playbook}
      action={<StatusChip status={item.status} testId="item-status" />}
      slotProps={{ title: { variant: 'subtitle1', component: 'h4' }, subheader: { variant: 'caption' } }}
      sx={{ pb: 0 }}
    />
    <CardContent sx={{ flexGrow: 1 }}>
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', mb: 1 }} useFlexGap>
        <Fact label="Started">
          <RelativeTime value={item.startedAt} />
        </Fact>
        <Fact label="Finished">
          <RelativeTime value={item.finishedAt} />
        </Fact>
        <Fact label="Commit">{shortCommit(item.commit)}</Fact>
      </Stack>
      {item.message && (
        <Alert severity={item.status === 'failed' ? 'error' : 'info'} sx={{ mb: 1, whiteSpace: 'pre-wrap' }} data-testid="item-message">
          {item.message}
        </Alert>
      )}
      {hasOutputs(item.outputs) && (
        <>
          <Typography variant="caption" color="text.secondary" component="div">
            Outputs
          </Typography>
          <OutputsTable value={item.outputs} testId="item-outputs" />
        </>
      )}
    </CardContent>
    <CardActions>
      <Button size="small" startIcon={<ArticleIcon />} disabled={!item.jobId} onClick={onOpenLog} data-testid="item-log-link">
        {item.jobId ? 'Log' : 'No job yet'}
      </Button>
    </CardActions>
  </Card>
);

/**
 * The item whose log is shown, shared by the item cards, the site cards and the logs' tabs.
 * onOpen: called when a card asks for an item's log (the page shows its logs then).
 */
export const useItemLogs = (onOpen: () => void) => {
  const [selected, setSelected] = useState<string | null>(null);
  const openLog = (item: RequestItem) => {
    setSelected(item.id);
    onOpen();
    requestAnimationFrame(() => document.getElementById('item-logs')?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  };
  return { selected, setSelected, openLog };
};

/** The items that have a job, in order, and the one whose log is shown: the chosen one, or else the latest started. */
const shownItem = (items: RequestItem[], selected: string | null) => {
  const withJobs = groupByIndex(items)
    .flatMap(([, group]) => group)
    .filter((i) => i.jobId);
  const shown = withJobs.find((i) => i.id === selected) ?? [...withJobs].sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? ''))[0] ?? null;
  return { withJobs, shown };
};

export const BundleItems = ({ items, logs }: { items: RequestItem[]; logs: ReturnType<typeof useItemLogs> }) => {
  const { shown } = shownItem(items, logs.selected);
  const groups = groupByIndex(items);
  if (items.length === 0) return null;
  return (
    <Stack spacing={2} component="section" aria-label="Items">
      <Typography variant="subtitle1" component="h3">
        Items
      </Typography>
      {groups.map(([index, group]) => (
        <Box key={index} data-testid="item-group" data-index={index} component="section" aria-label={`Index ${index}`}>
          <Typography variant="overline" color="text.secondary" component="div">
            Index {index}
            {group.length > 1 ? ` · ${group.length} in parallel` : ''}
          </Typography>
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', sm: `repeat(${Math.min(group.length, 3)}, minmax(0, 1fr))` } }}>
            {group.map((item) => (
              <ItemCard key={item.id} item={item} onOpenLog={() => logs.openLog(item)} logShown={shown?.id === item.id} />
            ))}
          </Box>
        </Box>
      ))}
    </Stack>
  );
};

/** The job of one item at a time (log, hosts, task results), a tab per item that has a job. */
export const ItemLogs = ({
  items,
  jobs,
  onChanged,
  logs,
}: {
  items: RequestItem[];
  jobs: Job[];
  onChanged: () => unknown;
  logs: ReturnType<typeof useItemLogs>;
}) => {
  const { withJobs, shown } = shownItem(items, logs.selected);
  const job = shown ? jobs.find((j) => j.id === shown.jobId) : undefined;
  if (!shown) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="no-item-jobs">
        No item has started a job yet.
      </Typography>
    );
  }
  return (
    <Box id="item-logs" component="section" aria-label="Item logs" data-testid="item-logs">
      <Tabs
        value={shown.id}
        onChange={(_, id: string) => logs.setSelected(id)}
        variant="scrollable"
        scrollButtons="auto"
        allowScrollButtonsMobile
        aria-label="Item logs"
        sx={{ borderBottom: 1, borderColor: 'divider', mb: 1 }}
      >
        {withJobs.map((item) => (
          <Tab key={item.id} value={item.id} label={item.name} data-testid={`item-log-tab-${item.name}`} />
        ))}
      </Tabs>
      {job ? (
        <JobCard key={job.id} job={job} onChanged={onChanged} title={`${shown.name}: ${job.playbook}`} />
      ) : (
        <Typography variant="body2" color="text.secondary">
          The job of {shown.name} is starting…
        </Typography>
      )}
    </Box>
  );
};
