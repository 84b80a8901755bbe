import { type CatalogViewer, CurrentCatalogViewer, InTenants, type TenantScope } from '../auth/auth.decorators.js';
import { Allow } from '../access/allow.decorator.js';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-type-json';
import { DialogsService } from '../dialogs/dialogs.service.js';
import type { DialogDefinition } from '../dialogs/dialog.types.js';
import { CatalogService, templateDocument } from './catalog.service.js';
import {
  ApprovalPolicyModel,
  CatalogFileInput,
  CatalogFileModel,
  CatalogImportResultModel,
  ServiceCatalogModel,
  ServiceTemplateInput,
  ServiceTemplateModel,
  StateMachineModel,
} from './models/service-template.model.js';
import { TemplateEditorService } from './template-editor.service.js';

@Resolver(() => ServiceTemplateModel)
export class CatalogResolver {
  constructor(
    private readonly catalog: CatalogService,
    private readonly dialogs: DialogsService,
    private readonly editor: TemplateEditorService,
  ) {}

  @Allow('catalog:read')
  @Query(() => [ServiceTemplateModel], {
    description: 'Published catalog items (all with `unpublished`), by name: a page of `take` (at most 500) after `skip`.',
  })
  serviceTemplates(
    @CurrentCatalogViewer() viewer: CatalogViewer,
    @Args('search', { type: () => String, nullable: true, description: 'Matches the name or the description.' }) search: string | null,
    @Args('catalog', { type: () => String, nullable: true }) catalog: string | null,
    @Args('skip', { type: () => Int, defaultValue: 0 }) skip: number,
    @Args('take', { type: () => Int, defaultValue: 100 }) take: number,
    @Args('unpublished', { type: () => Boolean, defaultValue: false, description: 'Unpublished items too, for the editor.' }) unpublished: boolean,
  ): Promise<ServiceTemplateModel[]> {
    return this.catalog.list({ search, catalog, skip, take, unpublished, viewer });
  }

  @Allow('catalog:read')
  @Query(() => Int, { description: 'How many items match, for paging.' })
  serviceTemplateCount(
    @CurrentCatalogViewer() viewer: CatalogViewer,
    @Args('search', { type: () => String, nullable: true }) search: string | null,
    @Args('catalog', { type: () => String, nullable: true }) catalog: string | null,
    @Args('unpublished', { type: () => Boolean, defaultValue: false }) unpublished: boolean,
  ): Promise<number> {
    return this.catalog.count({ search, catalog, unpublished, viewer });
  }

  @Allow('catalog:write')
  @Mutation(() => ServiceTemplateModel, {
    description:
      'Creates a catalog item (no id) or changes one made in the editor (source "editor"), checked by the rules of a catalog file: ' +
      'VALIDATION_FAILED names every problem by its path in the definition (also in extensions.problems, and by path in extensions.fields). ' +
      'CONFLICT for an item from catalog files or a git repository (change it there, or copy it to a new item) and for a name another item has.',
  })
  saveServiceTemplate(@InTenants('catalog:write') scope: TenantScope, @Args('input') input: ServiceTemplateInput): Promise<ServiceTemplateModel> {
    return this.editor.save(input.id, input.definition, scope);
  }

  @Allow('catalog:write')
  @Mutation(() => Boolean, {
    description:
      'Deletes a catalog item made in the editor. CONFLICT for one from catalog files or a git repository, and for one that has been ordered (unpublish it instead).',
  })
  async deleteServiceTemplate(@InTenants('catalog:write') scope: TenantScope, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    await this.editor.delete(id, scope);
    return true;
  }

  @Allow('catalog:export')
  @Query(() => [CatalogFileModel], { description: 'The whole catalog as YAML files (dialogs, state machines, items): catalog as code, to keep in git.' })
  async exportCatalog(@CurrentCatalogViewer() viewer: CatalogViewer): Promise<CatalogFileModel[]> {
    return (await this.catalog.exportFiles(viewer)).map((f) => ({ path: f.path, content: f.text }));
  }

  @Allow('catalog:write')
  @Mutation(() => CatalogImportResultModel, {
    description:
      'Import catalog YAML files: all are checked first (errors name the file, the line and the reason; nothing is stored), then created or updated by name.',
  })
  importCatalog(
    @InTenants('catalog:write') scope: TenantScope,
    @Args('files', { type: () => [CatalogFileInput] }) files: CatalogFileInput[],
  ): Promise<CatalogImportResultModel> {
    return this.catalog.importFiles(
      files.map((f) => ({ path: f.path, text: f.content })),
      scope,
    );
  }

