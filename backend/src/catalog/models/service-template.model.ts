import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-type-json';
import type { ApprovalSpec, LifetimeSpec, BundleItemSpec, ProvisionSpec, RetirementSpec, SiteSpec } from '../catalog.types.js';

@ObjectType('ServiceTemplate', { description: 'A catalog item: what can be ordered.' })
export class ServiceTemplateModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field({ description: 'The catalog (folder) it is shown in.' }) catalog: string;
  @Field(() => String, { nullable: true, description: 'Markdown.' }) longDescription: string | null;
  @Field(() => String, { nullable: true, description: 'A Material icon name, or an https:// image URL.' }) icon: string | null;
  @Field({ description: 'ansible_playbook or bundle.' }) type: string;
  @Field() published: boolean;
  @Field(() => String, {
    description: 'Who sees the requests and services of its orders besides operators: "requester", or "group" (the requester’s groups too).',
  })
  visibility: 'requester' | 'group';
  @Field(() => String, {
    nullable: true,
    description:
      'Where it came from: "editor", "catalog/<file>" (catalog files or an import) or "git:<repo>:catalog/<file>"; only editor items can be changed in the editor.',
  })
  source: string | null;
  /** Not exposed: the dialog is resolved by a field resolver. */
  dialogName: string;
  /** Not exposed as such: `definition` shows them as a catalog file holds them. */
  provision: ProvisionSpec | null;
  items: BundleItemSpec[] | null;
  stateMachine: string | null;
  sites: Record<string, SiteSpec> | null;
  inventory: string | null;
  onFailure: 'keep' | 'rollback';
  retirement: RetirementSpec | null;
  reconfigure: RetirementSpec | null;
  heal: RetirementSpec | null;
  /** Shown by the `approval` field resolver, and in `definition`. */
  approval: ApprovalSpec | null;
  /** In `definition`, and the `quota` field resolver. */
  quota: Record<string, string> | null;
  /** In `definition`, and the `lifetime` field resolver. */
  lifetime: LifetimeSpec | null;
}

@ObjectType('ApprovalPolicy', { description: 'Who approves an order of an item before it runs.' })
export class ApprovalPolicyModel {
  @Field({ description: 'manual: every order waits for approvers; rules: only an order that matches one of the rules.' }) mode: string;
  @Field(() => Int, { description: 'How many distinct approvers of the tenant must approve.' }) approvals: number;
  @Field(() => Float, { description: 'An order not decided within this many hours is denied.' }) timeoutHours: number;
  @Field(() => GraphQLJSON, { description: 'mode rules: [{field, equals}, {field, in}, {field, atLeast}, {group}]; an order matching any needs approval.' })
  rules: unknown[];
}

@InputType('ServiceTemplateInput')
export class ServiceTemplateInput {
  @Field(() => ID, { nullable: true, description: 'The item to change; none to create one.' }) id?: string | null;
  @Field(() => GraphQLJSON, {
    description: 'The item as a catalog file (templates/*.yaml) holds it, `kind` left out: name, type, dialog, catalog, published, provision... or items...',
  })
  definition: unknown;
}

@ObjectType('ServiceCatalog', { description: 'A catalog (folder) of published items.' })
export class ServiceCatalogModel {
  @Field() name: string;
  @Field(() => Int) count: number;
}

@ObjectType('CatalogFile', { description: 'One YAML file of the catalog, as `catalog/` holds it.' })
export class CatalogFileModel {
  @Field({ description: 'Relative path: dialogs/x.yaml, templates/x.yaml, state-machines/x.yaml.' }) path: string;
  @Field() content: string;
}

@InputType('CatalogFileInput')
export class CatalogFileInput {
  @Field() path: string;
  @Field() content: string;
}

@ObjectType('CatalogImportResult', { description: 'What an import created or updated (by name).' })
export class CatalogImportResultModel {
  @Field(() => Int) dialogs: number;
  @Field(() => Int) templates: number;
  @Field(() => Int) stateMachines: number;
}

@ObjectType('StateMachine', { description: "A state machine of the catalog: the entry point a bundle's requests follow." })
export class StateMachineModel {
  @Field() name: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => [String], { description: 'Its states, in order.' }) states: string[];
}
