import { plainZodError } from '../common/plain-zod.js';
import { type TenantScope, tenantFor } from '../auth/auth.decorators.js';
import { ShareTable } from '../tenants/shares.js';
import { ROOT_TENANT_ID, TenantsService } from '../tenants/tenants.service.js';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { ProviderHealthChangedEvent, ProviderUsageQuery } from './provider.events.js';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { AppError, ErrorCode, isUuid, notFound, validationFailed } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { type DayWindow, windowSql } from '../common/day-window.js';
import { credentialEndpoint, insecureUrl, sameEndpoint } from '../credentials/credential-endpoints.js';
import { CredentialsService, type RevealedCredential } from '../credentials/credentials.service.js';
import { scrubber } from '../credentials/scrubber.js';
import type { RunMaterials } from '../jobs/run-materials.js';
import { combineMaterials, writeInventory } from '../jobs/run-materials.js';
import { channels, PubSubService } from '../pubsub/pubsub.service.js';
import { ProcessRunner } from '../system/process-runner.js';
import { removeTree, Sandbox } from '../system/sandbox.js';
import { fingerprint, HOST_KEY_CHANGED, keysFor, knownHostsName, type PinnedHosts, pinnedFor, splitShellWords } from './host-keys.js';
import type { ProviderHostKeyModel, ProviderModel } from './models/provider.model.js';
import { CONNECTION_CREDENTIALS, PROVIDER_CONFIG, type KubernetesConfig, type OpenStackConfig, type SshConfig } from './provider-config.js';
import {
  checkKubernetes,
  checkOpenStack,
  type HealthResult,
  kubernetesReadyReplicas,
  kubernetesResources,
  openstackResources,
  openstackStackComplete,
  type ProviderMetricReading,
  type ProviderMetricSpec,
} from './provider-health.js';
import { ProviderHealthEntity } from './provider-health.entity.js';
import { buildMaterials, DISPLAY_RUN_DIR } from './provider-materials.js';
import { ProviderEntity, type ProviderType } from './provider.entity.js';

export const LOCAL_PROVIDER_NAME = 'local';
const TYPES: ProviderType[] = ['local', 'ssh', 'openstack', 'kubernetes'];
const NAME = /^[a-z][a-z0-9_]{0,62}$/;

/** A provider's health checks per day of a window, and its status now. */
export interface ProviderHealthTimeline {
  providerId: string;
  name: string;
  type: string;
  /** unknown, up or down: the last check. */
  status: string;
  /** Each day of the window (yyyy-mm-dd, in the window's time zone), oldest first. */
  days: { day: string; checks: number; up: number }[];
}

export interface ProviderInput {
  name?: string | null;
  type?: string | null;
  config?: unknown;
  /** undefined keeps, null removes. */
  credentialId?: string | null;
  becomeCredentialId?: string | null;
  maxConcurrentJobs?: number | null;
  /** The tenant (create only). */
  tenantId?: string | null;
}

/** Its shares; "the scope may see provider p" is SHARES.visible('p'). */
const SHARES = new ShareTable('provider_shares', 'provider_id');

@Injectable()
export class ProvidersService {
  private readonly logger = new Logger(ProvidersService.name);

  constructor(
    @InjectRepository(ProviderEntity) private readonly providers: Repository<ProviderEntity>,
    @InjectRepository(ProviderHealthEntity) private readonly health: Repository<ProviderHealthEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly credentials: CredentialsService,
    private readonly processes: ProcessRunner,
    private readonly pubsub: PubSubService,
    private readonly events: EventEmitter2,
    private readonly sandbox: Sandbox,
    private readonly tenants: TenantsService,
  ) {}

  /** By name; with a scope, only those of its tenants or shared with one of its reach (theirs and their ancestors). */
  list(scope?: TenantScope): Promise<ProviderModel[]> {
    const query = this.providers.createQueryBuilder('p').orderBy('p.name', 'ASC');
    if (scope) query.where(SHARES.visible('p'), scope);
    return query.getMany();
  }

  /**
   * The provider; NOT_FOUND also when the scope may not see it (as if it did not exist). With
   * `owned`, only a provider of the scope's own tenants (to change it; a shared one is used, not changed).
   */
  async get(id: string, scope?: TenantScope, owned = false): Promise<ProviderModel> {
    const query = this.providers.createQueryBuilder('p').where('p.id = :id', { id });
    if (scope) query.andWhere(owned ? 'p.tenant_id = ANY(:tenants)' : SHARES.visible('p'), scope);
    const provider = isUuid(id) ? await query.getOne() : null;
    if (!provider) throw notFound('Provider', id);
    return provider;
  }

  /** Shares a provider with these tenants (and so with every tenant below them), replacing its shares. */
  async share(id: string, tenantIds: string[], scope?: TenantScope): Promise<ProviderModel> {
    const provider = await this.get(id, scope, true);
    const unique = [...new Set(tenantIds)];
    await this.tenants.assertWithin(unique, 'tenantIds', scope);
    await this.providers.manager.transaction((tx) => SHARES.replace(tx, provider.id, unique));
    return provider;
  }