  @Allow('catalog:export')
  @Query(() => [StateMachineModel], { description: 'The state machines of the catalog, by name.' })
  async stateMachines(): Promise<StateMachineModel[]> {
    return (await this.catalog.stateMachines()).map((m) => ({ name: m.name, description: m.description ?? null, states: m.states.map((s) => s.name) }));
  }

  @Allow('catalog:read')
  @Query(() => [ServiceCatalogModel], { description: 'The catalogs (folders) with the number of published items in each.' })
  serviceCatalogs(@CurrentCatalogViewer() viewer: CatalogViewer): Promise<ServiceCatalogModel[]> {
    return this.catalog.catalogs(viewer);
  }

  @Allow('catalog:read')
  @Query(() => ServiceTemplateModel, { nullable: true })
  serviceTemplate(
    @CurrentCatalogViewer() viewer: CatalogViewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('unpublished', { type: () => Boolean, defaultValue: false, description: 'Find it even when unpublished, for the editor.' }) unpublished: boolean,
  ): Promise<ServiceTemplateModel> {
    return this.catalog.get(id, unpublished, viewer);
  }

  @Allow('catalog:write')
  @Mutation(() => ServiceTemplateModel, {
    description: 'Share a catalog item with these tenants (replacing its shares): their users, and those of every tenant below them, see and may order it.',
  })
  shareServiceTemplate(
    @InTenants('catalog:write') scope: TenantScope,
    @Args('id', { type: () => ID }) id: string,
    @Args('tenantIds', { type: () => [ID] }) tenantIds: string[],
  ): Promise<ServiceTemplateModel> {
    return this.catalog.share(id, tenantIds, scope);
  }

  @ResolveField(() => [ID], { description: 'The tenants it is shared with (besides its own).' })
  sharedWith(@Parent() template: ServiceTemplateModel): Promise<string[]> {
    return this.catalog.sharedWith(template.id);
  }

  @ResolveField(() => ID, { description: 'The tenant it belongs to.' })
  tenantId(@Parent() template: ServiceTemplateModel & { tenantId?: string }): string {
    return template.tenantId ?? '';
  }

  @ResolveField(() => GraphQLJSON, { description: 'The item as a catalog file holds it (without `kind`): what saveServiceTemplate takes back.' })
  definition(@Parent() template: ServiceTemplateModel): Record<string, unknown> {
    return templateDocument(template);
  }

  @ResolveField(() => [String], {
    description:
      'The ansible-playbook options an order of this item may set (orderService jobOptions): limit, tags, skipTags, check, diff, verbosity, forks; none for a bundle.',
  })
  orderOptions(@Parent() template: ServiceTemplateModel): string[] {
    return template.items ? [] : (template.provision?.overridable ?? []);
  }

  @ResolveField(() => GraphQLJSON, {
    nullable: true,
    description: 'Quota dimensions an order of this item uses: name → expression over its dialog fields (e.g. {"vcpus": "cpu * count"}).',
  })
  quota(@Parent() template: ServiceTemplateModel): Record<string, string> | null {
    return template.quota;
  }

  @ResolveField(() => GraphQLJSON, {
    nullable: true,
    description:
      'How long its services live: {defaultDays, maxDays, warnDays}; an order may choose its retirement date within maxDays. Null: until retired by hand.',
  })
  lifetime(@Parent() template: ServiceTemplateModel): ServiceTemplateModel['lifetime'] {
    return template.lifetime;
  }

  @ResolveField(() => ApprovalPolicyModel, { nullable: true, description: 'Who approves an order before it runs; null: nobody (approved automatically).' })
  approval(@Parent() template: ServiceTemplateModel): ApprovalPolicyModel | null {
    const a = template.approval;
    return a ? { mode: a.mode, approvals: a.approvals, timeoutHours: a.timeoutHours, rules: a.rules ?? [] } : null;
  }

  @ResolveField(() => GraphQLJSON, { description: 'The order form: tabs, boxes and fields, with dynamic choices filled in.' })
  dialog(@Parent() template: ServiceTemplateModel, @InTenants('order') scope: TenantScope): Promise<DialogDefinition> {
    return this.dialogs.resolved(template.dialogName, {}, scope);
  }
}
