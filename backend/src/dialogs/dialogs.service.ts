import { type TenantScope, tenantFor } from '../auth/auth.decorators.js';
import { ShareTable } from '../tenants/shares.js';
import { ROOT_TENANT_ID, TenantsService } from '../tenants/tenants.service.js';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { isForeignKeyViolation, referencesTo } from '../common/foreign-keys.js';
import { TemplateDialogQuery } from './dialog.events.js';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { AppError, ErrorCode, isUuid, notFound, validationFailed } from '../common/app-error.js';
import { CredentialsService } from '../credentials/credentials.service.js';
import { GitReposService } from '../git-repos/git-repos.service.js';
import { LOCAL_PROVIDER_NAME, ProvidersService } from '../providers/providers.service.js';
import { type DialogBinding, type DialogBindings, applyBinding, importedAutomateMethod, reapplyBindings } from './dialog-bindings.js';
import { DialogEntity } from './dialog.entity.js';
import { DialogDefinitionError, parseDialog } from './dialog.schema.js';
import {
  type Choice,
  compileDialog,
  type DataSource as FieldSource,
  type DialogDefinition,
  type DialogField,
  dialogFields,
  reconfigurableFieldNames,
  secretFieldNames,
} from '@superfluid/dialogs';
import { importAwxSurvey } from './import/awx-survey.js';
import { DialogImportError } from './import/import-helpers.js';
import { importManageIqDialogs } from './import/manageiq.js';

export enum DialogImportFormat {
  MANAGEIQ = 'MANAGEIQ',
  AWX_SURVEY = 'AWX_SURVEY',
}

export interface FieldRefresh {
  choices: Choice[];
  default: unknown;
}

/** Dialogs shared with tenants besides their own (see tenants/shares.ts). */
const SHARES = new ShareTable('dialog_shares', 'dialog_id');

/** A concrete data source: a repoField replaced by the repository it names. */
type ConcreteSource = Exclude<FieldSource, { type: 'playbooks'; repoField: string }> | { type: 'playbooks'; repo: string | null };

/** Fields in an order where each comes after the fields it depends on (parseDialog refuses cycles). */
function inDependencyOrder(fields: DialogField[]): DialogField[] {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const done = new Set<string>();
  const out: DialogField[] = [];
  const visit = (f: DialogField, depth: number) => {
    if (done.has(f.name) || depth > fields.length) return;
    done.add(f.name);
    for (const dep of f.dependsOn ?? []) {
      const other = byName.get(dep);
      if (other) visit(other, depth + 1);
    }
    out.push(f);
  };
  for (const f of fields) visit(f, 0);
  return out;
}

@Injectable()
export class DialogsService {
  constructor(
    private readonly tenants: TenantsService,
    @InjectRepository(DialogEntity) private readonly dialogs: Repository<DialogEntity>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly providers: ProvidersService,
    private readonly repos: GitReposService,
    private readonly credentials: CredentialsService,
    private readonly events: EventEmitter2,
  ) {}

  /**
   * Saves a definition made in the dialog editor, checked by the same parser as catalog files.
   * A new name goes to the scope's home tenant; an earlier editor or imported dialog of the same
   * name is replaced (and becomes `editor`) when it belongs to one of the scope's tenants. A
   * dialog from catalog files is never replaced (CONFLICT), nor one of another tenant.
   */
  async save(input: unknown, scope?: TenantScope): Promise<DialogEntity> {
    let definition: DialogDefinition;
    try {
      definition = parseDialog(input);
    } catch (err) {
      if (!(err instanceof DialogDefinitionError)) throw err;
      throw new AppError(ErrorCode.VALIDATION_FAILED, `The dialog has errors — ${err.message}`, { problems: err.problems, fields: err.fields });
    }
    const tenantId = tenantFor(scope, null, ROOT_TENANT_ID);
    const rows: { id: string }[] = await this.db.query(
      `INSERT INTO "dialogs" ("name", "label", "definition", "origin", "tenant_id") VALUES ($1, $2, $3::jsonb, 'editor', $4)
       ON CONFLICT ("name") DO UPDATE SET "label" = EXCLUDED."label", "definition" = EXCLUDED."definition", "origin" = 'editor', "bindings" = '{}', "updated_at" = now()
       WHERE "dialogs"."origin" <> 'catalog' AND ($5::uuid[] IS NULL OR "dialogs"."tenant_id" = ANY($5::uuid[])) RETURNING "id"`,
      [definition.name, definition.label, JSON.stringify(definition), tenantId, scope?.tenants ?? null],
    );
    if (!rows.length) throw await this.taken(definition.name, scope);
    return this.get(rows[0].id);
  }