  /** The tenants a provider is shared with. */
  sharedWith(id: string): Promise<string[]> {
    return SHARES.tenantsOf(this.providers.manager, id);
  }

  async exists(id: string): Promise<boolean> {
    return isUuid(id) && this.providers.existsBy({ id });
  }

  /** A provider's type; null when there is no such provider. */
  async typeOf(id: string): Promise<ProviderType | null> {
    if (!isUuid(id)) return null;
    return (await this.providers.findOne({ where: { id }, select: { id: true, type: true } }))?.type ?? null;
  }

  /** Seeds the `local` provider: the portal's own host. */
  async ensureLocal(): Promise<void> {
    await this.providers.createQueryBuilder().insert().values({ name: LOCAL_PROVIDER_NAME, type: 'local', config: {} }).orIgnore().execute();
  }

  /** Registers a provider after checking its settings and credentials; nothing is stored when anything is wrong. */
  async create(input: ProviderInput, scope?: TenantScope): Promise<ProviderModel> {
    const row = await this.validated(null, { ...input, tenantId: tenantFor(scope, input.tenantId, ROOT_TENANT_ID) });
    if (await this.providers.existsBy({ name: row.name })) throw validationFailed(`A provider named "${row.name}" exists already`, { name: 'is taken' });
    const saved = await this.providers.save(this.providers.create(row));
    if (saved.type === 'ssh') await this.learnHostKeys(saved.id);
    return this.get(saved.id);
  }

  async update(id: string, input: ProviderInput): Promise<ProviderModel> {
    const current = await this.get(id);
    if (input.type && input.type !== current.type) throw validationFailed('A provider keeps its type: create another one.', { type: 'cannot change' });
    const row = await this.validated(current as ProviderEntity, input);
    if (row.name !== current.name && (await this.providers.existsBy({ name: row.name }))) {
      throw validationFailed(`A provider named "${row.name}" exists already`, { name: 'is taken' });
    }
    // A host that moved (address or port) loses its pin: its key is learnt again at its new place.
    const hostKeys = this.keepPins(current as ProviderEntity, row.config);
    await this.providers.update(id, { ...row, hostKeys } as QueryDeepPartialEntity<ProviderEntity>);
    if (row.type === 'ssh') await this.learnHostKeys(id);
    return this.get(id);
  }

  /**
   * Deletes a provider; refused for `local`, for one that something uses (an active service,
   * an inventory), and for one any service was deployed on (on any of its sites: a retired
   * service keeps it for its history). One no service ever ran on can go.
   */
  async delete(id: string): Promise<boolean> {
    const provider = await this.get(id);
    if (provider.type === 'local' && provider.name === LOCAL_PROVIDER_NAME) throw new AppError(ErrorCode.CONFLICT, 'The local provider cannot be deleted.');
    // What uses it elsewhere (active services, inventories) is asked of the modules that hold them.
    const usage = new ProviderUsageQuery(id);
    await this.events.emitAsync(ProviderUsageQuery.NAME, usage);
    const users = usage.usedBy;
    if (users.length)
      throw new AppError(ErrorCode.CONFLICT, `Provider "${provider.name}" is used by ${users.join(', ')}: retire those first.`, { usedBy: users });
    if (usage.keptBy.length) {
      throw new AppError(
        ErrorCode.CONFLICT,
        `Provider "${provider.name}" is kept for the history of ${usage.keptBy.join(', ')} (retired), deployed on it: a provider any service ran on cannot be deleted.`,
        { keptBy: usage.keptBy },
      );
    }
    try {
      await this.providers.delete(id);
    } catch (err) {
      if ((err as { driverError?: { code?: string } }).driverError?.code === '23503') {
        throw new AppError(ErrorCode.CONFLICT, `Provider "${provider.name}" has services (retired ones too) in its history: it is kept for them.`);
      }
      throw err;
    }
    return true;
  }

