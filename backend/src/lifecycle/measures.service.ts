import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { forbiddenVariable } from '../common/ansible-variables.js';
import { AppError, ErrorCode, validationFailed } from '../common/app-error.js';
import { GitReposService } from '../git-repos/git-repos.service.js';
import { RequestStatusChangedEvent } from '../requests/request.events.js';
import { type ItemPlan, OLD_PLACEMENT, type RequestItemEntity } from '../requests/request-item.entity.js';
import { RequestQueue } from '../requests/request-queue.js';
import { RequestStore } from '../requests/request-store.js';
import { type ServiceRequestEntity, TERMINAL_REQUEST_STATUSES } from '../requests/service-request.entity.js';
import type { ServiceModel } from '../services/models/service.model.js';
import { ServicesService } from '../services/services.service.js';
import { StateMachinesService } from '../state-machines/state-machines.service.js';
import { ServiceMeasuredEvent } from './lifecycle.events.js';

/** A playbook's path in a repository: relative, no `..`, a YAML file. */
const PLAYBOOK_PATH = /^(?!.*(^|\/)\.\.(\/|$))[A-Za-z0-9_][A-Za-z0-9_./-]{0,254}\.ya?ml$/;
/** A service's ended measures are kept this long (a performance job measures every minute or more; its samples stay). */
const MEASURES_KEPT_MS = 86_400_000;

/** Where a measure of a service runs: a deployed item's placement, as the service runs it now. */
interface Target {
  original: ServiceRequestEntity;
  /** The request whose values the service has now (its last reconfiguration, heal or migration; else its order). */
  current: ServiceRequestEntity;
  item: RequestItemEntity;
}

/**
 * Measures of a service: one playbook run on the service's placement — its providers and sites,
 * with its values (secrets unsealed in the run only) and its outputs as variables, as its
 * retirement playbook gets them — at the commit the service runs, for its set_stats. A request
 * of its own (action `measure`, the `measure` state machine), listed like any other, that
 * changes nothing of the service: not its outputs, status or retirement, and it holds off
 * nothing (a retirement or reconfiguration may start while it runs). Its end is told as a
 * ServiceMeasuredEvent with what the playbook gave.
 */
@Injectable()
export class MeasuresService {
  private readonly logger = new Logger(MeasuresService.name);

  constructor(
    private readonly store: RequestStore,
    private readonly queue: RequestQueue,
    private readonly repos: GitReposService,
    private readonly services: ServicesService,
    private readonly machines: StateMachinesService,
    private readonly events: EventEmitter2,
  ) {}

  /** Why `playbook` cannot measure the service (said of the field), or null when it can. */
  async playbookProblem(service: ServiceModel, playbook: string): Promise<string | null> {
    const target = await this.target(service, playbook);
    return typeof target === 'string' ? target : null;
  }

  /**
   * Starts a measure of an active service by `playbook`, asked by `requesterId`; `tag` comes back
   * in the ServiceMeasuredEvent. The request's id. CONFLICT when the service is not active;
   * VALIDATION_FAILED when the playbook is not in its repository at the commit it runs.
   */
  async measure(serviceId: string, playbook: string, tag: string, requesterId: string | null): Promise<string> {
    const service = await this.services.get(serviceId);
    if (service.status !== 'active') throw new AppError(ErrorCode.CONFLICT, `This service is ${service.status}: only an active service is measured.`);
    const target = await this.target(service, playbook);
    if (typeof target === 'string') throw validationFailed(`The measure cannot run: playbook ${target}.`, { playbook: target });
    const { original, current, item } = target;
    const outputs = original.plan.service?.outputs === 'per-item' ? this.itemOutputs(service, item.name) : service.outputs;
    // What the service returned is given as variables, as to its retirement playbook (names Ansible reserves left out).
    const given = Object.fromEntries(Object.entries(outputs).filter(([name]) => !forbiddenVariable(name)));
    const plan: ItemPlan = {
      ...item.plan,
      playbook,
      extraVars: { ...item.plan.extraVars, ...given, superfluid_outputs: outputs },
      inputs: {},
    };
    // The service's measures of more than a day ago go: the samples keep what they found.
    await this.store.purgeEndedMeasures(service.id, new Date(Date.now() - MEASURES_KEPT_MS));
    const id = await this.store.create({
      templateId: original.templateId,
      requesterId: requesterId ?? service.ownerId,
      tenantId: original.tenantId,
      dialogValues: current.dialogValues,
      plan: { action: 'measure', machine: await this.machines.get('measure'), measure: { serviceId: service.id, tag }, refresh: 'policy' },
      items: [{ name: item.name, index: 0, plan }],
      groupIds: original.groupIds,
    });
    await this.queue.enqueue(id);
    return id;
  }