  /** Why a dialog of this name may not be replaced by the scope: it comes from the catalog files, is another tenant's, or the name is taken. */
  private async taken(name: string, scope?: TenantScope): Promise<AppError> {
    const [visible] = await this.list(scope, name);
    if (visible?.origin === 'catalog') {
      return new AppError(
        ErrorCode.CONFLICT,
        `Dialog "${name}" comes from the catalog files (catalog/dialogs) and cannot be changed here: copy it under another name.`,
        { fields: { name: 'is a dialog from the catalog files' } },
      );
    }
    const why = visible
      ? 'is shared with your tenant by another: copy it under another name to change it'
      : 'is taken (dialog names are unique across the portal)';
    return new AppError(ErrorCode.CONFLICT, `The dialog name "${name}" ${why}.`, { fields: { name: visible ? 'is another tenant’s dialog' : 'is taken' } });
  }

  /** Deletes a dialog made in the editor or imported; one from catalog files, or one a catalog item uses, is refused (CONFLICT). */
  async delete(id: string, scope?: TenantScope): Promise<void> {
    const dialog = await this.get(id, scope, true);
    if (dialog.origin === 'catalog') {
      throw new AppError(ErrorCode.CONFLICT, `Dialog "${dialog.name}" comes from the catalog files (catalog/dialogs): remove it there.`);
    }
    try {
      // Only if it is still not from the catalog (a catalog load may have claimed the name meanwhile).
      await this.dialogs.createQueryBuilder().delete().where('id = :id AND origin <> :catalog', { id, catalog: 'catalog' }).execute();
    } catch (err) {
      // Catalog items that use it hold it through a foreign key.
      if (!isForeignKeyViolation(err)) throw err;
      const users = (await referencesTo(this.db, 'dialogs', 'name', dialog.name)).map((r) => r.name);
      throw new AppError(
        ErrorCode.CONFLICT,
        `Dialog "${dialog.name}" is used by ${users.length === 1 ? 'the catalog item' : 'the catalog items'} ${users.map((u) => `"${u}"`).join(', ')}.`,
        {
          usedBy: users,
        },
      );
    }
  }

  /**
   * Creates or updates a catalog dialog by name (catalog as code: a catalog file wins over an import
   * of the same name), inside the caller's transaction when given one. A new one belongs to `tenantId`;
   * an existing one keeps its tenant.
   */
  async upsert(definition: DialogDefinition, manager?: EntityManager, tenantId = ROOT_TENANT_ID): Promise<void> {
    await (manager ? manager.getRepository(DialogEntity) : this.dialogs)
      .createQueryBuilder()
      .insert()
      .values({ name: definition.name, label: definition.label, definition, origin: 'catalog', bindings: {}, tenantId } as QueryDeepPartialEntity<DialogEntity>)
      .orUpdate(['label', 'definition', 'origin', 'bindings', 'updated_at'], ['name'])
      .execute();
  }

  /** By name; with a scope, only those of its tenants or shared with one of its reach (theirs and their ancestors); `name`: that one only. */
  list(scope?: TenantScope, name?: string): Promise<DialogEntity[]> {
    const query = this.dialogs.createQueryBuilder('d').orderBy('d.name', 'ASC');
    if (scope) query.where(SHARES.visible('d'), scope);
    if (name !== undefined) query.andWhere('d.name = :name', { name });
    return query.getMany();
  }

