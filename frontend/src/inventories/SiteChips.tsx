// An inventory's sites as chips: "epc → provider name" (the hosts, when some only, in the tooltip).
import { Chip, Stack, Tooltip } from '@mui/material';
import type { Provider } from '../providers/api';
import type { InventorySite } from './api';

export const SiteChips = ({ sites, providers }: { sites: InventorySite[]; providers: Provider[] }) => (
  <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="inventory-sites-chips">
    {sites.map((site) => {
      const provider = providers.find((p) => p.id === site.providerId)?.name ?? site.providerId.slice(0, 8);
      return (
        <Tooltip key={site.name} title={site.hosts?.length ? `Hosts: ${site.hosts.join(', ')}` : 'All of the provider’s hosts'}>
          <Chip size="small" label={`${site.name} → ${provider}`} data-testid="site-chip" />
        </Tooltip>
      );
    })}
  </Stack>
);
