import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { forbiddenVariable } from '../common/ansible-variables.js';
import type { TenantScope } from '../auth/auth.decorators.js';
import { AppError, ErrorCode, validationFailed } from '../common/app-error.js';
import type { ServiceTemplateEntity } from '../catalog/service-template.entity.js';
import type { ProvisionSpec, SiteSpec, ValueSource } from '../catalog/catalog.types.js';
import { parseYamlMapping } from '../dialogs/dialog-validator.js';
import { CredentialsService } from '../credentials/credentials.service.js';
import { SecretBox } from '../credentials/secret-box.js';
import { GitReposService } from '../git-repos/git-repos.service.js';
import { InventoriesService } from '../inventories/inventories.service.js';
import { type JobOptionName, type JobOptions, jobOptionsSchema } from '../jobs/job-options.js';
import { ProvidersService } from '../providers/providers.service.js';
import type { BundleItemSpec } from '../catalog/catalog.types.js';
import { VnfPackagesService } from '../vnf-packages/vnf-packages.service.js';
import type { JobOptionsInput } from './dto/job-options.input.js';
import type { ItemPlan, RequestItemEntity } from './request-item.entity.js';
import type { NewItem } from './request-store.js';
import type { RunPlan, SitePlan } from './service-request.entity.js';

/** The name of a single playbook's one item. */
export const SINGLE_ITEM = 'main';

/**
 * Turns an order's validated dialog values into what its items will run: each item's
 * repository commit, playbook, provider (or sites) and variables, fixed now, so a later
 * refresh or edit of the catalog changes nothing for the request (a refresh state may move
 * it to a newer commit, and says so).
 */
@Injectable()
export class RequestPlanner {
  constructor(
    private readonly repos: GitReposService,
    private readonly providers: ProvidersService,
    private readonly inventories: InventoriesService,
    private readonly credentials: CredentialsService,
    private readonly box: SecretBox,
    private readonly vnfPackages: VnfPackagesService,
  ) {}

  /**
   * The items of an order of `template`: one (`main`) for a single playbook, one per child
   * item for a bundle. `reuse` takes the plans of an earlier request's items as they were (a
   * retry at the same commits); `sealedFrom` carries their sealed secret values over to new plans.
   */
  async items(
    template: ServiceTemplateEntity,
    values: Record<string, unknown>,
    secretFields: string[],
    options: {
      jobOptions?: JobOptions;
      reuse?: RequestItemEntity[] | null;
      sealedFrom?: RequestItemEntity[];
      /** An order's: its repositories and providers must be ones the orderer may use. */
      scope?: TenantScope;
    } = {},
  ): Promise<NewItem[]> {
    const sealedOf = (name: string) => options.sealedFrom?.find((i) => i.name === name)?.plan.sealedVars;
    if (!template.items) {
      if (!template.provision) throw new AppError(ErrorCode.CONFLICT, `"${template.name}" has nothing to run.`);
      const earlier = options.reuse?.find((i) => i.name === SINGLE_ITEM);
      const sealed = sealedOf(SINGLE_ITEM);
      const plan: ItemPlan = earlier
        ? earlier.plan
        : {
            ...(await this.planRun(template.provision, values, secretFields, options.scope)),
            ...(sealed ? { sealedVars: sealed } : {}),
            options: options.jobOptions ?? template.provision.options ?? {},
            repoName: template.provision.repo,
            inputs: {},
          };
      return [{ name: SINGLE_ITEM, index: 0, plan }];
    }
    const sites = template.inventory ? await this.inventorySites(template.inventory) : await this.planSites(template.sites, values);
    for (const item of template.items) {
      if (item.site && !sites?.some((s) => s.name === item.site)) {
        throw new AppError(
          ErrorCode.CONFLICT,
          `Item "${item.name}" deploys site "${item.site}", which inventory "${template.inventory ?? '(none)'}" does not have.`,
        );
      }
    }
    const items: NewItem[] = [];
    for (const item of template.items) {
      const earlier = options.reuse?.find((i) => i.name === item.name);
      const sealed = sealedOf(item.name);
      const plan: ItemPlan = earlier
        ? earlier.plan
        : {
            ...(await this.planRun(item.provision, values, secretFields, options.scope)),
            ...(sealed ? { sealedVars: sealed } : {}),
            options: item.provision.options,
            repoName: item.provision.repo,
            inputs: item.inputs ?? {},
            ...(sites ? { sites, site: item.site } : {}),
          };
      if (sites && item.site) plan.providerId = sites.find((site) => site.name === item.site)?.providerId ?? plan.providerId;
      if (item.vnf && !earlier) await this.planVdu(item, template.items, plan);
      items.push({ name: item.name, index: item.index, plan });
    }
    return items;
  }