  /**
   * The dialog; NOT_FOUND also when the scope may not see it (as if it did not exist). With
   * `owned`, only one of the scope's own tenants (to change it: a shared one is used, not changed).
   */
  async get(id: string, scope?: TenantScope, owned = false): Promise<DialogEntity> {
    if (!isUuid(id)) throw notFound('Dialog', id);
    const query = this.dialogs.createQueryBuilder('d').where('d.id = :id', { id });
    if (scope) query.andWhere(owned ? 'd.tenant_id = ANY(:tenants)' : SHARES.visible('d'), scope);
    const dialog = await query.getOne();
    if (!dialog) throw notFound('Dialog', id);
    return dialog;
  }

  /** Of these names, those of dialogs outside the scope's tenants (which an import of the scope may not replace). */
  async others(names: string[], scope: TenantScope): Promise<string[]> {
    if (!names.length) return [];
    const rows: { name: string }[] = await this.db.query(
      `SELECT "name" FROM "dialogs" WHERE "name" = ANY($1) AND NOT ("tenant_id" = ANY($2::uuid[])) ORDER BY "name"`,
      [names, scope.tenants],
    );
    return rows.map((r) => r.name);
  }

  /** Shares a dialog with these tenants (and so with every tenant below them), replacing its shares: their designers may use it in their items. */
  async share(id: string, tenantIds: string[], scope?: TenantScope): Promise<DialogEntity> {
    const dialog = await this.get(id, scope, true);
    const unique = [...new Set(tenantIds)];
    await this.tenants.assertWithin(unique, 'tenantIds', scope);
    await this.db.transaction((tx) => SHARES.replace(tx, dialog.id, unique));
    return dialog;
  }

  /** The tenants a dialog is shared with. */
  sharedWith(id: string): Promise<string[]> {
    return SHARES.tenantsOf(this.db, id);
  }

  /**
   * Imports dialogs from a ManageIQ export or an AWX survey, all or none. An imported dialog
   * replaces an earlier import of the same name; a dialog from catalog files is never replaced (CONFLICT).
   * A default that breaks its own field's rules is dropped, with a warning naming the field.
   */
  async import(
    format: DialogImportFormat,
    content: string,
    name?: string | null,
    scope?: TenantScope,
  ): Promise<{ dialog: DialogEntity; warnings: string[] }[]> {
    let definitions: DialogDefinition[];
    let warnings: Record<string, string[]>;
    try {
      ({ dialogs: definitions, warnings } =
        format === DialogImportFormat.MANAGEIQ ? importManageIqDialogs(content) : importAwxSurvey(content, name ?? undefined));
    } catch (err) {
      if (!(err instanceof DialogImportError)) throw err;
      throw new AppError(ErrorCode.VALIDATION_FAILED, `The dialog import has errors — ${err.message}`, { problems: err.problems });
    }
    const tenantId = tenantFor(scope, null, ROOT_TENANT_ID);
    const ids = await this.db.transaction(async (tx) => {
      const stored: string[] = [];
      for (const fresh of definitions) {
        // Fields bound since the last import keep their binding while their automate method is unchanged.
        const [earlier]: { bindings: DialogBindings }[] = await tx.query(
          `SELECT "bindings" FROM "dialogs" WHERE "name" = $1 AND "origin" = 'imported' AND ($2::uuid[] IS NULL OR "tenant_id" = ANY($2::uuid[])) FOR UPDATE`,
          [fresh.name, scope?.tenants ?? null],
        );
        const { definition: d, bindings } = reapplyBindings(fresh, earlier?.bindings ?? {});
        const rows: { id: string }[] = await tx.query(
          `INSERT INTO "dialogs" ("name", "label", "definition", "origin", "bindings", "tenant_id") VALUES ($1, $2, $3::jsonb, 'imported', $4::jsonb, $5)
           ON CONFLICT ("name") DO UPDATE SET "label" = EXCLUDED."label", "definition" = EXCLUDED."definition", "bindings" = EXCLUDED."bindings", "updated_at" = now()
           WHERE "dialogs"."origin" = 'imported' AND ($6::uuid[] IS NULL OR "dialogs"."tenant_id" = ANY($6::uuid[])) RETURNING "id"`,
          [d.name, d.label, JSON.stringify(d), JSON.stringify(bindings), tenantId, scope?.tenants ?? null],
        );
        if (!rows.length) {
          const [visible] = await this.list(scope, d.name);
          const why =
            visible?.origin === 'catalog'
              ? 'comes from the catalog files (catalog/dialogs); an import cannot replace it'
              : visible?.origin === 'editor'
                ? 'was made in the dialog editor; an import cannot replace it'
                : visible
                  ? 'is shared with your tenant by another'
                  : 'is taken (dialog names are unique across the portal)';
          throw new AppError(ErrorCode.CONFLICT, `Dialog "${d.name}" ${why}. Rename the dialog being imported.`);
        }
        stored.push(rows[0].id);
      }
      return stored;
    });
    return Promise.all(
      ids.map(async (id) => {
        const dialog = await this.get(id);
        return { dialog, warnings: warnings[dialog.name] ?? [] };
      }),
    );
  }