  private async validated(
    current: ProviderEntity | null,
    input: ProviderInput,
  ): Promise<
    Omit<ProviderEntity, 'id' | 'createdAt' | 'healthStatus' | 'healthMessage' | 'healthCheckedAt' | 'resources' | 'resourcesRefreshedAt' | 'hostKeys'>
  > {
    const fields: Record<string, string> = {};
    const name = input.name ?? current?.name ?? '';
    const type = (input.type ?? current?.type ?? '') as ProviderType;
    if (!NAME.test(name)) fields.name = 'use lower case letters, digits and _, starting with a letter (it names the inventory group)';
    if (!TYPES.includes(type)) fields.type = `use one of ${TYPES.join(', ')}`;
    let config: Record<string, unknown> = current?.config ?? {};
    if (TYPES.includes(type)) {
      const parsed = PROVIDER_CONFIG[type].safeParse(input.config === undefined ? config : input.config, { error: plainZodError });
      if (parsed.success) config = parsed.data as Record<string, unknown>;
      else fields.config = parsed.error.issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`).join('; ');
    }
    const tenantId = input.tenantId ?? current?.tenantId ?? ROOT_TENANT_ID;
    const credentialId = input.credentialId === undefined ? (current?.credentialId ?? null) : input.credentialId;
    const becomeCredentialId = input.becomeCredentialId === undefined ? (current?.becomeCredentialId ?? null) : input.becomeCredentialId;
    const allowed = TYPES.includes(type) ? CONNECTION_CREDENTIALS[type] : [];
    if (credentialId) {
      const c = await this.credentials.get(credentialId).catch(() => null);
      if (!c) fields.credentialId = 'is not a known credential';
      else if (c.tenantId !== tenantId) fields.credentialId = "belongs to another tenant: a provider uses its own tenant's credentials";
      else if (!allowed.includes(c.type))
        fields.credentialId = allowed.length
          ? `a ${type} provider connects with ${allowed.join(' or ')}, not ${c.type}`
          : `a ${type} provider takes no credential`;
      else if (!fields.config) Object.assign(fields, await this.endpointProblems(type, config, credentialId));
    } else if (type === 'openstack' || type === 'kubernetes') {
      fields.credentialId = `a ${type} provider needs a credential (${allowed.join(' or ')})`;
    }
    if (becomeCredentialId) {
      const c = await this.credentials.get(becomeCredentialId).catch(() => null);
      if (!c) fields.becomeCredentialId = 'is not a known credential';
      else if (c.tenantId !== tenantId) fields.becomeCredentialId = "belongs to another tenant: a provider uses its own tenant's credentials";
      else if (c.type !== 'become_password') fields.becomeCredentialId = `must be a become_password credential, not ${c.type}`;
      else if (type !== 'ssh' && type !== 'local') fields.becomeCredentialId = `a ${type} provider does not become another user`;
    }
    const maxConcurrentJobs = input.maxConcurrentJobs === undefined ? (current?.maxConcurrentJobs ?? null) : input.maxConcurrentJobs;
    if (maxConcurrentJobs !== null && (!Number.isInteger(maxConcurrentJobs) || maxConcurrentJobs < 1 || maxConcurrentJobs > 10_000)) {
      fields.maxConcurrentJobs = 'use 1 to 10000, or leave it empty for no limit';
    }
    const names = Object.keys(fields);
    if (names.length) throw validationFailed(`The provider is not valid — ${names.map((n) => `${n}: ${fields[n]}`).join('; ')}`, fields);
    return { name, type, config, credentialId, becomeCredentialId, maxConcurrentJobs, tenantId };
  }

  /**
   * One rule for endpoints: the URL a credential is sent to is the one stored with it. A
   * provider's `authUrl` (OpenStack) or `apiUrl` (Kubernetes) may be left out — the
   * credential's is used — or repeat it; any other URL is refused, naming the field.
   */
  private async endpointProblems(type: ProviderType, config: Record<string, unknown>, credentialId: string): Promise<Record<string, string>> {
    const field = type === 'openstack' ? 'authUrl' : type === 'kubernetes' ? 'apiUrl' : null;
    if (!field) return {};
    const given = (config as OpenStackConfig & KubernetesConfig)[field];
    const bound = await this.credentials.endpointOf(credentialId).catch(() => undefined);
    if (!given || !bound) return {};
    if (!sameEndpoint(given, bound)) {
      return {
        [`config.${field}`]: `differs from the URL stored with the credential (${bound}): a credential is only sent to its own endpoint — leave ${field} out, or use a credential made for ${given}`,
      };
    }
    return {};
  }

  /** The concurrency limits of these providers (those that have one). */
  async limits(ids: string[]): Promise<Record<string, number>> {
    if (ids.length === 0) return {};
    const rows = await this.providers.find({ where: ids.map((id) => ({ id })), select: { id: true, maxConcurrentJobs: true } });
    return Object.fromEntries(rows.filter((r) => r.maxConcurrentJobs !== null).map((r) => [r.id, r.maxConcurrentJobs as number]));
  }

  /**
   * A vault password for a run: a 0600 file of its own, given as --vault-id, and a secret to mask.
   * Added to the provider's materials by `withVault`.
   */
  async withVault(materials: RunMaterials, vaultCredentialId: string | undefined, runDir: string): Promise<RunMaterials> {
    if (!vaultCredentialId) return materials;
    const vault = await this.credentials.reveal(vaultCredentialId);
    if (vault.type !== 'vault_password') throw new AppError(ErrorCode.CONFLICT, `Credential "${vault.name}" is not a vault password.`);
    const dir = join(runDir, 'credentials', 'vault');
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const file = join(dir, vault.id);
    await writeFile(file, vault.secrets.password, { mode: 0o600 });
    return {
      ...materials,
      secrets: [...materials.secrets, vault.secrets.password],
      vaultIds: [...(materials.vaultIds ?? []), { label: vault.inputs.vault_id || 'default', file }],
    };
  }

  /** What a run on this provider needs, made in its folder: inventory, credential files, environment, secrets. */
  async materialsFor(id: string, runDir: string): Promise<RunMaterials> {
    const provider = await this.providers.findOneBy({ id });
    if (!provider) throw notFound('Provider', id);
    const [credential, become] = await this.revealCredentials(provider);
    return buildMaterials(provider, credential, become, runDir, { decryptKey: this.decryptKey });
  }

  /**
   * A multi-site run: one inventory group per site, each made from its provider (hosts,
   * connection variables, credentials) and the site's variables, side by side in one run,
   * so a playbook targets `hosts: epc` and reads another site's `hostvars`.
   */
  async materialsForSites(
    sites: { name: string; providerId: string; variables: Record<string, unknown>; hosts?: string[] }[],
    runDir: string,
  ): Promise<RunMaterials> {
    const parts: RunMaterials[] = [];
    for (const site of sites) {
      const provider = await this.providers.findOneBy({ id: site.providerId });
      if (!provider) throw notFound('Provider', site.providerId);
      const [credential, become] = await this.revealCredentials(provider);
      parts.push(
        await buildMaterials(provider, credential, become, runDir, {
          group: site.name,
          siteVariables: site.variables,
          onlyHosts: site.hosts,
          decryptKey: this.decryptKey,
        }),
      );
    }
    try {
      return combineMaterials(parts);
    } catch (err) {
      throw new AppError(ErrorCode.CONFLICT, `The sites cannot share one inventory: ${(err as Error).message}.`);
    }
  }

  /**
   * The inventory alone, for display: made from the credentials' non-secret fields only —
   * nothing is decrypted, nothing written; file paths show where a run keeps them.
   */
  async inventoryFor(id: string): Promise<object> {
    const provider = await this.providers.findOneBy({ id });
    if (!provider) throw notFound('Provider', id);
    const [credential, become] = await this.describeCredentials(provider);
    return (await buildMaterials(provider, credential, become, DISPLAY_RUN_DIR, { display: true })).inventory;
  }

  /** A multi-site inventory for display (Inventory.rendered): nothing decrypted, nothing written. */
  async inventoryForSites(sites: { name: string; providerId: string; variables: Record<string, unknown>; hosts?: string[] }[]): Promise<object> {
    const parts: RunMaterials[] = [];
    for (const site of sites) {
      const provider = await this.providers.findOneBy({ id: site.providerId });
      if (!provider) throw notFound('Provider', site.providerId);
      const [credential, become] = await this.describeCredentials(provider);
      parts.push(
        await buildMaterials(provider, credential, become, DISPLAY_RUN_DIR, {
          group: site.name,
          siteVariables: site.variables,
          onlyHosts: site.hosts,
          display: true,
        }),
      );
    }
    try {
      return combineMaterials(parts).inventory;
    } catch (err) {
      throw new AppError(ErrorCode.CONFLICT, `The sites cannot share one inventory: ${(err as Error).message}.`);
    }
  }

  /** A provider's credentials as display needs them: type and non-secret fields, each secret a placeholder. */
  private async describeCredentials(provider: ProviderEntity): Promise<[RevealedCredential | null, RevealedCredential | null]> {
    const describe = async (id: string | null): Promise<RevealedCredential | null> => {
      if (!id) return null;
      const c = await this.credentials.get(id);
      return {
        id: c.id,
        name: c.name,
        type: c.type as RevealedCredential['type'],
        inputs: c.inputs,
        secrets: Object.fromEntries(c.secretFields.map((f) => [f, '********'])),
      };
    };
    return Promise.all([describe(provider.credentialId), describe(provider.becomeCredentialId)]);
  }

  /** ssh-keygen -p on the run's copy of a key: the old passphrase comes from `askpass`, never an argument. */
  private readonly decryptKey = async (keyFile: string, askpass: string): Promise<void> => {
    await this.processes
      .run('ssh-keygen', ['-q', '-p', '-N', '', '-f', keyFile], {
        extendEnv: false,
        stdin: 'ignore',
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', SSH_ASKPASS: askpass, SSH_ASKPASS_REQUIRE: 'force', DISPLAY: ':0' },
        timeout: 30_000,
      })
      .catch(() => {
        throw new AppError(ErrorCode.CONFLICT, 'The SSH key could not be opened with its passphrase: check the credential.');
      });
  };

  /**
   * A provider's credentials in clear, for a run or a check. A credential whose endpoint would
   * cross plain http against ALLOW_HTTP_CREDENTIAL_URLS is refused here too (it may have been
   * stored before the rule, or under another setting).
   */
  private async revealCredentials(provider: ProviderEntity): Promise<[RevealedCredential | null, RevealedCredential | null]> {
    const [credential, become] = await Promise.all([
      provider.credentialId ? this.credentials.reveal(provider.credentialId) : null,
      provider.becomeCredentialId ? this.credentials.reveal(provider.becomeCredentialId) : null,
    ]);
    const endpoint = credential ? credentialEndpoint(credential) : undefined;
    const insecure = endpoint ? insecureUrl(endpoint, this.config.allowHttpCredentialUrls) : null;
    if (insecure) throw new AppError(ErrorCode.CONFLICT, `Credential "${credential!.name}" is not sent to ${endpoint}: its URL ${insecure}.`);
    return [credential, become];
  }

  /**
   * The provider as a check sees it: its Kubernetes API URL is the credential's (a stored
   * provider naming another, from before the rule, does not redirect the credential).
   */
  private bound(provider: ProviderEntity, credential: RevealedCredential | null): ProviderEntity {
    const endpoint = credential ? credentialEndpoint(credential) : undefined;
    if (provider.type !== 'kubernetes' || !endpoint) return provider;
    return { ...provider, config: { ...provider.config, apiUrl: endpoint } };
  }

  // ---- monitoring ---------------------------------------------------------------------------

  /**
   * Checks one provider now — ssh: a real SSH login on every host (ansible's raw module
   * running `true`); OpenStack: a Keystone v3 token and its catalog; Kubernetes: /version
   * and /readyz — records the result, and raises an alarm when the status changed.
   */
  async checkHealth(id: string): Promise<ProviderModel> {
    const provider = await this.providers.findOneBy({ id });
    if (!provider) throw notFound('Provider', id);
    const started = Date.now();
    let result: HealthResult;
    try {
      const [credential] = await this.revealCredentials(provider);
      switch (provider.type) {
        case 'local':
          result = { status: 'up', message: 'the portal’s own host' };
          break;
        case 'ssh':
          result = await this.checkSsh(provider);
          break;
        case 'openstack':
          result = await checkOpenStack(provider, credential);
          break;
        case 'kubernetes':
          result = await checkKubernetes(this.bound(provider, credential), credential);
          break;
      }
    } catch (err) {
      result = { status: 'down', message: (err as Error).message };
    }
    // The status before this check is read under a row lock: two checks ending together (the
    // monitor's and one asked for) raise one alarm for one change, not two.
    const changed = await this.providers.manager.transaction(async (tx) => {
      const [row] = (await tx.query('SELECT health_status FROM providers WHERE id = $1 FOR UPDATE', [id])) as { health_status: string }[];
      const previous = row?.health_status ?? provider.healthStatus;
      // A change, or a provider down from its very first check (nothing was ever up to go down).
      const isChange = previous !== result.status && (previous !== 'unknown' || result.status === 'down');
      await tx.insert(ProviderHealthEntity, {
        providerId: id,
        status: result.status,
        message: result.message.slice(0, 2000),
        latencyMs: Date.now() - started,
        changed: isChange,
      });
      await tx.update(ProviderEntity, id, { healthStatus: result.status, healthMessage: result.message.slice(0, 2000), healthCheckedAt: new Date() });
      return isChange;
    });
    if (changed) {
      const what = result.status === 'down' ? 'went DOWN' : 'is back UP';
      this.logger.warn(`alarm: provider "${provider.name}" ${what}: ${result.message}`);
      await this.pubsub
        .publish(channels.providerAlarms(), { providerId: id, name: provider.name, status: result.status, message: result.message })
        .catch(() => undefined);
    }
    // Told at every check, not only at a change: what a crash kept from being told after the last change is told at the next check.
    await this.events
      .emitAsync(ProviderHealthChangedEvent.NAME, new ProviderHealthChangedEvent(id, provider.name, provider.tenantId, result.status, result.message))
      .catch((err: Error) => this.logger.warn(`provider ${id}: a listener of its health check failed: ${err.message}`));
    return this.get(id);
  }

  /**
   * Reads what the provider holds now and keeps it on the provider: Kubernetes namespaces,
   * deployments and services; OpenStack Heat stacks and Nova servers. Local and SSH providers
   * have nothing to read (UNAVAILABLE says so).
   */
  async refreshResources(id: string): Promise<ProviderModel> {
    const provider = await this.providers.findOneBy({ id });
    if (!provider) throw notFound('Provider', id);
    if (provider.type !== 'kubernetes' && provider.type !== 'openstack') {
      throw new AppError(ErrorCode.UNAVAILABLE, `A ${provider.type} provider has no resources to read (Kubernetes and OpenStack providers have).`);
    }
    const [credential] = await this.revealCredentials(provider);
    let resources: Record<string, unknown>;
    try {
      resources =
        provider.type === 'kubernetes'
          ? await kubernetesResources(this.bound(provider, credential), credential)
          : await openstackResources(provider, credential);
    } catch (err) {
      const message = scrubber(credential ? Object.values(credential.secrets) : [])((err as Error).message);
      throw new AppError(ErrorCode.UNAVAILABLE, `Could not read the resources of "${provider.name}": ${message}`);
    }
    await this.providers.update(id, { resources: resources as never, resourcesRefreshedAt: new Date() });
    return this.get(id);
  }

  /**
   * Reads one metric from the provider's API, for a performance job: a Kubernetes Deployment's
   * ready replicas, or whether a Heat stack is complete. A provider of another type, or one that
   * does not answer, throws UNAVAILABLE saying why (with no secret in the message).
   */
  async readMetric(id: string, spec: ProviderMetricSpec): Promise<ProviderMetricReading> {
    const provider = await this.providers.findOneBy({ id });
    if (!provider) throw notFound('Provider', id);
    const wanted = spec.kind === 'k8s_ready_replicas' ? 'kubernetes' : 'openstack';
    if (provider.type !== wanted) throw new AppError(ErrorCode.UNAVAILABLE, `"${provider.name}" is a ${provider.type} provider, not ${wanted}.`);
    const [credential] = await this.revealCredentials(provider);
    try {
      return spec.kind === 'k8s_ready_replicas'
        ? await kubernetesReadyReplicas(this.bound(provider, credential), credential, spec.namespace, spec.deployment)
        : await openstackStackComplete(provider, credential, spec.stack);
    } catch (err) {
      const message = scrubber(credential ? Object.values(credential.secrets) : [])((err as Error).message);
      throw new AppError(ErrorCode.UNAVAILABLE, `Could not read "${provider.name}": ${message}`);
    }
  }

  /** Checks every provider, a few at a time. */
  async checkAll(): Promise<number> {
    const all = await this.providers.find();
    let next = 0;
    const worker = async () => {
      while (next < all.length) {
        const provider = all[next++];
        const checked = await this.checkHealth(provider.id).catch((err: Error) => this.logger.warn(err.message));
        // A Kubernetes or OpenStack provider that answers has its resources read again too.
        if (checked && checked.healthStatus === 'up' && (provider.type === 'kubernetes' || provider.type === 'openstack')) {
          await this.refreshResources(provider.id).catch((err: Error) => this.logger.warn(err.message));
        }
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    return all.length;
  }

  /** The latest health checks of a provider, newest first. */
  healthHistory(providerId: string, take: number): Promise<ProviderHealthEntity[]> {
    return this.health.find({ where: { providerId }, order: { checkedAt: 'DESC', id: 'DESC' }, take: Math.min(Math.max(take, 1), 1000) });
  }

  /** Providers that went down or came back, newest first; with a scope, of the providers it may see. */
  async alarms(take: number, scope?: TenantScope): Promise<ProviderHealthEntity[]> {
    const providerIds = scope ? (await this.list(scope)).map((p) => p.id) : null;
    return this.health.find({
      where: { changed: true, ...(providerIds ? { providerId: In(providerIds) } : {}) },
      order: { checkedAt: 'DESC', id: 'DESC' },
      take: Math.min(Math.max(take, 1), 1000),
    });
  }

  /**
   * Each provider's health checks per day of `window` (the providers the scope may see, by
   * name; every provider without a scope): how many checks there were and how many found it up.
   */
  async healthTimeline(window: DayWindow, scope?: TenantScope): Promise<ProviderHealthTimeline[]> {
    const w = windowSql('$1', '$2');
    const rows = (await this.providers.query(
      `WITH p AS (SELECT p.id, p.name, p.type, p.health_status FROM providers p
                   WHERE NOT $3::boolean OR ${SHARES.visible('p', '$4::uuid[]', '$5::uuid[]')}),
            h AS (SELECT h.provider_id, ${w.dayOf('h.checked_at')} AS day, count(*)::int AS checks,
                         count(*) FILTER (WHERE h.status = 'up')::int AS up
                    FROM provider_health h JOIN p ON p.id = h.provider_id
                   WHERE h.checked_at >= ${w.start}
                   GROUP BY 1, 2)
       SELECT p.id, p.name, p.type, p.health_status AS status, to_char(d, 'YYYY-MM-DD') AS day,
              coalesce(h.checks, 0) AS checks, coalesce(h.up, 0) AS up
         FROM p CROSS JOIN generate_series(${w.firstDay}, ${w.today}, interval '1 day') AS d
         LEFT JOIN h ON h.provider_id = p.id AND h.day = d
        ORDER BY p.name, d`,
      [window.timeZone, window.days, Boolean(scope), scope?.tenants ?? [], scope?.reach ?? []],
    )) as { id: string; name: string; type: string; status: string; day: string; checks: number; up: number }[];
    const byProvider = new Map<string, ProviderHealthTimeline>();
    for (const r of rows) {
      let timeline = byProvider.get(r.id);
      if (!timeline) byProvider.set(r.id, (timeline = { providerId: r.id, name: r.name, type: r.type, status: r.status, days: [] }));
      timeline.days.push({ day: r.day, checks: r.checks, up: r.up });
    }
    return [...byProvider.values()];
  }

  private async checkSsh(provider: ProviderEntity): Promise<HealthResult> {
    // On tmpfs: the check's credential files never reach a disk.
    const dir = await this.sandbox.tmpfsFolder('health-');
    // SSH control sockets must fit in 108 bytes: a short folder of the check's own, removed with it
    // (in the sandbox, /tmp is the check's own anyway).
    const controlDir = `/tmp/sfhc-${basename(dir).slice(-8)}`;
    try {
      const m = await this.materialsFor(provider.id, dir);
      const args = ['-i', await writeInventory(dir, m), provider.name, '-m', 'ansible.builtin.raw', '-a', 'true', '-o', '-T', '10'];
      // `ansible` lives beside `ansible-playbook`.
      const bin = /ansible-playbook$/.test(this.config.ansiblePlaybookBin) ? this.config.ansiblePlaybookBin.replace(/ansible-playbook$/, 'ansible') : 'ansible';
      // In a sandbox like a run's: its ProxyCommand (sshArgs) runs there, not on the worker.
      const run = await this.sandbox.spawn(
        bin,
        args,
        {
          extendEnv: false,
          reject: false,
          timeout: 60_000,
          env: {
            PATH: process.env.PATH ?? '/usr/bin:/bin',
            HOME: dir,
            LANG: 'C.UTF-8',
            ANSIBLE_HOST_KEY_CHECKING: 'false',
            ANSIBLE_NOCOLOR: '1',
            ANSIBLE_LOCAL_TEMP: join(dir, 'tmp'),
            ANSIBLE_SSH_CONTROL_PATH_DIR: controlDir,
            ANSIBLE_SSH_CONTROL_PATH: '%(directory)s/%%C',
            ANSIBLE_INVENTORY_UNPARSED_FAILED: 'true',
            ...m.env,
          },
        },
        { cwd: dir, writable: [dir], network: true },
      );
      const scrub = scrubber(m.secrets);
      const out = scrub(`${String(run.stdout)}\n${String(run.stderr)}`);
      // Hosts not pinned yet got their key accepted into the check's known_hosts: pin it now.
      await this.pinLearnt(provider, await readFile(join(dir, 'credentials', provider.name, 'known_hosts'), 'utf8').catch(() => ''));
      const lines = out.split('\n').filter((l) => l.trim());
      const hosts = lines.filter((l) => / \| /.test(l));
      const bad = this.hostBlocks(lines)
        .filter((b) => / \| /.test(b) && !/ \| (CHANGED|SUCCESS)/.test(b.split('\n')[0]))
        .map((b) => this.explainHostKey(provider, b));
      if (run.exitCode === 0 && bad.length === 0) return { status: 'up', message: `SSH login on ${hosts.length} host(s)` };
      return { status: 'down', message: (bad.length ? bad : lines).slice(0, 5).join('\n').slice(0, 1000) || `ansible exited with ${String(run.exitCode)}` };
    } finally {
      await Promise.all([removeTree(dir), rm(controlDir, { recursive: true, force: true })]);
    }
  }

  // ---- SSH host keys -----------------------------------------------------------------------

  /** The pinned keys of an ssh provider's hosts, for display. */
  hostKeysOf(provider: { type: string; config: Record<string, unknown>; hostKeys?: PinnedHosts }): ProviderHostKeyModel[] {
    if (provider.type !== 'ssh') return [];
    const pinned = provider.hostKeys ?? {};
    return ((provider.config as SshConfig).hosts ?? []).flatMap((h) => {
      const pin = pinnedFor(h, pinned);
      return (pin?.keys ?? []).map((key) => ({
        host: h.name,
        address: h.address,
        port: h.port ?? 22,
        keyType: key.split(' ')[0],
        fingerprint: fingerprint(key),
        learnedAt: new Date(pin!.learnedAt),
      }));
    });
  }

  /**
   * Forgets the pinned keys of some hosts (all when `hosts` is empty) and learns their keys
   * again now: for an operator who knows a host was reinstalled. Refused for unknown hosts.
   */
  async acceptHostKeys(id: string, hosts?: string[] | null): Promise<ProviderModel> {
    const provider = isUuid(id) ? await this.providers.findOneBy({ id }) : null;
    if (!provider) throw notFound('Provider', id);
    if (provider.type !== 'ssh')
      throw validationFailed(`Provider "${provider.name}" is not an ssh provider: it has no host keys.`, { id: 'is not an ssh provider' });
    const names = (provider.config as SshConfig).hosts.map((h) => h.name);
    const unknown = (hosts ?? []).filter((h) => !names.includes(h));
    if (unknown.length)
      throw validationFailed(`Provider "${provider.name}" has no host ${unknown.join(', ')} (it has ${names.join(', ')}).`, {
        hosts: `unknown: ${unknown.join(', ')}`,
      });
    const forget = hosts?.length ? hosts : names;
    const kept = Object.fromEntries(Object.entries(provider.hostKeys ?? {}).filter(([name]) => !forget.includes(name)));
    await this.providers.update(id, { hostKeys: kept as never });
    this.logger.warn(`provider "${provider.name}": host keys of ${forget.join(', ')} forgotten, to be learnt again`);
    const learnt = await this.learnHostKeys(id);
    const missing = forget.filter((h) => !learnt.includes(h));
    if (missing.length) {
      throw new AppError(
        ErrorCode.UNAVAILABLE,
        `The new host keys of ${missing.join(', ')} could not be read (host unreachable?): the next health check of "${provider.name}" learns them.`,
      );
    }
    return this.get(id);
  }

  /** Pins the pins kept across an update: those of hosts still at the same address and port. */
  private keepPins(current: ProviderEntity, config: Record<string, unknown>): PinnedHosts {
    if (current.type !== 'ssh') return {};
    const hosts = (config as SshConfig).hosts ?? [];
    return Object.fromEntries(hosts.flatMap((h) => (pinnedFor(h, current.hostKeys ?? {}) ? [[h.name, current.hostKeys[h.name]]] : [])));
  }

  /**
   * Reads the keys of the provider's hosts that have none pinned, by opening an SSH connection
   * to each (through the provider's own ssh options, so a ProxyCommand works) that stops after
   * the key exchange, and pins them. Best effort: a host that cannot be reached now is pinned
   * by the first health check that reaches it. Returns the hosts pinned.
   */
  async learnHostKeys(id: string): Promise<string[]> {
    const provider = await this.providers.findOneBy({ id });
    if (!provider || provider.type !== 'ssh') return [];
    const config = provider.config as SshConfig;
    const todo = config.hosts.filter((h) => !pinnedFor(h, provider.hostKeys ?? {}));
    if (todo.length === 0) return [];
    // In a sandbox like a health check's: a ProxyCommand in sshArgs runs there, not on the worker.
    const dir = await this.sandbox.tmpfsFolder('hostkeys-');
    try {
      let extra: string[] = [];
      try {
        extra = config.sshArgs ? splitShellWords(config.sshArgs) : [];
      } catch {
        extra = [];
      }
      const texts = await Promise.all(
        todo.map(async (h, i) => {
          const file = join(dir, `known_hosts_${i}`);
          // Best effort: whatever goes wrong, the host is pinned by its first health check.
          await Promise.resolve()
            .then(() =>
              this.sandbox.spawn(
                'ssh',
                [
                  '-F',
                  '/dev/null',
                  ...[
                    'BatchMode=yes',
                    `UserKnownHostsFile=${file}`,
                    'GlobalKnownHostsFile=/dev/null',
                    'StrictHostKeyChecking=accept-new',
                    'HashKnownHosts=no',
                    'UpdateHostKeys=no',
                    'PreferredAuthentications=none',
                    'ConnectTimeout=10',
                  ].flatMap((option) => ['-o', option]),
                  ...extra,
                  ...['-p', String(h.port ?? 22), '-l', 'superfluid-host-key', '--', h.address, 'true'],
                ],
                {
                  extendEnv: false,
                  env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir },
                  stdio: ['ignore', 'pipe', 'pipe'],
                  timeout: 20_000,
                  reject: false,
                },
                { cwd: dir, writable: [dir], network: true },
              ),
            )
            .catch(() => undefined);
          return readFile(file, 'utf8').catch(() => '');
        }),
      );
      return await this.pinLearnt(provider, texts.join('\n'));
    } finally {
      await removeTree(dir);
    }
  }

  /**
   * Pins the keys found in known_hosts text for the hosts that had none pinned in `provider`
   * (the state the connections were made with: a line for a host pinned then is the portal's
   * own, not something ssh learnt) and still have none. Returns the hosts pinned.
   */
  private async pinLearnt(provider: ProviderEntity, knownHosts: string): Promise<string[]> {
    if (provider.type !== 'ssh' || !knownHosts.trim()) return [];
    const fresh = await this.providers.findOneBy({ id: provider.id });
    if (!fresh) return [];
    const pinned: PinnedHosts = { ...(fresh.hostKeys ?? {}) };
    const learnt: string[] = [];
    for (const h of (fresh.config as SshConfig).hosts) {
      if (pinnedFor(h, pinned) || pinnedFor(h, provider.hostKeys ?? {})) continue;
      const keys = keysFor(knownHosts, h.address, h.port ?? 22);
      if (!keys.length) continue;
      pinned[h.name] = { address: h.address, port: h.port ?? 22, keys, learnedAt: new Date().toISOString() };
      learnt.push(h.name);
    }
    if (learnt.length) {
      await this.providers.update(provider.id, { hostKeys: pinned as never });
      this.logger.log(
        `provider "${provider.name}": host keys pinned for ${learnt.map((n) => `${n} (${pinned[n].keys.map(fingerprint).join(', ')})`).join(', ')}`,
      );
    }
    return learnt;
  }

  /** ansible's one-line output, one block per host (a message may run over several lines). */
  private hostBlocks(lines: string[]): string[] {
    const blocks: string[] = [];
    for (const line of lines) {
      if (/^\S+ \| /.test(line) || blocks.length === 0) blocks.push(line);
      else blocks[blocks.length - 1] += `\n${line}`;
    }
    return blocks;
  }

  /** A health check's block for a host whose key is not the pinned one, said plainly (its first line otherwise). */
  private explainHostKey(provider: ProviderEntity, block: string): string {
    if (!HOST_KEY_CHANGED.test(block)) return block.split('\n')[0];
    const name = block.split(' | ')[0].trim();
    const host = (provider.config as SshConfig).hosts.find((h) => h.name === name);
    const pin = host && provider.hostKeys?.[host.name];
    const where = host ? `${name} (${knownHostsName(host.address, host.port ?? 22)})` : name;
    return (
      `${where}: its SSH host key has changed since it was pinned${pin ? ` on ${pin.learnedAt.slice(0, 10)} (${pin.keys.map(fingerprint).join(', ')})` : ''}; ` +
      'the connection was refused. If the host was reinstalled, accept its new key (acceptProviderHostKeys); otherwise someone may be intercepting the connection.'
    );
  }
}
