import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-type-json';
import { DialogsService } from '../dialogs/dialogs.service.js';
import type { DialogDefinition } from '../dialogs/dialog.types.js';
import { CatalogService } from './catalog.service.js';
import { ServiceTemplateModel } from './models/service-template.model.js';

@Resolver(() => ServiceTemplateModel)
export class CatalogResolver {
  constructor(
    private readonly catalog: CatalogService,
    private readonly dialogs: DialogsService,
  ) {}

  @Query(() => [ServiceTemplateModel], { description: 'Published catalog items.' })
  serviceTemplates(): Promise<ServiceTemplateModel[]> {
    return this.catalog.list();
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
