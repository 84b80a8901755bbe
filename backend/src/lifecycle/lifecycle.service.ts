import type { TenantScope, Viewer } from '../auth/auth.decorators.js';
import { Injectable } from '@nestjs/common';
import { forbiddenVariable } from '../common/ansible-variables.js';
import { AppError, ErrorCode, notFound, validationFailed } from '../common/app-error.js';
import { CatalogService } from '../catalog/catalog.service.js';
import type { ProvisionSpec } from '../catalog/catalog.types.js';
import type { ServiceTemplateEntity } from '../catalog/service-template.entity.js';
import { DialogsService } from '../dialogs/dialogs.service.js';
import { GitReposService } from '../git-repos/git-repos.service.js';
import type { ServiceRequestModel } from '../requests/models/service-request.model.js';
import { type ItemPlan, OLD_PLACEMENT, type RequestItemEntity } from '../requests/request-item.entity.js';
import { masked, RequestPlanner, SINGLE_ITEM, withServiceId } from '../requests/request-planner.js';
import { RequestQueue } from '../requests/request-queue.js';
import { type NewItem, RequestStore } from '../requests/request-store.js';
import type { RequestOrigin, RequestPlan, ServiceRequestEntity } from '../requests/service-request.entity.js';
import { ServicesService } from '../services/services.service.js';
import { StateMachinesService } from '../state-machines/state-machines.service.js';
import type { UserModel } from '../users/models/user.model.js';
import type { ServiceModel } from '../services/models/service.model.js';
import type { StateMachineDef } from '../state-machines/state-machine.types.js';

/** What was deployed by an item, and the playbook that undoes or changes it. */
interface Deployed {
  name: string;
  index: number;
  plan: ItemPlan;
  playbook: string;
  outputs: Record<string, unknown>;
}

const OPEN = 'This service has a retirement, reconfiguration, heal or migration under way already: wait for it to end.';

/** Where to move a service: a provider, for one site of a multi-site bundle (no site: a single playbook's provider). */
export interface Placement {
  site?: string | null;
  providerId: string;
  /** As answered by placementsOf: the provider types the site takes (none: any). */
  providerTypes?: string[] | null;
}

/** The longest reason a forced retirement keeps. */
export const FORCE_REASON_MAX = 1000;

/** What a forced retirement's request follows: nothing runs, it is finished as it is made. */
const FORCED: StateMachineDef = {
  name: 'force-retire',
  description: 'Marked retired by an administrator: no playbook ran, nothing was removed.',
  states: [],
};

/**
 * What happens to a service after its order: retirement, reconfiguration, and the rollback
 * of what a failed request deployed. Each is a request of its own, planned here as items
 * (the retirement or reconfigure playbooks of what was deployed) under its state machine,
 * and run by the same engine as every order.
 */
@Injectable()
export class LifecycleService {
  constructor(
    private readonly store: RequestStore,
    private readonly queue: RequestQueue,
    private readonly planner: RequestPlanner,
    private readonly catalog: CatalogService,
    private readonly dialogs: DialogsService,
    private readonly repos: GitReposService,
    private readonly services: ServicesService,
    private readonly machines: StateMachinesService,
  ) {}

  /**
   * Retires a service: a request of its own following the `retirement` state machine,
   * whose items run the retirement playbooks of what was deployed, in reverse order
   * (highest index first), each with its variables and the outputs it returned.
   */
  async retire(user: UserModel, serviceId: string, viewer?: Viewer, origin?: RequestOrigin): Promise<ServiceRequestModel> {
    const service = await this.services.get(serviceId, viewer);
    if (service.status !== 'active') throw new AppError(ErrorCode.CONFLICT, `This service is ${service.status}: there is nothing to retire.`);
    if (await this.store.hasOpenLifecycle(serviceId)) throw new AppError(ErrorCode.CONFLICT, OPEN);
    const { original, template } = await this.origin(service.requestId, 'retired');
    const items = await this.placement(service.id, original.id);
    const deployed: Deployed[] = [];
    for (const [name, spec] of this.itemSpecs(template)) {
      const item = items.find((i) => i.name === name && i.status === 'successful');
      if (spec.retirement && item) {
        const outputs = name === SINGLE_ITEM && !template.items ? service.outputs : (item.outputs ?? {});
        deployed.push({ name, index: item.index, plan: item.plan, playbook: spec.retirement.playbook, outputs });
      }
    }
    const plans = await this.undoPlans(deployed);
    return this.submit(
      user.id,
      original,
      original.dialogValues,
      { action: 'retire', serviceId, machine: await this.machines.get('retirement'), ...(origin ? { schedule: origin } : {}) },
      plans,
    );
  }