  /** A measure ended: told with the set_stats its playbook gave, or why it gave none. */
  @OnEvent(RequestStatusChangedEvent.NAME)
  async onRequest(e: RequestStatusChangedEvent): Promise<void> {
    if (e.action !== 'measure' || !TERMINAL_REQUEST_STATUSES.includes(e.status)) return;
    try {
      const request = await this.store.load(e.requestId);
      if (!request?.plan.measure) return;
      const [item] = await this.store.items(request.id);
      const ok = request.status === 'finished';
      await this.events.emitAsync(
        ServiceMeasuredEvent.NAME,
        new ServiceMeasuredEvent(
          request.id,
          request.plan.measure.serviceId,
          request.plan.measure.tag,
          ok ? (item?.outputs ?? {}) : null,
          ok ? null : (request.message ?? `the measure was ${request.status}`),
        ),
      );
    } catch (err) {
      this.logger.warn(`measure ${e.requestId}: ${(err as Error).message}`);
    }
  }

  /**
   * The deployed item whose repository holds `playbook` at the commit the item runs (the first by
   * index), where the service has it now: its last reconfiguration, heal or migration, else its
   * order. A string saying why there is none.
   */
  private async target(service: ServiceModel, playbook: string): Promise<Target | string> {
    if (!PLAYBOOK_PATH.test(playbook)) return 'is a path of a .yml or .yaml file in the repository (no ..)';
    const original = await this.store.load(service.requestId);
    if (!original) return 'cannot run: the request that made this service is gone';
    const latest = await this.store.lastFinished(service.id, ['reconfigure', 'heal', 'migrate']);
    const migration = latest?.action === 'migrate' ? latest : await this.store.lastFinished(service.id, ['migrate']);
    const items = new Map<string, { request: ServiceRequestEntity; item: RequestItemEntity }>();
    for (const request of [latest, migration, original]) {
      if (!request) continue;
      for (const item of await this.store.items(request.id)) {
        if (item.status !== 'successful' || item.name.endsWith(OLD_PLACEMENT) || items.has(item.name)) continue;
        items.set(item.name, { request, item });
      }
    }
    if (items.size === 0) return 'cannot run: nothing of this service was deployed by the portal';
    const looked: string[] = [];
    for (const { item } of [...items.values()].sort((a, b) => a.item.index - b.item.index)) {
      const { repoId, commit, repoName } = item.plan;
      // A missing file is simply absent; a failure is the repository's, said as such (not "not in it").
      let found: Map<string, Buffer>;
      try {
        found = await this.repos.readFiles(repoId, commit, [playbook]);
      } catch (err) {
        const reason = ((err as Error).message.split('\n')[0] ?? '').slice(0, 200);
        return `could not be read from repository "${repoName}" at ${commit.slice(0, 12)} (${reason}): try again, or refresh the repository`;
      }
      if (found.has(playbook)) return { original, current: latest ?? original, item };
      looked.push(`"${repoName}" at ${commit.slice(0, 12)}`);
    }
    return `is not in the service's repository at the commit it runs (${[...new Set(looked)].join(', ')})`;
  }

  private itemOutputs(service: ServiceModel, item: string): Record<string, unknown> {
    return ((service.outputs.items ?? {}) as Record<string, Record<string, unknown>>)[item] ?? {};
  }
}
