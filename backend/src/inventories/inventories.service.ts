import { type TenantScope, tenantFor } from '../auth/auth.decorators.js';
import { ShareTable } from '../tenants/shares.js';
import { ROOT_TENANT_ID, TenantsService } from '../tenants/tenants.service.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { ProviderUsageQuery } from '../providers/provider.events.js';
import { InventoryUsageQuery } from './inventory.events.js';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AppError, ErrorCode, isUuid, notFound, validationFailed } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { scrubber } from '../credentials/scrubber.js';
import { writeInventory } from '../jobs/run-materials.js';
import { ProvidersService } from '../providers/providers.service.js';
import { removeTree, Sandbox } from '../system/sandbox.js';
import { InventoryEntity, type InventorySite } from './inventory.entity.js';

const SHARES = new ShareTable('inventory_shares', 'inventory_id');
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const SITE = /^[a-z][a-z0-9_]{0,62}$/;
const VARIABLE = /^[a-z_][a-z0-9_]*$/;

@Injectable()
export class InventoriesService {
  constructor(
    @InjectRepository(InventoryEntity) private readonly inventories: Repository<InventoryEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly providers: ProvidersService,
    private readonly events: EventEmitter2,
    private readonly sandbox: Sandbox,
    private readonly tenants: TenantsService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** A provider an inventory's sites use cannot be deleted. */
  @OnEvent(ProviderUsageQuery.NAME)
  async onProviderUsage(query: ProviderUsageQuery): Promise<void> {
    const rows: { name: string }[] = await this.inventories.query(`SELECT name FROM inventories WHERE sites @> $1::jsonb ORDER BY name`, [
      JSON.stringify([{ providerId: query.providerId }]),
    ]);
    query.usedBy.push(...rows.map((r) => `inventory "${r.name}"`));
  }

  /** By name; with a scope, only those of its tenants or shared with one of its reach (theirs and their ancestors). */
  list(scope?: TenantScope): Promise<InventoryEntity[]> {
    const query = this.inventories.createQueryBuilder('i').orderBy('i.name', 'ASC');
    if (scope) query.where(SHARES.visible('i'), scope);
    return query.getMany();
  }

  /**
   * The inventory; NOT_FOUND also when the scope may not see it (as if it did not exist).
   * With `owned`, only one of the scope's own tenants (to change it: a shared one is used, not changed).
   */
  async get(id: string, scope?: TenantScope, owned = false): Promise<InventoryEntity> {
    const query = this.inventories.createQueryBuilder('i').where('i.id = :id', { id });
    if (scope) query.andWhere(owned ? 'i.tenant_id = ANY(:tenants)' : SHARES.visible('i'), scope);
    const row = isUuid(id) ? await query.getOne() : null;
    if (!row) throw notFound('Inventory', id);
    return row;
  }

  /** Shares an inventory with these tenants (and so with every tenant below them), replacing its shares: their catalog items may use it. */
  async share(id: string, tenantIds: string[], scope?: TenantScope): Promise<InventoryEntity> {
    const row = await this.get(id, scope, true);
    const unique = [...new Set(tenantIds)];
    await this.tenants.assertWithin(unique, 'tenantIds', scope);
    await this.db.transaction((tx) => SHARES.replace(tx, row.id, unique));
    return row;
  }

  /** The tenants an inventory is shared with. */
  sharedWith(id: string): Promise<string[]> {
    return SHARES.tenantsOf(this.db, id);
  }

  /** The sites of an inventory by name, for a run; null when there is no such inventory. */
  async sitesOf(name: string): Promise<InventorySite[] | null> {
    return (await this.inventories.findOneBy({ name }))?.sites ?? null;
  }

  /** Stores an inventory once it is valid: its sites, providers and hosts exist, and `ansible-inventory` parses the rendered result. */
  async create(
    input: { name?: string | null; description?: string | null; sites?: InventorySite[] | null; tenantId?: string | null },
    scope?: TenantScope,
  ): Promise<InventoryEntity> {
    const tenantId = tenantFor(scope, input.tenantId, ROOT_TENANT_ID);
    const row = { ...(await this.validated(null, input)), tenantId };
    if (await this.inventories.existsBy({ name: row.name })) throw validationFailed(`An inventory named "${row.name}" exists already`, { name: 'is taken' });
    return this.inventories.save(this.inventories.create(row));
  }

  async update(id: string, input: { name?: string | null; description?: string | null; sites?: InventorySite[] | null }): Promise<InventoryEntity> {
    const current = await this.get(id);
    const row = await this.validated(current, input);
    if (row.name !== current.name) {
      if (await this.inventories.existsBy({ name: row.name })) throw validationFailed(`An inventory named "${row.name}" exists already`, { name: 'is taken' });
      const users = await this.users(current.name);
      if (users.length) throw validationFailed(`"${current.name}" is used by ${users.join(', ')}: it keeps its name`, { name: 'is used by catalog items' });
    }
    await this.inventories.update(id, { name: row.name, description: row.description, sites: row.sites });
    return this.get(id);
  }

  async delete(id: string): Promise<boolean> {
    const row = await this.get(id);
    const users = await this.users(row.name);
    if (users.length) throw new AppError(ErrorCode.CONFLICT, `Inventory "${row.name}" is used by ${users.join(', ')}.`, { usedBy: users });
    await this.inventories.delete(id);
    return true;
  }

  /** The inventory a run gets, for display: hosts, groups, connection variables; no secret is decrypted or written for it. */
  async rendered(id: string): Promise<object> {
    const row = await this.get(id);
    return this.providers.inventoryForSites(row.sites.map(asPlan));
  }

  /** What uses an inventory by name (catalog items), asked of the modules that hold them. */
  private async users(name: string): Promise<string[]> {
    const usage = new InventoryUsageQuery(name);
    await this.events.emitAsync(InventoryUsageQuery.NAME, usage);
    return usage.usedBy;
  }

  private async validated(
    current: InventoryEntity | null,
    input: { name?: string | null; description?: string | null; sites?: InventorySite[] | null },
  ): Promise<{ name: string; description: string | null; sites: InventorySite[] }> {
    const fields: Record<string, string> = {};
    const name = input.name ?? current?.name ?? '';
    const description = input.description === undefined ? (current?.description ?? null) : input.description;
    const sites = input.sites ?? current?.sites ?? [];
    if (!NAME.test(name)) fields.name = 'use 1 to 100 letters, digits, . _ or -';
    const problems: string[] = [];
    if (sites.length === 0 || sites.length > 50) problems.push('list 1 to 50 sites');
    const seen = new Set<string>();
    for (const [i, site] of sites.entries()) {
      const at = `site ${i + 1}${site.name ? ` (${site.name})` : ''}`;
      if (!SITE.test(site.name ?? '')) problems.push(`${at}: the name must be lower_snake_case (it names the inventory group)`);
      else if (site.name === 'all' || site.name === 'ungrouped') problems.push(`${at}: "${site.name}" is a group Ansible makes itself`);
      else if (seen.has(site.name)) problems.push(`${at}: listed twice`);
      seen.add(site.name);
      const provider = await this.providers.get(site.providerId).catch(() => null);
      if (!provider) {
        problems.push(`${at}: provider ${site.providerId} does not exist`);
        continue;
      }
      const known = provider.type === 'ssh' ? ((provider.config.hosts as { name: string }[] | undefined) ?? []).map((h) => h.name) : ['localhost'];
      for (const host of site.hosts ?? [])
        if (!known.includes(host)) problems.push(`${at}: provider "${provider.name}" has no host "${host}" (it has ${known.join(', ')})`);
      for (const key of Object.keys(site.variables ?? {})) if (!VARIABLE.test(key)) problems.push(`${at}: variable "${key}" is not lower_snake_case`);
    }
    if (problems.length === 0) {
      const refused = await this.ansibleInventory(sites).catch((err: Error) => err.message);
      if (refused) problems.push(`ansible-inventory refused it: ${refused}`);
    }
    if (problems.length) fields.sites = problems.join('; ');
    const names = Object.keys(fields);
    if (names.length) throw validationFailed(`The inventory is not valid — ${names.map((n) => `${n}: ${fields[n]}`).join('; ')}`, fields);
    return {
      name,
      description,
      sites: sites.map((s) => ({
        name: s.name,
        providerId: s.providerId,
        ...(s.hosts?.length ? { hosts: s.hosts } : {}),
        ...(s.variables ? { variables: s.variables } : {}),
      })),
    };
  }

  /** Renders the inventory as a run would get it and lets `ansible-inventory` parse it (unparsed = error). Null when it parses. */
  private async ansibleInventory(sites: InventorySite[]): Promise<string | null> {
    // On tmpfs: the providers' credential files are made too (the inventory names them).
    const dir = await this.sandbox.tmpfsFolder('inventory-check-');
    try {
      const materials = await this.providers.materialsForSites(sites.map(asPlan), dir);
      const path = await writeInventory(dir, materials);
      const bin = /ansible-playbook$/.test(this.config.ansiblePlaybookBin)
        ? this.config.ansiblePlaybookBin.replace(/ansible-playbook$/, 'ansible-inventory')
        : 'ansible-inventory';
      const result = await this.sandbox.spawn(
        bin,
        ['-i', path, '--list'],
        {
          extendEnv: false,
          reject: false,
          timeout: 60_000,
          env: {
            PATH: process.env.PATH ?? '/usr/bin:/bin',
            HOME: dir,
            LANG: 'C.UTF-8',
            ANSIBLE_INVENTORY_UNPARSED_FAILED: 'true',
            ANSIBLE_NOCOLOR: '1',
            ANSIBLE_LOCAL_TEMP: join(dir, 'tmp'),
          },
        },
        // Parsing needs no network: an inventory reaches nothing.
        { cwd: dir, writable: [dir], network: false },
      );
      if (result.exitCode === 0) return null;
      return scrubber(materials.secrets)(String(result.stderr).split(dir).join('.').trim().slice(0, 1000)) || `exit ${String(result.exitCode)}`;
    } finally {
      await removeTree(dir);
    }
  }
}

const asPlan = (site: InventorySite) => ({ name: site.name, providerId: site.providerId, variables: site.variables ?? {}, hosts: site.hosts });