  /**
   * Force-retires a service whose target is gone (a site or cloud that no longer exists, what
   * was deployed removed by hand): it is marked retired with no playbook run, and a retirement
   * request, finished as it is made, records who did it and why (the audit trail has the call
   * too). NOT_FOUND when the caller may not see the service; the reason is required.
   */
  async forceRetire(user: UserModel, serviceId: string, reason: string, viewer?: Viewer, scope?: TenantScope): Promise<ServiceModel> {
    const service = await this.services.get(serviceId, viewer);
    // Seeing a service (an auditor, an operator) is not enough: the caller must be an administrator of its tenant.
    if (scope && !scope.tenants.includes(service.tenantId)) {
      throw new AppError(ErrorCode.FORBIDDEN, 'Only an administrator of the service’s tenant may force-retire it.');
    }
    const why = reason.trim();
    if (!why) throw validationFailed('Say why the service is force-retired (what is gone).', { reason: 'is required' });
    if (why.length > FORCE_REASON_MAX)
      throw validationFailed(`The reason is longer than ${FORCE_REASON_MAX} characters.`, { reason: `at most ${FORCE_REASON_MAX} characters` });
    if (service.status !== 'active') throw new AppError(ErrorCode.CONFLICT, `This service is ${service.status}: there is nothing to retire.`);
    if (await this.store.hasOpenLifecycle(serviceId)) {
      throw new AppError(ErrorCode.CONFLICT, `${OPEN.slice(0, -1)}, or cancel its job, then force-retire it.`);
    }
    const message =
      `Force-retired by ${user.username}: ${why}. No retirement playbook ran: ` + 'whatever of the service is still on its providers was left there.';
    await this.store.createFinished(
      {
        templateId: service.templateId,
        requesterId: user.id,
        tenantId: service.tenantId,
        dialogValues: {},
        plan: { action: 'retire', serviceId, machine: FORCED, refresh: 'always', forced: { by: user.username, reason: why } },
        items: [],
        groupIds: service.groupIds,
      },
      message,
      async (tx) => {
        // Retired here, or not at all: a retirement that ended meanwhile wins, and this stores nothing.
        if (!(await this.services.retire(serviceId, tx)))
          throw new AppError(ErrorCode.CONFLICT, 'This service was retired meanwhile: there is nothing to retire.');
        await this.store.releaseQuota(service.requestId, tx);
      },
    );
    return this.services.get(serviceId);
  }

  /**
   * Deletes a retired service's record: it leaves the services list, and its providers are no
   * longer kept by it. The requests that made, changed and retired it stay, as does the audit
   * trail. CONFLICT while it is active (retire it first) or a request of it is under way.
   */
  async deleteService(serviceId: string, viewer?: Viewer): Promise<boolean> {
    const service = await this.services.get(serviceId, viewer);
    if (service.status !== 'retired') throw new AppError(ErrorCode.CONFLICT, 'This service is active: retire it first, then delete its record.');
    if (await this.store.hasOpenLifecycle(serviceId)) throw new AppError(ErrorCode.CONFLICT, OPEN);
    if (!(await this.services.remove(serviceId))) throw notFound('Service', serviceId);
    return true;
  }

  /** The retirement playbooks a retirement of the service would run, in their order (none: it would only be marked retired). */
  async retirementPlaybooks(service: { id: string; requestId: string }): Promise<string[]> {
    const original = await this.store.load(service.requestId);
    const template = original && (await this.catalog.template(original.templateId));
    if (!original || !template) return [];
    const items = await this.placement(service.id, original.id);
    return this.itemSpecs(template)
      .map(([name, spec]) => ({ spec, item: items.find((i) => i.name === name && i.status === 'successful') }))
      .filter(({ spec, item }) => spec.retirement && item)
      .sort((a, b) => b.item!.index - a.item!.index)
      .map(({ spec }) => spec.retirement!.playbook);
  }

