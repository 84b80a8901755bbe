import { type CatalogViewer, inScope, type TenantScope, tenantFor } from '../auth/auth.decorators.js';
import { ShareTable } from '../tenants/shares.js';
import { ROOT_TENANT_ID, TenantsService } from '../tenants/tenants.service.js';
import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { TemplateDialogQuery } from '../dialogs/dialog.events.js';
import { GitRepoRefreshedEvent } from '../git-repos/git-repo.events.js';
import { InventoryUsageQuery } from '../inventories/inventory.events.js';
import { VnfPackageUsageQuery } from '../vnf-packages/vnf-package.events.js';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, Repository } from 'typeorm';
import { stringify } from 'yaml';
import { isUuid, notFound, validationFailed } from '../common/app-error.js';
import { DialogsService } from '../dialogs/dialogs.service.js';
import { GitReposService } from '../git-repos/git-repos.service.js';
import { InventoriesService } from '../inventories/inventories.service.js';
import { type CatalogFiles, type CatalogText, parseCatalog, readCatalog } from './catalog-files.js';
import { stateMachineDocument } from '../state-machines/state-machine.schema.js';
import { StateMachinesService } from '../state-machines/state-machines.service.js';
import type { StateMachineDef } from '../state-machines/state-machine.types.js';
import type { ServiceTemplateModel } from './models/service-template.model.js';
import { ServiceTemplateEntity } from './service-template.entity.js';

/** A stored item as a catalog file holds it (without `kind`): what the export writes and the editor loads. */
export function templateDocument(t: ServiceTemplateModel): Record<string, unknown> {
  const doc: Record<string, unknown> = { name: t.name };
  if (t.description) doc.description = t.description;
  doc.catalog = t.catalog;
  if (t.icon) doc.icon = t.icon;
  if (t.longDescription) doc.longDescription = t.longDescription;
  doc.type = t.type;
  doc.dialog = t.dialogName;
  doc.published = t.published;
  if (t.visibility !== 'requester') doc.visibility = t.visibility;
  if (t.approval) doc.approval = t.approval;
  if (t.quota) doc.quota = t.quota;
  if (t.lifetime) doc.lifetime = t.lifetime;
  if (t.type === 'bundle') {
    doc.stateMachine = t.stateMachine ?? 'provision';
    doc.onFailure = t.onFailure;
    if (t.sites) doc.sites = t.sites;
    if (t.inventory) doc.inventory = t.inventory;
    doc.items = t.items;
  } else {
    doc.provision = t.provision;
    if (t.retirement) doc.retirement = t.retirement;
    if (t.reconfigure) doc.reconfigure = t.reconfigure;
    if (t.heal) doc.heal = t.heal;
  }
  return doc;
}

export interface TemplateFilter {
  search?: string | null;
  catalog?: string | null;
  /** Unpublished items too (the editor's list). */
  unpublished?: boolean;
  /** Only what this caller may see (all when left out: the portal's own use). */
  viewer?: CatalogViewer;
}

/** The SQL condition "the viewer may see item t": its tenant is theirs, or it is shared with one of their tenants or an ancestor. */
const SHARES = new ShareTable('service_template_shares', 'template_id');

/** Templates stored at once from which the table is analyzed straight away. */
const BULK_TEMPLATES = 500;

@Injectable()
export class CatalogService {
  private readonly logger = new Logger(CatalogService.name);

  constructor(
    @InjectRepository(ServiceTemplateEntity) private readonly templates: Repository<ServiceTemplateEntity>,
    private readonly machines: StateMachinesService,
    private readonly dialogs: DialogsService,
    private readonly inventories: InventoriesService,
    private readonly repos: GitReposService,
    private readonly tenants: TenantsService,
  ) {}

  /** A refreshed repository's catalog/ folder is loaded (a refusal is thrown back to the refresh, which records it). */
  @OnEvent(GitRepoRefreshedEvent.NAME, { suppressErrors: false })
  async onRepoRefreshed(event: GitRepoRefreshedEvent): Promise<void> {
    await this.loadFromRepo(event.repoName, event.catalogFiles, event.tenantId);
  }

  /** refreshDialogField given a templateId: the dialog the item uses. */
  @OnEvent(TemplateDialogQuery.NAME)
  async onTemplateDialog(query: TemplateDialogQuery): Promise<void> {
    if (!isUuid(query.templateId)) return;
    const item = await this.filtered({ unpublished: true, viewer: query.viewer }).andWhere('t.id = :id', { id: query.templateId }).getOne();
    query.dialog = item?.dialogName ?? null;
  }

