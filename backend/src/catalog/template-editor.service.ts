import { inScope, type TenantScope, tenantFor } from '../auth/auth.decorators.js';
import { ROOT_TENANT_ID } from '../tenants/tenants.service.js';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { CatalogItemChangedEvent } from './catalog.events.js';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppError, ErrorCode, isUuid, notFound, validationFailed } from '../common/app-error.js';
import { DialogsService } from '../dialogs/dialogs.service.js';
import { checkTemplate, type TemplateFile, TemplateError } from './catalog-files.js';
import { ServiceTemplateEntity } from './service-template.entity.js';
import { StateMachinesService } from '../state-machines/state-machines.service.js';

/** The source of items made in the template and bundle editors. */
export const EDITOR_SOURCE = 'editor';

/**
 * Where an item is owned, when not by the editor: catalog files (or an import of them) and a
 * repository's catalog would overwrite an edit at their next load or push. Null for an item
 * the editor may change.
 */
function ownedElsewhere(source: string | null): { where: string; change: string } | null {
  const git = source && /^git:([^:]+):(.*)$/.exec(source);
  if (git) return { where: `git repository "${git[1]}" (${git[2]})`, change: 'change it there and push' };
  if (source?.startsWith('catalog/')) return { where: `the catalog file ${source}`, change: 'change the file (or import it again)' };
  return null;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const driverCode = (err: unknown) => (err as { driverError?: { code?: string } }).driverError?.code;

/**
 * Creates, changes and deletes catalog items from the UI. An item is checked by the very
 * rules of a catalog file (`checkTemplate`), stored in one transaction, with source "editor".
 */
@Injectable()
export class TemplateEditorService {
  constructor(
    @InjectRepository(ServiceTemplateEntity) private readonly templates: Repository<ServiceTemplateEntity>,
    private readonly machines: StateMachinesService,
    private readonly dialogs: DialogsService,
    private readonly events: EventEmitter2,
  ) {}

  /** Tells the listeners (notifications) of a change made; never throws. */
  private changed(item: ServiceTemplateEntity, change: CatalogItemChangedEvent['change']): void {
    this.events.emitAsync(CatalogItemChangedEvent.NAME, new CatalogItemChangedEvent(item.id, item.name, item.tenantId, change)).catch(() => undefined);
  }

  /**
   * Creates an item (no `id`) or changes one made in the editor. VALIDATION_FAILED names each
   * problem by its path in the definition (`extensions.fields`); CONFLICT for an item owned by
   * files or a repository, or a name another item has.
   */
  async save(id: string | null | undefined, definition: unknown, scope?: TenantScope): Promise<ServiceTemplateEntity> {
    const tenantId = id ? null : tenantFor(scope, null, ROOT_TENANT_ID);
    if (!isObject(definition)) throw validationFailed('The definition is an object, as a catalog file holds it (name, type, dialog, ...).');
    const item = await this.checked(definition, scope);
    try {
      const saved = await this.templates.manager.transaction(async (tx) => {
        const repo = tx.getRepository(ServiceTemplateEntity);
        const current = id ? (isUuid(id) ? await repo.createQueryBuilder('t').setLock('pessimistic_write').where('t.id = :id', { id }).getOne() : null) : null;
        if (id && (!current || !inScope(scope, current.tenantId))) throw notFound('Service template', id);
        const owner = current && ownedElsewhere(current.source);
        if (owner)
          throw new AppError(ErrorCode.CONFLICT, `Catalog item "${current.name}" comes from ${owner.where}: ${owner.change}, or copy it to a new item.`, {
            source: current.source,
          });
        const namesake = await repo.findOneBy({ name: item.name });
        if (namesake && namesake.id !== current?.id) throw this.nameTaken(namesake);
        const values = {
          name: item.name,
          description: item.description,
          catalog: item.catalog,
          longDescription: item.longDescription,
          icon: item.icon,
          type: item.type,
          dialogName: item.dialog,
          provision: item.provision,
          items: item.items,
          stateMachine: item.stateMachine,
          retirement: item.retirement,
          reconfigure: item.reconfigure,
          heal: item.heal,
          sites: item.sites,
          inventory: item.inventory,
          onFailure: item.onFailure,
          approval: item.approval,
          quota: item.quota,
          lifetime: item.lifetime,
          published: item.published,
          visibility: item.visibility,
          source: EDITOR_SOURCE,
        };
        return repo.save(current ? repo.merge(current, values) : repo.create({ ...values, tenantId: tenantId ?? ROOT_TENANT_ID }));
      });
      this.changed(saved, 'saved');
      return saved;
    } catch (err) {
      // Another save or a catalog load took the name meanwhile.
      if (driverCode(err) === '23505') throw this.nameTaken((await this.templates.findOneBy({ name: item.name })) ?? { name: item.name, source: null });
      throw err;
    }
  }

  /**
   * Deletes an item made in the editor. One with requests or services is kept for them
   * (CONFLICT: unpublish it instead); the foreign keys of those tables say so, at the very
   * moment of the delete, without this module reading them.
   */
  async delete(id: string, scope?: TenantScope): Promise<void> {
    const item = isUuid(id) ? await this.templates.findOneBy({ id }) : null;
    if (!item || !inScope(scope, item.tenantId)) throw notFound('Service template', id);
    const owner = ownedElsewhere(item.source);
    if (owner) throw new AppError(ErrorCode.CONFLICT, `Catalog item "${item.name}" comes from ${owner.where}: remove it there.`, { source: item.source });
    try {
      await this.templates.delete({ id });
      this.changed(item, 'deleted');
    } catch (err) {
      if (driverCode(err) !== '23503') throw err;
      throw new AppError(
        ErrorCode.CONFLICT,
        `Catalog item "${item.name}" has been ordered: its requests and services keep it. Unpublish it instead (published: false) to take it out of the catalog.`,
      );
    }
  }

  /** The item checked as a catalog file would be; its dialog must be one the scope may see. */
  private async checked(definition: Record<string, unknown>, scope?: TenantScope): Promise<TemplateFile> {
    const { kind: _kind, ...rest } = definition;
    try {
      return checkTemplate({ kind: 'ServiceTemplate', ...rest }, EDITOR_SOURCE, {
        dialogs: (await this.dialogs.list(scope)).map((d) => d.definition),
        stateMachines: (await this.machines.names()).map((m) => m.name),
      });
    } catch (err) {
      if (!(err instanceof TemplateError)) throw err;
      const fields: Record<string, string> = {};
      for (const issue of err.issues) {
        const at = issue.path.join('.');
        if (at) fields[at] = fields[at] ? `${fields[at]}; ${issue.message}` : issue.message;
      }
      throw new AppError(ErrorCode.VALIDATION_FAILED, `The catalog item has errors — ${err.message}`, {
        problems: err.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)),
        fields,
      });
    }
  }

  private nameTaken(namesake: { name: string; source: string | null }): AppError {
    const owner = ownedElsewhere(namesake.source);
    return new AppError(
      ErrorCode.CONFLICT,
      `A catalog item named "${namesake.name}" exists already${owner ? `, from ${owner.where}` : ''}: pick another name${owner ? '' : ', or open that item to change it'}.`,
      { fields: { name: 'is taken by another catalog item' } },
    );
  }
}