  /**
   * Rolls back what a failed request deployed: a request following the retirement machine
   * whose items run the retirement playbooks of the items that succeeded, in reverse order.
   * Null when nothing needs undoing.
   */
  async rollback(requestId: string): Promise<string | null> {
    const failed = await this.store.load(requestId);
    if (!failed) return null;
    const template = await this.catalog.template(failed.templateId);
    if (!template) return null;
    const items = await this.store.items(failed.id);
    const deployed: Deployed[] = [];
    // A failed migration undoes only what it put on the new providers: the rest ran again in place.
    const moved = failed.plan.action === 'migrate' ? (failed.plan.migration?.moved ?? []) : null;
    for (const [name, spec] of this.itemSpecs(template)) {
      if (moved && !moved.includes(name)) continue;
      // Only what succeeded: a failed item's site may be the very thing that is unreachable.
      const item = items.find((i) => i.name === name && i.status === 'successful');
      if (spec.retirement && item) deployed.push({ name, index: item.index, plan: item.plan, playbook: spec.retirement.playbook, outputs: item.outputs ?? {} });
    }
    const plans = await this.undoPlans(deployed);
    if (plans.length === 0) return null;
    const request = await this.submit(
      failed.requesterId,
      failed,
      failed.dialogValues,
      { action: 'rollback', rollbackOf: failed.id, machine: await this.machines.get('retirement') },
      plans,
    );
    return request.id;
  }

  /**
   * Reconfigures a service: the fields its dialog marks `reconfigurable` take the values given
   * (the others keep the values the service has: those it was ordered, or last reconfigured,
   * with — a secret field not given again keeps its sealed value), the whole is validated as
   * an order would be, and a request following the `reconfigure` state machine runs the
   * reconfigure playbooks of what was deployed, in index order, each with the new variables
   * and the outputs it returned (as `superfluid_outputs`). Its last state gives the service
   * the new outputs.
   */
  async reconfigure(user: UserModel, serviceId: string, submitted: unknown, viewer?: Viewer): Promise<ServiceRequestModel> {
    if (submitted === null || typeof submitted !== 'object' || Array.isArray(submitted)) {
      throw validationFailed('dialogValues must be an object of field names to values, e.g. {"replicas": 3}');
    }
    const service = await this.services.get(serviceId, viewer);
    if (service.status !== 'active') throw new AppError(ErrorCode.CONFLICT, `This service is ${service.status}: only an active service can be reconfigured.`);
    const { original, template } = await this.origin(service.requestId, 'reconfigured');
    if (await this.store.hasOpenLifecycle(serviceId)) throw new AppError(ErrorCode.CONFLICT, OPEN);
    const specs = this.reconfigureSpecs(template);
    if (specs.length === 0) {
      throw new AppError(ErrorCode.CONFLICT, `"${template.name}" has no reconfigure playbook: its services cannot be reconfigured.`);
    }
    const [allowed, secretFields] = await Promise.all([this.dialogs.reconfigurableFields(template.dialogName), this.dialogs.secretFields(template.dialogName)]);
    const source = (await this.store.lastReconfiguration(service.id)) ?? original;
    const sourceItems = await this.store.items(source.id);
    const current = { ...source.dialogValues, ...this.unsealedFields(sourceItems, specs, secretFields) };
    // A secret shown masked and sent back as it was is not a change.
    const given = Object.fromEntries(Object.entries(submitted as Record<string, unknown>).filter(([k, v]) => !(secretFields.includes(k) && v === '********')));
    const changed = Object.keys(given).filter((k) => JSON.stringify(given[k]) !== JSON.stringify(current[k]));
    const refused = changed.filter((k) => !allowed.includes(k));
    if (refused.length) {
      throw validationFailed(
        `Only the reconfigurable fields of "${template.name}" can change (${allowed.join(', ') || 'none'}): ${refused.join(', ')} cannot.`,
        Object.fromEntries(refused.map((k) => [k, 'cannot be changed once the service exists'])),
      );
    }
    if (changed.length === 0) throw validationFailed('Nothing to change: these are the values the service has.');
    const values = await this.dialogs.validate(template.dialogName, { ...current, ...given });
    const plans: NewItem[] = [];
    for (const spec of specs) {
      const deployed = sourceItems.find((i) => i.name === spec.name);
      if (!deployed) continue;
      plans.push(await this.rerunPlan(spec, deployed.plan, values, secretFields, this.outputsOf(service, template, spec.name), {}));
    }
    return this.submit(
      user.id,
      original,
      masked(values, secretFields),
      { action: 'reconfigure', serviceId, machine: await this.machines.get('reconfigure') },
      plans,
    );
  }

