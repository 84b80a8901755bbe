import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { CatalogService } from '../catalog/catalog.service.js';
import { APP_CONFIG, type AppConfig, runsApi } from '../config/config.js';
import { ProvidersService } from '../providers/providers.service.js';
import { type QueueDepth, QueueService } from '../queue/queue.service.js';
import { RequestsService } from '../requests/requests.service.js';
import { ServicesService } from '../services/services.service.js';
import { TenantsService } from '../tenants/tenants.service.js';
import { MetricsService } from './metrics.service.js';

/** The queues' depths read for one gauge are reused by the other within this long (the same scrape). */
const DEPTHS_REUSE_MS = 1000;
/** A collector's failure is logged at most this often (a scrape every 15 s through an outage would say it each time). */
const LOG_EVERY_MS = 60_000;

/**
 * What is the same whichever process is asked, read at scrape time from Postgres (through the
 * owning modules' services) and from BullMQ: requests by catalog item and status, queue depth
 * and oldest waiting age, provider health, active services per tenant. Shown by the api and
 * all roles only — a worker answering them too would count them twice in a sum over
 * instances; several api instances show the same values (aggregate them with max, not sum).
 * A part that cannot be read (an outage) is left out of that scrape, never failing the rest.
 */
@Injectable()
export class ClusterMetrics implements OnModuleInit {
  private readonly logger = new Logger(ClusterMetrics.name);
  private readonly lastLogged = new Map<string, number>();
  private lastDepths?: { at: number; depths: Promise<QueueDepth[]> };

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: MetricsService,
    private readonly requests: RequestsService,
    private readonly catalog: CatalogService,
    private readonly queues: QueueService,
    private readonly providers: ProvidersService,
    private readonly services: ServicesService,
    private readonly tenants: TenantsService,
  ) {}

  onModuleInit(): void {
    if (!this.config.metricsToken || !runsApi(this.config)) return;
    const registers = [this.metrics.registry];
    const self = this;

    new Gauge({
      name: 'superfluid_requests',
      help: 'Service requests by catalog item, action (provision, retire, reconfigure...) and status, as stored now.',
      labelNames: ['item', 'item_id', 'action', 'status'],
      registers,
      async collect() {
        this.reset();
        await self.guarded('requests', async () => {
          const counts = await self.requests.countsByTemplate();
          const names = await self.catalog.names([...new Set(counts.map((c) => c.templateId))]);
          for (const c of counts)
            this.set({ item: names.get(c.templateId) ?? '(deleted)', item_id: c.templateId, action: c.action, status: c.status }, c.count);
        });
      },
    });

    new Gauge({
      name: 'superfluid_queue_jobs',
      help: 'BullMQ jobs by queue and state (waiting, active, delayed, prioritized, waiting-children, failed, completed) now.',
      labelNames: ['queue', 'state'],
      registers,
      async collect() {
        this.reset();
        await self.guarded('queues', async () => {
          for (const depth of await self.depths()) for (const [state, count] of Object.entries(depth.counts)) this.set({ queue: depth.queue, state }, count);
        });
      },
    });
    new Gauge({
      name: 'superfluid_queue_oldest_waiting_seconds',
      help: 'How long the oldest waiting job of each queue has waited (0: none waits).',
      labelNames: ['queue'],
      registers,
      async collect() {
        this.reset();
        await self.guarded('queues', async () => {
          const now = Date.now();
          for (const depth of await self.depths()) {
            this.set({ queue: depth.queue }, depth.oldestWaitingSince === null ? 0 : Math.max(0, (now - depth.oldestWaitingSince) / 1000));
          }
        });
      },
    });

    new Gauge({
      name: 'superfluid_provider_up',
      help: "Each provider's last health check: 1 up, 0 down (a provider never checked yet is left out).",
      labelNames: ['provider', 'provider_id', 'type'],
      registers,
      async collect() {
        this.reset();
        await self.guarded('providers', async () => {
          for (const p of await self.providers.list()) {
            if (p.healthStatus === 'up' || p.healthStatus === 'down')
              this.set({ provider: p.name, provider_id: p.id, type: p.type }, p.healthStatus === 'up' ? 1 : 0);
          }
        });
      },
    });

    new Gauge({
      name: 'superfluid_services_active',
      help: 'Active services per tenant (tenants with none are left out).',
      labelNames: ['tenant', 'tenant_id'],
      registers,
      async collect() {
        this.reset();
        await self.guarded('services', async () => {
          const [counts, tenants] = await Promise.all([self.services.activeCountsByTenant(), self.tenants.list()]);
          const names = new Map(tenants.map((t) => [t.id, t.name]));
          for (const c of counts) this.set({ tenant: names.get(c.tenantId) ?? '(deleted)', tenant_id: c.tenantId }, c.count);
        });
      },
    });
  }

  /** The queues' depths, read once for the two gauges of one scrape (prom-client collects them side by side). */
  private depths(): Promise<QueueDepth[]> {
    const now = Date.now();
    if (!this.lastDepths || now - this.lastDepths.at > DEPTHS_REUSE_MS) this.lastDepths = { at: now, depths: this.queues.depths() };
    return this.lastDepths.depths;
  }

  private async guarded(part: string, collect: () => Promise<void>): Promise<void> {
    try {
      await collect();
    } catch (err) {
      const now = Date.now();
      if (now - (this.lastLogged.get(part) ?? 0) > LOG_EVERY_MS) {
        this.lastLogged.set(part, now);
        this.logger.warn({ part, error: (err as Error).message }, 'metrics: could not read a part; left out of this scrape');
      }
    }
  }
}
