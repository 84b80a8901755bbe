import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-type-json';
import { DialogsService } from '../dialogs/dialogs.service.js';
import type { DialogDefinition } from '../dialogs/dialog.types.js';
import { CatalogService } from './catalog.service.js';
import { CatalogFileInput, CatalogFileModel, CatalogImportResultModel, ServiceCatalogModel, ServiceTemplateModel } from './models/service-template.model.js';

@Resolver(() => ServiceTemplateModel)
export class CatalogResolver {
  constructor(
    private readonly catalog: CatalogService,
    private readonly dialogs: DialogsService,
  ) {}

  @Query(() => [ServiceTemplateModel], { description: 'Published catalog items, by name: a page of `take` (at most 500) after `skip`.' })
  serviceTemplates(
    @Args('search', { type: () => String, nullable: true, description: 'Matches the name or the description.' }) search: string | null,
    @Args('catalog', { type: () => String, nullable: true }) catalog: string | null,
    @Args('skip', { type: () => Int, defaultValue: 0 }) skip: number,
    @Args('take', { type: () => Int, defaultValue: 100 }) take: number,
  ): Promise<ServiceTemplateModel[]> {
    return this.catalog.list({ search, catalog, skip, take });
  }

  @Query(() => Int, { description: 'How many published items match, for paging.' })
  serviceTemplateCount(
    @Args('search', { type: () => String, nullable: true }) search: string | null,
    @Args('catalog', { type: () => String, nullable: true }) catalog: string | null,
  ): Promise<number> {
    return this.catalog.count({ search, catalog });
  }

  @Query(() => [CatalogFileModel], { description: 'The whole catalog as YAML files (dialogs, state machines, items): catalog as code, to keep in git.' })
  async exportCatalog(): Promise<CatalogFileModel[]> {
    return (await this.catalog.exportFiles()).map((f) => ({ path: f.path, content: f.text }));
  }

  @Mutation(() => CatalogImportResultModel, {
    description: 'Import catalog YAML files: all are checked first (errors name the file, the line and the reason; nothing is stored), then created or updated by name.',
  })
  importCatalog(@Args('files', { type: () => [CatalogFileInput] }) files: CatalogFileInput[]): Promise<CatalogImportResultModel> {
    return this.catalog.importFiles(files.map((f) => ({ path: f.path, text: f.content })));
  }

  @Query(() => [ServiceCatalogModel], { description: 'The catalogs (folders) with the number of published items in each.' })
  serviceCatalogs(): Promise<ServiceCatalogModel[]> {
    return this.catalog.catalogs();
  }

  @Query(() => ServiceTemplateModel, { nullable: true })
  serviceTemplate(@Args('id', { type: () => ID }) id: string): Promise<ServiceTemplateModel> {
    return this.catalog.get(id);
  }

  @ResolveField(() => GraphQLJSON, { description: 'The order form: tabs, boxes and fields, with dynamic choices filled in.' })
  dialog(@Parent() template: ServiceTemplateModel): Promise<DialogDefinition> {
    return this.dialogs.resolved(template.dialogName);
  }
}