  /**
   * Heals a service: a request following the `heal` state machine runs, for each item that was
   * deployed, in index order, its heal playbook (its provision playbook again where it has none)
   * with the values the service has (as ordered or last reconfigured; secrets unsealed), on the
   * same providers and sites and under the same service id. A bundle's items are given what the
   * items before them return now (a part that came back elsewhere is found there). The service
   * takes the outputs they return; on failure it keeps the ones it had.
   */
  async heal(user: UserModel, serviceId: string, viewer?: Viewer, origin?: RequestOrigin): Promise<ServiceRequestModel> {
    const service = await this.services.get(serviceId, viewer);
    if (service.status !== 'active') throw new AppError(ErrorCode.CONFLICT, `This service is ${service.status}: only an active service can be healed.`);
    const { original, template } = await this.origin(service.requestId, 'healed');
    if (await this.store.hasOpenLifecycle(serviceId)) throw new AppError(ErrorCode.CONFLICT, OPEN);
    const specs = this.healSpecs(template);
    const secretFields = await this.dialogs.secretFields(template.dialogName);
    const source = (await this.store.lastReconfiguration(service.id)) ?? original;
    const originalItems = await this.placement(service.id, original.id);
    const sourceItems = await this.store.items(source.id);
    const values = {
      ...source.dialogValues,
      ...this.unsealedFields(originalItems, specs, secretFields),
      ...this.unsealedFields(sourceItems, specs, secretFields),
    };
    const plans: NewItem[] = [];
    for (const spec of specs) {
      const deployed = originalItems.find((i) => i.name === spec.name && i.status === 'successful');
      if (!deployed) continue;
      plans.push(await this.rerunPlan(spec, deployed.plan, values, secretFields, this.outputsOf(service, template, spec.name), spec.inputs));
    }
    if (plans.length === 0) throw new AppError(ErrorCode.CONFLICT, 'Nothing of this service was deployed by the portal: there is nothing to heal.');
    return this.submit(
      user.id,
      original,
      masked(values, secretFields),
      { action: 'heal', serviceId, machine: await this.machines.get('heal'), ...(origin ? { schedule: origin } : {}) },
      plans,
    );
  }