  /**
   * Binds a field of an imported dialog, one that came with a ManageIQ automate method, to a data
   * source in place: the dialog keeps its name, id and origin, so the catalog items using it can be
   * ordered. The field may be bound again later (it stays known by its automate method); `null` makes
   * it a plain field. The whole dialog is checked again like a saved one (dependencies, cycles).
   * NOT_FOUND for an unknown dialog or field; CONFLICT for a dialog that is not imported (catalog files,
   * editor); VALIDATION_FAILED for a field that had no automate method or a data source that does not check.
   */
  async bindField(id: string, fieldName: string, dataSource: unknown, dependsOn?: string[] | null, scope?: TenantScope): Promise<DialogEntity> {
    await this.get(id, scope, true);
    if (dataSource === undefined)
      throw validationFailed('Give the dataSource to bind the field to (null makes it a plain field)', { dataSource: 'is required' });
    if (dataSource !== null && (typeof dataSource !== 'object' || Array.isArray(dataSource))) {
      throw validationFailed('dataSource must be an object such as {"type": "providers"}, or null to make the field a plain one', {
        dataSource: 'must be an object or null',
      });
    }
    if ((dataSource as { type?: unknown } | null)?.type === 'pending') {
      throw validationFailed('A field is bound to one of the portal\'s data sources (static, providers, gitRepos, playbooks, credentials), not to "pending"', {
        dataSource: 'cannot be "pending"',
      });
    }
    await this.db.transaction(async (tx) => {
      const dialog = await tx.findOne(DialogEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!dialog) throw notFound('Dialog', id);
      if (dialog.origin !== 'imported') {
        const where =
          dialog.origin === 'catalog' ? 'comes from the catalog files (catalog/dialogs): change it there' : 'was made in the dialog editor: edit it there';
        throw new AppError(ErrorCode.CONFLICT, `Dialog "${dialog.name}" ${where}. Only imported dialogs have fields to bind.`);
      }
      const field = dialogFields(dialog.definition).find((f) => f.name === fieldName);
      if (!field)
        throw new AppError(ErrorCode.NOT_FOUND, `Dialog "${dialog.name}" has no field "${fieldName}"`, { fields: { field: 'is not a field of the dialog' } });
      const automateMethod = importedAutomateMethod(field, dialog.bindings);
      if (!automateMethod) {
        throw validationFailed(
          `Field "${fieldName}" of dialog "${dialog.name}" was not imported with a ManageIQ automate method, so there is nothing to bind: use Copy to edit to change it`,
          {
            field: 'was not imported with an automate method',
          },
        );
      }
      const binding = { automateMethod, dataSource, ...(dependsOn ? { dependsOn } : {}) } as DialogBinding;
      let definition: DialogDefinition;
      try {
        definition = parseDialog(applyBinding(dialog.definition, fieldName, binding));
      } catch (err) {
        if (!(err instanceof DialogDefinitionError)) throw err;
        throw new AppError(ErrorCode.VALIDATION_FAILED, `Field "${fieldName}" cannot be bound so — ${err.message}`, {
          problems: err.problems,
          fields: err.fields,
        });
      }
      await tx.update(DialogEntity, { id }, { definition, bindings: { ...dialog.bindings, [fieldName]: binding } } as QueryDeepPartialEntity<DialogEntity>);
    });
    return this.get(id);
  }