  /**
   * An item deploying a VDU of a VNF package: the package must be enabled in the item's
   * repository and describe the VDU; a VM VDU (its Heat template) goes to an OpenStack provider,
   * a container VDU to a Kubernetes one; the VDU's parent (vduParent), when an item of the
   * bundle deploys it, runs before it — and must, when the parent is mandatory. The playbook is
   * given the package's folder and the VDU's id.
   */
  private async planVdu(item: BundleItemSpec, all: BundleItemSpec[], plan: ItemPlan): Promise<void> {
    if (!item.vnf) return;
    const { package: name, vdu: vduId } = item.vnf;
    const pkg = await this.vnfPackages.deployable(plan.repoId, name);
    const vdu = pkg.descriptor.vdu.find((v) => v.vduId === vduId);
    if (!vdu) throw new AppError(ErrorCode.CONFLICT, `Item "${item.name}" deploys VDU "${vduId}", which VNF package "${name}" does not describe.`);
    const nestedIds = vdu.vduNestedDesc === undefined ? [] : Array.isArray(vdu.vduNestedDesc) ? vdu.vduNestedDesc : [vdu.vduNestedDesc];
    const isPod = (pkg.descriptor.vduNestedDesc ?? []).some(
      (n) => nestedIds.includes(n.id) && n.vduNestedDescriptorType === 'kubernetes' && n.vduNestedDescriptor,
    );
    if (!vdu.heatTemplate && !isPod) {
      throw new AppError(
        ErrorCode.CONFLICT,
        `VDU "${vduId}" of VNF package "${name}" has neither a Heat template (heatTemplate) nor a Kubernetes manifest (a vduNestedDesc of type kubernetes): the portal cannot deploy it.`,
      );
    }
    const wanted = vdu.heatTemplate ? 'openstack' : 'kubernetes';
    const type = await this.providers.typeOf(plan.providerId);
    if (type !== wanted) {
      const field = typeof item.provision.provider === 'string' ? 'provider' : item.provision.provider.field;
      const what = vdu.heatTemplate ? 'a VM (its Heat template)' : 'a container';
      throw validationFailed(`VDU "${vduId}" of VNF package "${name}" is ${what}: it needs a ${wanted} provider, not a ${type ?? 'missing'} one`, {
        [field]: `must be a ${wanted} provider`,
      });
    }
    if (vdu.vduParent && !vdu.vduParentBareMetal) {
      const parent = all.find((i) => i.vnf?.package === name && i.vnf.vdu === vdu.vduParent);
      if (parent && parent.index >= item.index) {
        throw new AppError(
          ErrorCode.CONFLICT,
          `Item "${item.name}" (VDU "${vduId}") must run after item "${parent.name}", which deploys its parent VDU "${vdu.vduParent}".`,
        );
      }
      if (!parent && vdu.vduParentMandatory) {
        throw new AppError(
          ErrorCode.CONFLICT,
          `VDU "${vduId}" of VNF package "${name}" runs inside VDU "${vdu.vduParent}", which no item of this catalog item deploys.`,
        );
      }
    }
    plan.extraVars = { ...plan.extraVars, vnf_package: pkg.path, vnf_vdu: vduId };
  }