  /** An inventory catalog items use keeps its name and cannot be deleted. */
  @OnEvent(InventoryUsageQuery.NAME)
  async onInventoryUsage(query: InventoryUsageQuery): Promise<void> {
    query.usedBy.push(...(await this.usingInventory(query.name)));
  }

  /** A VNF package a published catalog item deploys is in use (the item can be ordered). */
  @OnEvent(VnfPackageUsageQuery.NAME)
  async onVnfPackageUsage(query: VnfPackageUsageQuery): Promise<void> {
    const items = await this.deployingVnfPackage(query.name, query.repoName);
    query.usedBy.push(...items.filter((t) => t.published).map((t) => ({ what: `catalog item "${t.name}"`, tenantId: t.tenantId })));
  }

  /** Catalog items (published or not) with an item deploying a VDU of package `name` of repository `repoName`. */
  async deployingVnfPackage(name: string, repoName: string): Promise<{ id: string; name: string; published: boolean; tenantId: string }[]> {
    return this.templates
      .createQueryBuilder('t')
      .select(['t.id', 't.name', 't.published', 't.tenantId'])
      .where('t.items @> CAST(:items AS jsonb)', { items: JSON.stringify([{ vnf: { package: name }, provision: { repo: repoName } }]) })
      .orderBy('t.name', 'ASC')
      .getMany();
  }

  /** Loads catalog as code: every dialog and template under the folder, created or updated by name. */
  async loadFromDir(dir: string): Promise<void> {
    await this.store(await readCatalog(dir));
  }

  /**
   * Imports catalog files (as `exportCatalog` gives them, or a catalog/ folder): every file
   * is checked first — a problem anywhere stores nothing —, then each dialog, state machine
   * and item is created or updated by name, so importing twice changes nothing.
   */
  async importFiles(texts: CatalogText[], scope?: TenantScope): Promise<{ dialogs: number; templates: number; stateMachines: number }> {
    const bad = texts.filter((t) => !/^[A-Za-z0-9][A-Za-z0-9._/-]*\.ya?ml$/.test(t.path) || t.path.includes('..'));
    if (bad.length)
      throw validationFailed(`Catalog file paths are relative YAML paths like templates/x.yaml: ${bad.map((b) => JSON.stringify(b.path)).join(', ')}`);
    let files: CatalogFiles;
    try {
      files = parseCatalog(texts, {
        dialogs: (await this.dialogs.list(scope)).map((d) => d.name),
        stateMachines: (await this.machines.names()).map((m) => m.name),
      });
    } catch (err) {
      throw validationFailed((err as Error).message);
    }
    const tenantId = tenantFor(scope, null, ROOT_TENANT_ID);
    if (scope && !scope.tenants.includes(ROOT_TENANT_ID)) {
      // Below the root, an import replaces neither another tenant's items and dialogs nor the shared state machines.
      const problems: string[] = [];
      const existing = await this.templates.find({ where: { name: In(files.templates.map((t) => t.name)) }, select: { name: true, tenantId: true } });
      for (const t of existing) if (!scope.tenants.includes(t.tenantId)) problems.push(`catalog item "${t.name}" exists in another tenant`);
      const taken = await this.dialogs.others(
        files.dialogs.map((d) => d.name),
        scope,
      );
      for (const name of taken) problems.push(`the dialog name "${name}" is taken (dialog names are unique across the portal)`);
      const machines = new Set((await this.machines.names()).map((m) => m.name));
      for (const m of files.stateMachines) if (machines.has(m.name)) problems.push(`state machine "${m.name}" exists already (shared by every tenant)`);
      if (problems.length) throw validationFailed(`Nothing was imported: ${problems.join('; ')}. Choose other names.`);
    }
    await this.store(files, tenantId);
    return { dialogs: files.dialogs.length, templates: files.templates.length, stateMachines: files.stateMachines.length };
  }