  /**
   * Migrates a service to other providers: for a single playbook its provider, for a multi-site
   * bundle the provider of one or more sites (each of a type the site takes, and one the caller
   * may use). A request following the `migrate` state machine provisions every item again with
   * the values the service has, the moved ones on their new providers and the others in place
   * (so they are given the new places of what they use), index by index; once all succeeded, the
   * retirement playbooks of the moved items run on their old providers, and the service takes
   * the new outputs and providers. If a step fails, the old placement is kept and what the
   * migration deployed on the new providers is rolled back.
   */
  async migrate(user: UserModel, serviceId: string, placements: Placement[], viewer?: Viewer, scope?: TenantScope): Promise<ServiceRequestModel> {
    const service = await this.services.get(serviceId, viewer);
    if (service.status !== 'active') throw new AppError(ErrorCode.CONFLICT, `This service is ${service.status}: only an active service can be migrated.`);
    const { original, template } = await this.origin(service.requestId, 'migrated');
    if (await this.store.hasOpenLifecycle(serviceId)) throw new AppError(ErrorCode.CONFLICT, OPEN);
    if (placements.length === 0)
      throw validationFailed('Say where to move it: a provider (one per site for a multi-site service).', { placements: 'is required' });
    const changes = this.placementFields(template, placements);
    const secretFields = await this.dialogs.secretFields(template.dialogName);
    const source = (await this.store.lastReconfiguration(service.id)) ?? original;
    const deployedItems = await this.placement(service.id, original.id);
    const sourceItems = await this.store.items(source.id);
    const specs = this.healSpecs(template);
    const current = {
      ...source.dialogValues,
      ...this.unsealedFields(deployedItems, specs, secretFields),
      ...this.unsealedFields(sourceItems, specs, secretFields),
    };
    if (Object.entries(changes).every(([field, providerId]) => current[field] === providerId)) {
      throw validationFailed(
        'Nothing to move: the service is on these providers already.',
        Object.fromEntries(Object.keys(changes).map((f) => [f, 'is where it is now'])),
      );
    }
    await this.planner.checkSiteTypes(template, { ...current, ...changes }, scope);
    const values = await this.dialogs.validate(template.dialogName, { ...current, ...changes });
    const planned = withServiceId(
      await this.planner.items(template, values, secretFields, { scope, jobOptions: deployedItems[0]?.plan.options }),
      String(deployedItems[0]?.plan.extraVars.superfluid_service_id ?? service.id),
    );
    // What moves: the items whose provider changes. Each is retired where it was, once everything runs on the new placement.
    const moved = planned.filter((item) => {
      const was = deployedItems.find((d) => d.name === item.name && d.status === 'successful');
      return was && was.plan.providerId !== item.plan.providerId;
    });
    if (moved.length === 0) throw validationFailed('Nothing to move: no item of the service runs on the providers changed.');
    const outputs = (name: string) => this.outputsOf(service, template, name);
    const plans: NewItem[] = planned.map((item) => ({
      ...item,
      plan: { ...item.plan, extraVars: { ...item.plan.extraVars, superfluid_outputs: outputs(item.name) } },
    }));
    const retired: Deployed[] = [];
    for (const item of moved) {
      const was = deployedItems.find((d) => d.name === item.name)!;
      const spec = this.itemSpecs(template).find(([name]) => name === item.name)?.[1];
      if (spec?.retirement)
        retired.push({ name: item.name, index: was.index, plan: was.plan, playbook: spec.retirement.playbook, outputs: was.outputs ?? outputs(item.name) });
    }
    const after = 1 + Math.max(0, ...plans.map((p) => p.index));
    for (const undo of await this.undoPlans(retired)) plans.push({ ...undo, name: `${undo.name}${OLD_PLACEMENT}`, index: after + undo.index });
    return this.submit(
      user.id,
      original,
      masked(values, secretFields),
      { action: 'migrate', serviceId, machine: await this.machines.get('migrate'), migration: { moved: moved.map((m) => m.name) } },
      plans,
    );
  }

  /** Where an active service runs that a migration can change: its sites' providers (a single playbook: its provider); none when it cannot move. */
  async placementsOf(service: { id: string; requestId: string; status: string }): Promise<Placement[]> {
    if (service.status !== 'active') return [];
    const original = await this.store.load(service.requestId);
    const template = original && (await this.catalog.template(original.templateId));
    if (!original || !template) return [];
    const items = await this.placement(service.id, original.id);
    if (!template.items) {
      const provider = template.provision?.provider;
      const main = items.find((i) => i.name === SINGLE_ITEM);
      return provider && typeof provider !== 'string' && main ? [{ site: null, providerId: main.plan.providerId, providerTypes: null }] : [];
    }
    const sites = items.find((i) => i.plan.sites)?.plan.sites ?? [];
    return Object.entries(template.sites ?? {})
      .filter(([, spec]) => typeof spec.provider !== 'string')
      .map(([site, spec]) => ({
        site,
        providerId: sites.find((s) => s.name === site)?.providerId ?? '',
        providerTypes: spec.providerTypes ? [...spec.providerTypes] : null,
      }));
  }

  /** The dialog fields that place a template's items, with the providers asked for: VALIDATION_FAILED naming what cannot move. */
  private placementFields(template: ServiceTemplateEntity, placements: Placement[]): Record<string, string> {
    const changes: Record<string, string> = {};
    if (!template.items) {
      const provider = template.provision?.provider;
      if (placements.length !== 1 || placements[0].site) {
        throw validationFailed(`"${template.name}" runs on one provider: give that provider only, without a site.`, { site: 'is not one of its sites' });
      }
      if (!provider || typeof provider === 'string') {
        throw new AppError(ErrorCode.CONFLICT, `"${template.name}" names its provider itself: its services cannot be moved.`);
      }
      changes[provider.field] = placements[0].providerId;
      return changes;
    }
    if (!template.sites) {
      throw new AppError(
        ErrorCode.CONFLICT,
        `"${template.name}" places its items by inventory "${template.inventory ?? '(none)'}": change the inventory's providers to move them.`,
      );
    }
    for (const { site, providerId } of placements) {
      const spec = site ? template.sites[site] : undefined;
      if (!site || !spec) {
        const names = Object.keys(template.sites).join(', ');
        throw validationFailed(`${site ? `"${site}" is not a site of "${template.name}"` : 'Name the site to move'} (its sites: ${names}).`, {
          site: site ? 'is not one of its sites' : 'is required',
        });
      }
      if (typeof spec.provider === 'string')
        throw new AppError(ErrorCode.CONFLICT, `Site "${site}" of "${template.name}" has a fixed provider: it cannot be moved.`);
      if (spec.provider.field in changes) throw validationFailed(`Site "${site}" is given twice.`, { site: 'is given twice' });
      changes[spec.provider.field] = providerId;
    }
    return changes;
  }