  /**
   * One run's plan: the repository's commit now, the playbook, the provider and the
   * variables. No fetch happens here: a repository whose policy asks for a refresh before
   * runs is refreshed by the request's refresh state, which moves the item to the new commit.
   * With `scope` (an order), a repository or provider the orderer may not use — even one the
   * item names itself — is answered as the form's fields are: not one of theirs.
   */
  async planRun(spec: ProvisionSpec, values: Record<string, unknown>, secretFields: string[] = [], scope?: TenantScope): Promise<RunPlan> {
    const pick = (source: ValueSource): string => (typeof source === 'string' ? source : String(values[source.field] ?? ''));
    // Asked at the same time as the repository; its answer is looked at after the repository's.
    const providerExists = scope
      ? this.providers.get(pick(spec.provider), scope).then(
          () => true,
          () => false,
        )
      : this.providers.exists(pick(spec.provider));
    providerExists.catch(() => undefined);
    const repo = await this.repos.snapshot(spec.repo, scope);
    if (!repo && scope) {
      throw validationFailed(`Git repository "${spec.repo}" does not exist or is not shared with your tenant.`, { repo: 'is not one you may run' });
    }
    if (repo && !repo.enabled) throw new AppError(ErrorCode.CONFLICT, `Git repository "${spec.repo}" is disabled: enable it to order from it.`);
    if (!repo?.commit) {
      throw new AppError(ErrorCode.UNAVAILABLE, `Git repository "${spec.repo}" has not been refreshed yet: refresh it, then order again.`);
    }
    const playbook = pick(spec.playbook);
    const field = (source: ValueSource, fallback: string) => (typeof source === 'string' ? fallback : source.field);
    if (!repo.playbooks.includes(playbook)) {
      throw validationFailed(`"${playbook}" is not a playbook of repository "${repo.name}" at ${repo.commit.slice(0, 12)}`, {
        [field(spec.playbook, 'playbook')]: `is not a playbook of repository "${repo.name}"`,
      });
    }
    const providerId = pick(spec.provider);
    if (!(await providerExists)) {
      throw validationFailed(`Provider ${providerId} does not exist`, { [field(spec.provider, 'provider')]: 'is not a known provider' });
    }
    const extraVars: Record<string, unknown> = {};
    const secretVars: Record<string, unknown> = {};
    for (const [fieldName, varName] of Object.entries(spec.vars ?? {})) {
      if (values[fieldName] === undefined) continue;
      if (secretFields.includes(fieldName)) secretVars[varName] = values[fieldName];
      else extraVars[varName] = values[fieldName];
    }
    if (spec.extraVarsField && typeof values[spec.extraVarsField] === 'string') {
      Object.assign(extraVars, parseYamlMapping(values[spec.extraVarsField] as string));
    }
    for (const name of Object.keys(extraVars)) {
      const why = forbiddenVariable(name);
      if (why) throw validationFailed(`Variable ${why}`, spec.extraVarsField ? { [spec.extraVarsField]: why } : undefined);
    }
    let vaultCredentialId: string | undefined;
    if (spec.vaultCredential) {
      const vault = (await this.credentials.list('vault_password')).find((c) => c.name === spec.vaultCredential);
      if (!vault)
        throw new AppError(
          ErrorCode.UNAVAILABLE,
          `The vault credential "${spec.vaultCredential}" this catalog item needs does not exist: create it (type vault_password).`,
        );
      vaultCredentialId = vault.id;
    }
    let sealedVars: RunPlan['sealedVars'];
    if (Object.keys(secretVars).length) {
      const id = randomUUID();
      sealedVars = { id, ciphertext: this.box.encrypt(JSON.stringify(secretVars), sealedAad(id)) };
    }
    return {
      repoId: repo.id,
      commit: repo.commit,
      playbook,
      providerId,
      extraVars,
      ...(vaultCredentialId ? { vaultCredentialId } : {}),
      ...(sealedVars ? { sealedVars } : {}),
    };
  }

  /** The template's options with the order's own, each of which the template must allow. */
  jobOptions(template: ServiceTemplateEntity, input: JobOptionsInput | null | undefined): JobOptions {
    const given = Object.fromEntries(Object.entries(input ?? {}).filter(([, v]) => v !== null && v !== undefined));
    const parsed = jobOptionsSchema.safeParse(given);
    if (!parsed.success) {
      const fields = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
      throw validationFailed(
        `Job options are not valid — ${Object.entries(fields)
          .map(([k, v]) => `${k}: ${v}`)
          .join('; ')}`,
        fields,
      );
    }
    const allowed = new Set(template.provision?.overridable ?? []);
    const refused = Object.keys(parsed.data).filter((name) => !allowed.has(name as JobOptionName));
    if (refused.length) {
      throw validationFailed(
        `This catalog item does not let an order set ${refused.join(', ')}`,
        Object.fromEntries(refused.map((name) => [name, 'is not allowed by this catalog item'])),
      );
    }
    return { ...template.provision?.options, ...parsed.data };
  }

  /** The variables of a plan's sealed (secret) fields, in clear: for the run's own folder only. */
  unseal(plan: RunPlan): Record<string, unknown> {
    if (!plan.sealedVars) return {};
    return JSON.parse(this.box.decrypt(plan.sealedVars.ciphertext, sealedAad(plan.sealedVars.id))) as Record<string, unknown>;
  }