  /**
   * Loads the catalog/ folder of a git repository at a refreshed commit: its dialogs, state
   * machines and items are created or updated by name, their source `git:<repo>:catalog/<file>`.
   * A name that exists and came from elsewhere (the portal's catalog, another repository, an
   * import or the editor) is refused: a repository adds to the catalog, it does not replace
   * what it did not bring. Items it brought before and no longer has are unpublished (their
   * requests and services keep them). Everything is checked first; a problem stores nothing.
   */
  async loadFromRepo(repoName: string, texts: CatalogText[], tenantId = ROOT_TENANT_ID): Promise<{ templates: string[]; unpublished: string[] }> {
    const origin = `git:${repoName}:catalog/`;
    const mine = (source: string | null) => !!source && source.startsWith(origin);
    const files = parseCatalog(
      texts,
      {
        dialogs: (await this.dialogs.list()).map((d) => d.name),
        stateMachines: (await this.machines.names()).map((m) => m.name),
      },
      origin,
    );
    const problems: string[] = [];
    const templates = await this.templates.find({ select: { name: true, source: true, dialogName: true } });
    for (const t of files.templates) {
      const existing = templates.find((e) => e.name === t.name);
      if (existing && !mine(existing.source)) problems.push(`${t.source}: item "${t.name}" exists already (from ${existing.source ?? 'an import'})`);
    }
    const machines = await this.machines.names();
    for (const m of files.stateMachines) {
      const existing = machines.find((e) => e.name === m.name);
      if (existing && !mine(existing.source)) problems.push(`${m.source}: state machine "${m.name}" exists already (from ${existing.source ?? 'an import'})`);
    }
    const dialogs = await this.dialogs.list();
    for (const d of files.dialogs) {
      const existing = dialogs.find((e) => e.name === d.name);
      // A dialog of this repository's is used by its items only (or by none).
      const usedElsewhere = templates.some((t) => t.dialogName === d.name && !mine(t.source));
      if (existing && (existing.origin !== 'catalog' || usedElsewhere))
        problems.push(`dialog "${d.name}" exists already (${existing.origin !== 'catalog' ? existing.origin : 'used by items from elsewhere'})`);
    }
    if (problems.length) throw new Error(`a repository's catalog cannot replace what it did not bring: ${problems.join('; ')}`);
    await this.store(files, tenantId);
    const names = files.templates.map((t) => t.name);
    const gone = templates.filter((t) => mine(t.source) && !names.includes(t.name)).map((t) => t.name);
    if (gone.length) await this.templates.update({ name: In(gone) }, { published: false });
    return { templates: names, unpublished: gone };
  }