  private async definitionOf(name: string): Promise<DialogEntity> {
    const dialog = await this.dialogs.findOneBy({ name });
    if (!dialog) throw new Error(`dialog "${name}" is missing: the catalog refers to a dialog that was not loaded`);
    return dialog;
  }

  /** Names of the dialog's secret fields (passwords): their values are sealed, never stored or shown in clear. */
  async secretFields(name: string): Promise<string[]> {
    return secretFieldNames((await this.definitionOf(name)).definition);
  }

  /** Names of the fields of a dialog that may change when a service is reconfigured. */
  async reconfigurableFields(name: string): Promise<string[]> {
    return reconfigurableFieldNames((await this.definitionOf(name)).definition);
  }

  /** The dialog with every dynamic field's choices (and default) filled in from its data source, for these values. */
  async resolved(name: string, values: Record<string, unknown> = {}, scope?: TenantScope): Promise<DialogDefinition> {
    return this.resolve((await this.definitionOf(name)).definition, values, undefined, scope);
  }

  /**
   * Like resolved(), for a definition at hand; `only` limits the work to some fields (and what
   * they depend on); `scope`: providers and credentials are those the orderer may use.
   */
  async resolve(definition: DialogDefinition, values: Record<string, unknown>, only?: string, scope?: TenantScope): Promise<DialogDefinition> {
    const fields = dialogFields(definition);
    const byName = new Map(fields.map((f) => [f.name, f]));
    const needed = new Set<string>();
    const need = (name: string) => {
      if (needed.has(name)) return;
      needed.add(name);
      for (const dep of byName.get(name)?.dependsOn ?? []) need(dep);
    };
    if (only) need(only);
    const resolvedFields = new Map<string, DialogField>();
    const cache = new Map<string, Promise<{ choices: Choice[]; default?: string }>>();
    const current = (name: string): unknown => values[name] ?? resolvedFields.get(name)?.default ?? byName.get(name)?.default;
    // Sources that depend on no other field are all asked at once; the loop below takes their answers in order.
    for (const f of fields) {
      if (!f.dataSource || (only && !needed.has(f.name)) || (f.dataSource.type === 'playbooks' && f.dataSource.repoField !== undefined)) continue;
      const key = JSON.stringify(f.dataSource);
      if (cache.has(key)) continue;
      const choices = this.choicesOf(f.dataSource as ConcreteSource, scope);
      choices.catch(() => undefined); // a failure is thrown where the loop awaits it
      cache.set(key, choices);
    }
    for (const f of inDependencyOrder(fields)) {
      if (!f.dataSource || (only && !needed.has(f.name))) continue;
      const source: ConcreteSource =
        f.dataSource.type === 'playbooks' && f.dataSource.repoField !== undefined
          ? { type: 'playbooks', repo: typeof current(f.dataSource.repoField) === 'string' ? (current(f.dataSource.repoField) as string) : null }
          : (f.dataSource as ConcreteSource);
      const key = JSON.stringify(source);
      if (!cache.has(key)) cache.set(key, this.choicesOf(source, scope));
      const found = await cache.get(key)!;
      // A dependent field's stored default stays only while it is still one of the choices.
      const keep = f.default !== undefined && (!f.dependsOn || found.choices.some((c) => c.value === f.default));
      resolvedFields.set(f.name, { ...f, choices: found.choices, default: keep ? f.default : found.default });
    }
    return {
      ...definition,
      tabs: definition.tabs.map((tab) => ({
        ...tab,
        boxes: tab.boxes.map((box) => ({ ...box, fields: box.fields.map((f) => resolvedFields.get(f.name) ?? f) })),
      })),
    };
  }

