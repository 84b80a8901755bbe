import { InTenants, type TenantScope } from '../auth/auth.decorators.js';
import { Allow } from '../access/allow.decorator.js';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-type-json';
import type { DialogDefinition } from '@superfluid/dialogs';
import { DialogImportFormat, DialogsService } from './dialogs.service.js';
import { DialogFieldRefreshModel, DialogModel, toDialogModel } from './models/dialog.model.js';

@Resolver(() => DialogModel)
export class DialogsResolver {
  constructor(private readonly service: DialogsService) {}

  @Allow('catalog:read')
  @Query(() => [DialogModel], {
    description: "The dialogs the caller may see: their tenants' and those shared with them (from catalog files, imported or made in the editor).",
  })
  async dialogs(@InTenants('catalog:read') scope: TenantScope): Promise<DialogModel[]> {
    return (await this.service.list(scope)).map(toDialogModel);
  }

  @Allow('catalog:read')
  @Query(() => DialogModel, { nullable: true, description: 'NOT_FOUND also for a dialog the caller may not see.' })
  async dialog(@InTenants('catalog:read') scope: TenantScope, @Args('id', { type: () => ID }) id: string): Promise<DialogModel> {
    return toDialogModel(await this.service.get(id, scope));
  }

  @Allow('catalog:write')
  @Mutation(() => DialogModel, {
    description:
      'Shares a dialog of one of your tenants with these tenants (replacing its shares): their designers, and those of the tenants below them, may use it in their catalog items.',
  })
  async shareDialog(
    @InTenants('catalog:write') scope: TenantScope,
    @Args('id', { type: () => ID }) id: string,
    @Args('tenantIds', { type: () => [ID] }) tenantIds: string[],
  ): Promise<DialogModel> {
    return toDialogModel(await this.service.share(id, tenantIds, scope));
  }

  @ResolveField(() => [ID], { description: 'The tenants it is shared with (besides its own).' })
  sharedWith(@Parent() dialog: DialogModel): Promise<string[]> {
    return this.service.sharedWith(dialog.id);
  }

  @ResolveField(() => GraphQLJSON, { description: 'The form as an order page shows it: dynamic choices and defaults filled in.' })
  form(@Parent() dialog: DialogModel, @InTenants('order') scope: TenantScope): Promise<DialogDefinition> {
    return this.service.resolved(dialog.name, {}, scope);
  }

  @Allow('catalog:read')
  @Query(() => DialogFieldRefreshModel, {
    description: 'Recomputes a dynamic field (one with dependsOn) from the current values of the form. Give the dialog name or a templateId.',
  })
  refreshDialogField(
    @InTenants('order') scope: TenantScope,
    @InTenants('catalog:read') viewer: TenantScope,
    @Args('field') field: string,
    @Args('values', { type: () => GraphQLJSON }) values: unknown,
    @Args('dialog', { type: () => String, nullable: true }) dialog?: string | null,
    @Args('templateId', { type: () => ID, nullable: true }) templateId?: string | null,
  ): Promise<DialogFieldRefreshModel> {
    return this.service.refreshField({ dialog, templateId }, field, values, scope, viewer);
  }

  @Allow('catalog:write')
  @Mutation(() => DialogModel, {
    description:
      'Saves a dialog made in the dialog editor (origin "editor"), checked like a catalog file: VALIDATION_FAILED names every problem ' +
      'by path (also in extensions.problems, and by field name in extensions.fields). A new dialog belongs to your tenant. It replaces an ' +
      "editor or imported dialog of the same name of one of your tenants; a dialog from catalog files, or another tenant's, is never " +
      'replaced (CONFLICT: copy it under another name). Dialog names are unique across the portal.',
  })
  async saveDialog(@InTenants('catalog:write') scope: TenantScope, @Args('definition', { type: () => GraphQLJSON }) definition: unknown): Promise<DialogModel> {
    return toDialogModel(await this.service.save(definition, scope));
  }

  @Allow('catalog:write')
  @Mutation(() => DialogModel, {
    description:
      'Binds a field of an imported ManageIQ dialog, one that came with an automate method (pending), to a data source in place: ' +
      'the dialog keeps its id, name and origin, so the catalog items using it can be ordered. A field bound so may be bound again; ' +
      'dataSource null makes it a plain field. The dialog is checked again as a whole, like saveDialog (VALIDATION_FAILED names the ' +
      'problem, also in extensions.problems). NOT_FOUND for an unknown dialog or field; CONFLICT for a dialog from catalog files or ' +
      'the editor; VALIDATION_FAILED for a field that had no automate method. A re-import of the same export keeps a binding while ' +
      'the field still has the same automate method.',
  })
  async bindDialogField(
    @InTenants('catalog:write') scope: TenantScope,
    @Args('dialogId', { type: () => ID }) dialogId: string,
    @Args('field') field: string,
    @Args('dataSource', {
      type: () => GraphQLJSON,
      nullable: true,
      description:
        'As in a dialog definition, e.g. {"type": "providers", "providerType": "openstack"} or {"type": "static", "choices": [...]}; ' +
        'null (given, not left out) makes the field a plain one.',
    })
    dataSource: unknown,
    @Args('dependsOn', {
      type: () => [String],
      nullable: true,
      description: "Replaces the field's dependsOn (a playbooks repoField must be listed); absent keeps the imported one, [] removes it.",
    })
    dependsOn?: string[] | null,
  ): Promise<DialogModel> {
    return toDialogModel(await this.service.bindField(dialogId, field, dataSource, dependsOn, scope));
  }

  @Allow('catalog:write')
  @Mutation(() => Boolean, {
    description: 'Deletes a dialog made in the editor or imported. CONFLICT for a dialog from catalog files or one a catalog item uses.',
  })
  async deleteDialog(@InTenants('catalog:write') scope: TenantScope, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    await this.service.delete(id, scope);
    return true;
  }

  @Allow('catalog:write')
  @Mutation(() => [DialogModel], {
    description:
      'Imports dialogs from a ManageIQ export or an AWX survey, all or none. Re-importing a name replaces the earlier import; ' +
      'a dialog from catalog files is never replaced (CONFLICT). VALIDATION_FAILED lists every problem by dialog and field. ' +
      "A default that breaks its own field's rules (too short, not among the choices, outside min/max) is dropped: each dialog's importWarnings say which.",
  })
  async importDialog(
    @InTenants('catalog:write') scope: TenantScope,
    @Args('format', { type: () => DialogImportFormat }) format: DialogImportFormat,
    @Args('content') content: string,
    @Args('name', { type: () => String, nullable: true, description: 'The dialog name for an AWX survey (default: from the survey name).' })
    name?: string | null,
  ): Promise<DialogModel[]> {
    return (await this.service.import(format, content, name, scope)).map(({ dialog, warnings }) => ({
      ...toDialogModel(dialog),
      importWarnings: warnings,
    }));
  }
}