  /** The whole catalog as files: dialogs/, state-machines/ and templates/, one YAML document each. */
  /** The catalog as files; with a viewer, only the items it may see (dialogs and state machines are everyone's). */
  async exportFiles(viewer?: CatalogViewer): Promise<CatalogText[]> {
    const files: CatalogText[] = [];
    const yaml = (doc: object) => stringify(doc, { lineWidth: 0 });
    for (const d of await this.dialogs.list(viewer)) files.push({ path: `dialogs/${d.name}.yaml`, text: yaml({ kind: 'Dialog', ...d.definition }) });
    for (const def of await this.machines.list()) files.push({ path: `state-machines/${def.name}.yaml`, text: yaml(stateMachineDocument(def)) });
    for (const t of await this.filtered({ unpublished: true, viewer }).orderBy('t.name', 'ASC').getMany()) {
      const doc = { kind: 'ServiceTemplate', ...templateDocument(t) };
      const slug =
        t.name
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '') || 'item';
      files.push({ path: `templates/${slug}.yaml`, text: yaml(doc) });
    }
    return files;
  }

  /** Stores checked catalog files in one transaction (all of them, or on a database error none); new items belong to `tenantId`, an existing item keeps its tenant. */
  private async store(files: CatalogFiles, tenantId = ROOT_TENANT_ID): Promise<void> {
    await this.templates.manager.transaction((tx) => this.storeIn(tx, files, tenantId));
    // A large import changes the table faster than autovacuum re-analyzes it (up to a minute): until
    // then the planner would take it for a small one and sort all of it for every catalog page.
    if (files.templates.length >= BULK_TEMPLATES) {
      // The load is stored: a failed ANALYZE only leaves it to autovacuum.
      await this.templates.query('ANALYZE service_templates').catch((err: Error) => this.logger.warn(`ANALYZE service_templates: ${err.message}`));
    }
    this.logger.log(`catalog loaded: ${files.dialogs.length} dialogs, ${files.templates.length} templates, ${files.stateMachines.length} state machines`);
  }

  private async storeIn(tx: EntityManager, files: CatalogFiles, tenantId: string): Promise<void> {
    for (const dialog of files.dialogs) await this.dialogs.upsert(dialog, tx, tenantId);
    for (const { source, ...definition } of files.stateMachines) await this.machines.upsert(tx, definition, source);
    for (const t of files.templates) {
      await tx
        .getRepository(ServiceTemplateEntity)
        .createQueryBuilder()
        .insert()
        .values({
          name: t.name,
          description: t.description,
          catalog: t.catalog,
          longDescription: t.longDescription,
          icon: t.icon,
          type: t.type,
          dialogName: t.dialog,
          provision: t.provision,
          items: t.items,
          stateMachine: t.stateMachine,
          retirement: t.retirement,
          reconfigure: t.reconfigure,
          heal: t.heal,
          sites: t.sites,
          inventory: t.inventory,
          onFailure: t.onFailure,
          approval: t.approval,
          quota: t.quota,
          lifetime: t.lifetime,
          published: t.published,
          visibility: t.visibility,
          source: t.source,
          tenantId,
        })
        .orUpdate(
          [
            'description',
            'catalog',
            'long_description',
            'icon',
            'type',
            'dialog_name',
            'provision',
            'items',
            'state_machine',
            'retirement',
            'reconfigure',
            'heal',
            'sites',
            'inventory',
            'on_failure',
            'approval',
            'quota',
            'lifetime',
            'published',
            'visibility',
            'source',
            'updated_at',
          ],
          ['name'],
        )
        .execute();
    }
  }

  /** A page of published items (all items with `unpublished`, for the editor), by name; `search` matches name and description, `catalog` picks one folder. One query. */
  list(filter: TemplateFilter & { skip?: number; take?: number } = {}): Promise<ServiceTemplateModel[]> {
    return this.filtered(filter)
      .orderBy('t.name', 'ASC')
      .skip(Math.max(filter.skip ?? 0, 0))
      .take(Math.min(Math.max(filter.take ?? 100, 1), 500))
      .getMany();
  }

  count(filter: TemplateFilter): Promise<number> {
    return this.filtered(filter).getCount();
  }

  /** The catalogs (folders) with how many published items each holds. */
  async catalogs(viewer?: CatalogViewer): Promise<{ name: string; count: number }[]> {
    const rows: { name: string; count: string }[] = await this.filtered({ viewer })
      .select('t.catalog', 'name')
      .addSelect('count(*)', 'count')
      .groupBy('t.catalog')
      .orderBy('t.catalog')
      .getRawMany();
    return rows.map((r) => ({ name: r.name, count: Number(r.count) }));
  }

  private filtered(filter: TemplateFilter) {
    const query = this.templates.createQueryBuilder('t').where(filter.unpublished ? 'TRUE' : 't.published');
    if (filter.viewer) query.andWhere(SHARES.visible('t'), filter.viewer);
    if (filter.catalog) query.andWhere('t.catalog = :catalog', { catalog: filter.catalog });
    if (filter.search?.trim()) {
      const pattern = `%${filter.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere('(t.name ILIKE :pattern OR t.description ILIKE :pattern)', { pattern });
    }
    return query;
  }

  /** A template with what it takes to order it; NOT_FOUND when unknown or (unless `unpublished`) unpublished. */
  async get(id: string, unpublished = false, viewer?: CatalogViewer): Promise<ServiceTemplateEntity> {
    const template = isUuid(id) ? await this.filtered({ unpublished, viewer }).andWhere('t.id = :id', { id }).getOne() : null;
    if (!template) throw notFound('Service template', id);
    return template;
  }

  /** Shares an item with these tenants (and so with every tenant below them), replacing its shares. */
  async share(id: string, tenantIds: string[], scope?: TenantScope): Promise<ServiceTemplateEntity> {
    const template = await this.get(id, true);
    if (!inScope(scope, template.tenantId)) throw notFound('Service template', id);
    const unique = [...new Set(tenantIds)];
    await this.tenants.assertWithin(unique, 'tenantIds', scope);
    await this.templates.manager.transaction((tx) => SHARES.replace(tx, template.id, unique));
    return template;
  }

  /** The tenants an item is shared with. */
  sharedWith(id: string): Promise<string[]> {
    return SHARES.tenantsOf(this.templates.manager, id);
  }

  async findById(id: string): Promise<ServiceTemplateModel | null> {
    return isUuid(id) ? this.templates.findOneBy({ id }) : null;
  }

  /** The names of the catalog items `ids` (unknown ids are left out). */
  async names(ids: string[]): Promise<Map<string, string>> {
    const rows = ids.length ? await this.templates.find({ where: { id: In(ids.filter(isUuid)) }, select: { id: true, name: true } }) : [];
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** The catalog's state machines, by name (for the bundle editor). */
  stateMachines(): Promise<StateMachineDef[]> {
    return this.machines.list();
  }

  /** Catalog items that use an inventory document (it cannot be deleted meanwhile). */
  async usingInventory(name: string): Promise<string[]> {
    const rows = await this.templates.find({ where: { inventory: name }, select: { name: true } });
    return rows.map((r) => `catalog item "${r.name}"`);
  }

  /** The full template, items included, for planning a request. */
  async template(id: string): Promise<ServiceTemplateEntity | null> {
    return isUuid(id) ? this.templates.findOneBy({ id }) : null;
  }
}