  /** The sites of an inventory document, as they are now. */
  private async inventorySites(name: string): Promise<SitePlan[]> {
    const sites = await this.inventories.sitesOf(name);
    if (!sites) throw new AppError(ErrorCode.UNAVAILABLE, `Inventory "${name}" does not exist: create it, or fix the catalog item.`);
    return sites.map((s) => ({ name: s.name, providerId: s.providerId, variables: s.variables ?? {}, ...(s.hosts ? { hosts: s.hosts } : {}) }));
  }

  /** The sites of a multi-site bundle, each bound to the provider the dialog picked (or the template names). */
  private async planSites(specs: Record<string, SiteSpec> | null, values: Record<string, unknown>): Promise<SitePlan[] | null> {
    if (!specs) return null;
    const sites: SitePlan[] = [];
    for (const [name, spec] of Object.entries(specs)) {
      const providerId = siteProviderId(spec, values);
      const type = await this.providers.typeOf(providerId);
      if (!type) {
        throw validationFailed(`Site "${name}": provider ${providerId || '(none)'} does not exist`, { [siteField(spec)]: 'is not a known provider' });
      }
      const refused = wrongSiteType(name, spec, type);
      if (refused) throw validationFailed(refused.message, refused.fields);
      sites.push({ name, providerId, variables: spec.variables ?? {} });
    }
    return sites;
  }

  /**
   * An order's sites whose provider (one the orderer may see) is of a type its items cannot
   * use, refused before the dialog's own checks so that the message says what the site takes:
   * VALIDATION_FAILED naming each such site's field. Providers unknown or not visible are left
   * to the dialog's checks (not one of the choices).
   */
  async checkSiteTypes(template: ServiceTemplateEntity, values: Record<string, unknown>, scope?: TenantScope): Promise<void> {
    const problems: string[] = [];
    const fields: Record<string, string> = {};
    for (const [name, spec] of Object.entries(template.sites ?? {})) {
      if (!spec.providerTypes) continue;
      const providerId = siteProviderId(spec, values);
      const provider = await this.providers.get(providerId, scope).catch(() => null);
      const refused = provider && wrongSiteType(name, spec, provider.type);
      if (refused) {
        problems.push(refused.message);
        Object.assign(fields, refused.fields);
      }
    }
    if (problems.length) throw validationFailed(problems.join('; '), fields);
  }
}

/**
 * The items of an order, each given the id its service will have as `superfluid_service_id`
 * (a name orders cannot set): what the playbooks deploy is named and placed by it, and the
 * retirement, reconfiguration and rollback of the service get the same. A retried order is a
 * new service, with a new id, even where it reuses an earlier request's plans.
 */
export function withServiceId(items: NewItem[], serviceId: string): NewItem[] {
  return items.map((item) => ({ ...item, plan: { ...item.plan, extraVars: { ...item.plan.extraVars, superfluid_service_id: serviceId } } }));
}

const siteProviderId = (spec: SiteSpec, values: Record<string, unknown>): string =>
  typeof spec.provider === 'string' ? spec.provider : String(values[spec.provider.field] ?? '');

/** The dialog field that picks a site's provider (`provider` when the template names it). */
const siteField = (spec: SiteSpec): string => (typeof spec.provider === 'string' ? 'provider' : spec.provider.field);

/** Why a site cannot take a provider of `type` (its items use other types); null when it can. */
function wrongSiteType(name: string, spec: SiteSpec, type: string): { message: string; fields: Record<string, string> } | null {
  if (!spec.providerTypes || (spec.providerTypes as readonly string[]).includes(type)) return null;
  const takes = spec.providerTypes.join(' or ');
  return {
    message: `Site "${name}" takes a provider of type ${takes}: a ${type} provider cannot run its items`,
    fields: { [siteField(spec)]: `must be a ${takes} provider (this one is ${type})` },
  };
}

/** Associated data of a plan's sealed variables: the ciphertext opens only with its own id. */
const sealedAad = (id: string) => `superfluid/request-secrets/${id}`;

/** The values as stored and shown: secret fields replaced by a mask. */
export function masked(values: Record<string, unknown>, secretFields: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, secretFields.includes(k) && v !== undefined && v !== '' ? '********' : v]));
}