  /**
   * Where a service's items run now: the items of its last finished migration (what it
   * provisioned, not the old placement it retired), or those of the order that made it.
   */
  private async placement(serviceId: string, originalId: string): Promise<RequestItemEntity[]> {
    const migration = await this.store.lastFinished(serviceId, ['migrate']);
    if (!migration) return this.store.items(originalId);
    return (await this.store.items(migration.id)).filter((i) => !i.name.endsWith(OLD_PLACEMENT));
  }

  /** What a service was configured with (secrets masked), and what of it can be reconfigured. */
  async configurationOf(service: {
    id: string;
    requestId: string;
    status: string;
  }): Promise<{ dialog: string | null; values: Record<string, unknown>; reconfigurableFields: string[] }> {
    const original = await this.store.load(service.requestId);
    const template = original && (await this.catalog.template(original.templateId));
    if (!original || !template) return { dialog: null, values: original?.dialogValues ?? {}, reconfigurableFields: [] };
    const source = (await this.store.lastReconfiguration(service.id)) ?? original;
    const reconfigurable = service.status === 'active' && this.reconfigureSpecs(template).length > 0;
    return {
      dialog: template.dialogName,
      values: source.dialogValues,
      reconfigurableFields: reconfigurable ? await this.dialogs.reconfigurableFields(template.dialogName) : [],
    };
  }

  /** The request that made a service, and its catalog item; CONFLICT when either is gone. */
  private async origin(requestId: string, what: string): Promise<{ original: ServiceRequestEntity; template: ServiceTemplateEntity }> {
    const original = await this.store.load(requestId);
    const template = original && (await this.catalog.template(original.templateId));
    if (!original || !template)
      throw new AppError(ErrorCode.CONFLICT, `The request or catalog item that made this service is gone: it cannot be ${what} by the portal.`);
    return { original, template };
  }

  /** The template's items by the names its requests' items have: a single playbook is its one item `main`. */
  private itemSpecs(template: ServiceTemplateEntity): [string, { retirement?: { playbook: string } }][] {
    if (template.items) return template.items.map((item) => [item.name, item]);
    return [[SINGLE_ITEM, { retirement: template.retirement ?? undefined }]];
  }

  /** What a template's reconfiguration runs: per item (`main` for a single playbook), its provision spec and its reconfigure playbook. */
  private reconfigureSpecs(template: ServiceTemplateEntity): { name: string; index: number; provision: ProvisionSpec; playbook: string }[] {
    if (template.items) {
      return template.items.flatMap((item) =>
        item.reconfigure ? [{ name: item.name, index: item.index, provision: item.provision, playbook: item.reconfigure.playbook }] : [],
      );
    }
    return template.provision && template.reconfigure
      ? [{ name: SINGLE_ITEM, index: 0, provision: template.provision, playbook: template.reconfigure.playbook }]
      : [];
  }

  /** What an item of the service returned (the service's outputs for a single playbook). */
  private outputsOf(service: ServiceModel, template: ServiceTemplateEntity, item: string): Record<string, unknown> {
    return template.items ? (((service.outputs.items ?? {}) as Record<string, Record<string, unknown>>)[item] ?? {}) : service.outputs;
  }

