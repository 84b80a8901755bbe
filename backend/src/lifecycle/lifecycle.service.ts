import type { TenantScope, Viewer } from '../auth/auth.decorators.js';
import { Injectable } from '@nestjs/common';
import { forbiddenVariable } from '../common/ansible-variables.js';
import { AppError, ErrorCode, validationFailed } from '../common/app-error.js';
import { CatalogService } from '../catalog/catalog.service.js';
import type { ProvisionSpec } from '../catalog/catalog.types.js';
import type { ServiceTemplateEntity } from '../catalog/service-template.entity.js';
import { DialogsService } from '../dialogs/dialogs.service.js';
import { GitReposService } from '../git-repos/git-repos.service.js';
import type { ServiceRequestModel } from '../requests/models/service-request.model.js';
import type { ItemPlan } from '../requests/request-item.entity.js';
import { masked, RequestPlanner, SINGLE_ITEM } from '../requests/request-planner.js';
import { RequestQueue } from '../requests/request-queue.js';
import { type NewItem, RequestStore } from '../requests/request-store.js';
import type { RequestPlan, ServiceRequestEntity } from '../requests/service-request.entity.js';
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

const OPEN = 'This service has a retirement or reconfiguration under way already: wait for it to end.';

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
  async retire(user: UserModel, serviceId: string, viewer?: Viewer): Promise<ServiceRequestModel> {
    const service = await this.services.get(serviceId, viewer);
    if (service.status !== 'active') throw new AppError(ErrorCode.CONFLICT, `This service is ${service.status}: there is nothing to retire.`);
    if (await this.store.hasOpenLifecycle(serviceId)) throw new AppError(ErrorCode.CONFLICT, OPEN);
    const { original, template } = await this.origin(service.requestId, 'retired');
    const items = await this.store.items(original.id);
    const deployed: Deployed[] = [];
    for (const [name, spec] of this.itemSpecs(template)) {
      const item = items.find((i) => i.name === name && i.status === 'successful');
      if (spec.retirement && item) {
        const outputs = name === SINGLE_ITEM && !template.items ? service.outputs : (item.outputs ?? {});
        deployed.push({ name, index: item.index, plan: item.plan, playbook: spec.retirement.playbook, outputs });
      }
    }
    const plans = await this.undoPlans(deployed);
    return this.submit(user.id, original, original.dialogValues, { action: 'retire', serviceId, machine: await this.machines.get('retirement') }, plans);
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

  /** The retirement playbooks a retirement of the service would run, in their order (none: it would only be marked retired). */
  async retirementPlaybooks(service: { requestId: string }): Promise<string[]> {
    const original = await this.store.load(service.requestId);
    const template = original && (await this.catalog.template(original.templateId));
    if (!original || !template) return [];
    const items = await this.store.items(original.id);
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
    for (const [name, spec] of this.itemSpecs(template)) {
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
      const outputs = template.items ? (((service.outputs.items ?? {}) as Record<string, Record<string, unknown>>)[spec.name] ?? {}) : service.outputs;
      const run = await this.planner.planRun({ ...spec.provision, playbook: spec.playbook }, values, secretFields);
      plans.push({
        name: spec.name,
        index: spec.index,
        plan: {
          ...run,
          // Where it was deployed, it is reconfigured: the provider (or site) stays.
          providerId: deployed.plan.providerId,
          // What it returned comes under superfluid_outputs only: a reconfigure playbook is
          // often the provisioning one again, whose own variables an output could shadow.
          // The service's id as its provisioning gave it (older services had none): the same places.
          extraVars: {
            ...run.extraVars,
            ...(deployed.plan.extraVars.superfluid_service_id ? { superfluid_service_id: deployed.plan.extraVars.superfluid_service_id } : {}),
            superfluid_outputs: outputs,
          },
          options: deployed.plan.options,
          repoName: spec.provision.repo,
          inputs: {},
          ...(deployed.plan.sites ? { sites: deployed.plan.sites, site: deployed.plan.site } : {}),
        },
      });
    }
    return this.submit(
      user.id,
      original,
      masked(values, secretFields),
      { action: 'reconfigure', serviceId, machine: await this.machines.get('reconfigure') },
      plans,
    );
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