  /** A dependent field's choices and default recomputed from the values of the other fields. */
  async refreshField(
    target: { dialog?: string | null; templateId?: string | null },
    fieldName: string,
    values: unknown,
    scope?: TenantScope,
    viewer?: TenantScope,
  ): Promise<FieldRefresh> {
    if (values === null || typeof values !== 'object' || Array.isArray(values)) {
      throw validationFailed('values must be an object of field names to values, e.g. {"repo": "playbooks"}');
    }
    let name = target.dialog ?? null;
    if (!name && target.templateId) {
      const query = new TemplateDialogQuery(target.templateId, viewer);
      await this.events.emitAsync(TemplateDialogQuery.NAME, query);
      name = query.dialog;
      if (!name) throw notFound('Service template', target.templateId);
    }
    if (!name) throw validationFailed('Give the dialog (its name) or a templateId');
    // By name, the dialog must be one the caller may see; through an item they may see, the item's dialog.
    const [dialog] = target.dialog ? await this.list(viewer, name) : [await this.dialogs.findOneBy({ name })];
    if (!dialog) throw notFound('Dialog', name);
    const field = dialogFields(dialog.definition).find((f) => f.name === fieldName);
    if (!field) throw validationFailed(`"${fieldName}" is not a field of the dialog "${dialog.label}"`, { field: 'is not a field of the dialog' });
    const resolved = await this.resolve(dialog.definition, values as Record<string, unknown>, fieldName, scope);
    const fresh = dialogFields(resolved).find((f) => f.name === fieldName)!;
    return { choices: fresh.choices ?? [], default: fresh.default ?? null };
  }

  /** Validates submitted values; throws VALIDATION_FAILED with a message per field. */
  async validate(name: string, submitted: Record<string, unknown>, scope?: TenantScope): Promise<Record<string, unknown>> {
    return (await this.validateOrder(name, submitted, scope)).values;
  }

  /** As validate, with the names of the dialog's secret fields (read from the same stored dialog). */
  async validateOrder(
    name: string,
    submitted: Record<string, unknown>,
    scope?: TenantScope,
  ): Promise<{ values: Record<string, unknown>; secretFields: string[] }> {
    const dialog = await this.definitionOf(name);
    const pending = dialogFields(dialog.definition).flatMap((f) => (f.dataSource?.type === 'pending' ? [{ f, method: f.dataSource.automateMethod }] : []));
    if (pending.length) {
      const fields = Object.fromEntries(
        pending.map(({ f, method }) => [
          f.name,
          `takes its values from the ManageIQ automate method ${method}: an administrator must bind it to a data source first`,
        ]),
      );
      throw validationFailed(
        `The dialog "${dialog.label}" cannot be ordered yet — ${pending.map(({ f }) => f.name).join(', ')} not bound to a data source`,
        fields,
      );
    }
    const resolved = await this.resolve(dialog.definition, submitted, undefined, scope);
    const { values, errors } = compileDialog(resolved).validate(submitted);
    const names = Object.keys(errors);
    if (names.length) {
      const summary = names.map((n) => `${n}: ${errors[n]}`).join('; ');
      throw validationFailed(`The order form has errors — ${summary}`, errors);
    }
    return { values, secretFields: secretFieldNames(dialog.definition) };
  }

  private async choicesOf(source: ConcreteSource, scope?: TenantScope): Promise<{ choices: Choice[]; default?: string }> {
    switch (source.type) {
      case 'static':
        return { choices: source.choices };
      case 'providers': {
        const list = (await this.providers.list(scope)).filter((p) => !source.providerType || p.type === source.providerType);
        const local = list.find((p) => p.name === LOCAL_PROVIDER_NAME);
        return { choices: list.map((p) => ({ value: p.id, label: `${p.name} (${p.type})` })), default: local?.id };
      }
      case 'gitRepos': {
        // The repositories the orderer may run: of their tenants, or shared with them.
        const list = await this.repos.list(scope);
        return { choices: list.map((r) => ({ value: r.name, label: r.name })), default: list.find((r) => r.builtin)?.name };
      }
      case 'playbooks': {
        // Those of a repository the orderer may run, at its recorded commit (one statement).
        const paths = source.repo ? ((await this.repos.snapshot(source.repo, scope))?.playbooks ?? []) : [];
        return { choices: paths.map((p) => ({ value: p, label: p })) };
      }
      case 'credentials': {
        const list = await this.credentials.list(source.credentialType, scope);
        return { choices: list.map((c) => ({ value: c.id, label: c.name })) };
      }
      case 'pending':
        return { choices: [] };
      default: {
        const unknown: never = source;
        throw new Error(`unknown data source ${JSON.stringify(unknown)}`);
      }
    }
  }
}