  /**
   * A deployed item's playbook run again (a reconfigure or heal playbook) with `values`, at the
   * repository's commit now, where it was deployed: the same provider (or site), options and
   * service id. What it returned comes under superfluid_outputs only: such a playbook is often
   * the provisioning one again, whose own variables an output could shadow.
   */
  private async rerunPlan(
    spec: { name: string; index: number; provision: ProvisionSpec; playbook: ProvisionSpec['playbook'] },
    deployed: ItemPlan,
    values: Record<string, unknown>,
    secretFields: string[],
    outputs: Record<string, unknown>,
    inputs: Record<string, string>,
  ): Promise<NewItem> {
    const run = await this.planner.planRun({ ...spec.provision, playbook: spec.playbook }, values, secretFields);
    return {
      name: spec.name,
      index: spec.index,
      plan: {
        ...run,
        providerId: deployed.providerId,
        extraVars: {
          ...run.extraVars,
          // The service's id as its provisioning gave it (older services had none): the same places.
          ...(deployed.extraVars.superfluid_service_id ? { superfluid_service_id: deployed.extraVars.superfluid_service_id } : {}),
          superfluid_outputs: outputs,
        },
        options: deployed.options,
        repoName: spec.provision.repo,
        inputs,
        ...(deployed.sites ? { sites: deployed.sites, site: deployed.site } : {}),
      },
    };
  }

  /** What a heal runs: per item (`main` for a single playbook), its heal playbook, or its provision playbook again, and the inputs it takes. */
  private healSpecs(
    template: ServiceTemplateEntity,
  ): { name: string; index: number; provision: ProvisionSpec; playbook: ProvisionSpec['playbook']; inputs: Record<string, string> }[] {
    if (template.items) {
      return template.items.map((item) => ({
        name: item.name,
        index: item.index,
        provision: item.provision,
        playbook: item.heal?.playbook ?? item.provision.playbook,
        inputs: item.inputs ?? {},
      }));
    }
    if (!template.provision) return [];
    return [{ name: SINGLE_ITEM, index: 0, provision: template.provision, playbook: template.heal?.playbook ?? template.provision.playbook, inputs: {} }];
  }

  /** The secret fields' values in clear, from the sealed variables of the plans that ran them. */
  private unsealedFields(
    items: { name: string; plan: ItemPlan }[],
    specs: { name: string; provision: ProvisionSpec }[],
    secretFields: string[],
  ): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const { name, plan } of items) {
      const spec = specs.find((s) => s.name === name);
      if (!spec || !plan.sealedVars) continue;
      const sealed = this.planner.unseal(plan);
      for (const [field, variable] of Object.entries(spec.provision.vars ?? {})) {
        if (secretFields.includes(field) && variable in sealed) values[field] = sealed[variable];
      }
    }
    return values;
  }

  /** Items that undo deployed ones: their retirement playbook at the repository's commit now, in reverse index order, given what each returned. */
  private async undoPlans(deployed: Deployed[]): Promise<NewItem[]> {
    const top = Math.max(0, ...deployed.map((d) => d.index));
    const plans: NewItem[] = [];
    for (const d of deployed) {
      const repo = await this.repos.snapshotForRun(d.plan.repoName);
      if (!repo?.commit || !repo.playbooks.includes(d.playbook)) {
        throw validationFailed(`Item "${d.name}": its retirement playbook ${d.playbook} is not a playbook of repository "${d.plan.repoName}" now.`);
      }
      // What the run returned is given back to the playbook that undoes it (names Ansible reserves left out).
      const outputs = Object.fromEntries(Object.entries(d.outputs).filter(([name]) => !forbiddenVariable(name)));
      plans.push({
        name: d.name,
        index: top - d.index,
        plan: {
          ...d.plan,
          repoId: repo.id,
          commit: repo.commit,
          playbook: d.playbook,
          extraVars: { ...d.plan.extraVars, ...outputs, superfluid_outputs: d.outputs },
          inputs: {},
        },
      });
    }
    return plans;
  }

  /** Stores a lifecycle request (every repository refreshed first) and queues it. */
  private async submit(
    userId: string,
    original: ServiceRequestEntity,
    values: Record<string, unknown>,
    plan: Omit<RequestPlan, 'refresh'>,
    items: NewItem[],
  ): Promise<ServiceRequestModel> {
    const id = await this.store.create({
      templateId: original.templateId,
      requesterId: userId,
      tenantId: original.tenantId,
      dialogValues: values,
      plan: { ...plan, refresh: 'always' },
      items,
      // A change to a service its owner's groups see is seen by them too.
      groupIds: original.groupIds,
    });
    await this.queue.enqueue(id);
    return this.store.get(id);
  }
}
