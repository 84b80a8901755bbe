import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-type-json';

@ObjectType('InventorySite')
export class InventorySiteModel {
  @Field({ description: 'The inventory group a playbook targets (hosts: <name>).' }) name: string;
  @Field(() => ID) providerId: string;
  @Field(() => [String], { nullable: true, description: 'Some of the provider’s hosts only; all when empty.' }) hosts?: string[];
  @Field(() => GraphQLJSON, { nullable: true }) variables?: Record<string, string | number | boolean>;
}

@ObjectType('Inventory', { description: 'A multi-site inventory: sites bound to providers, hosts and variables.' })
export class InventoryModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => [InventorySiteModel]) sites: InventorySiteModel[];
  @Field(() => ID, { description: 'The tenant it belongs to.' }) tenantId: string;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@InputType('InventorySiteInput')
export class InventorySiteInput {
  @Field() name: string;
  @Field(() => ID) providerId: string;
  @Field(() => [String], { nullable: true }) hosts?: string[];
  @Field(() => GraphQLJSON, { nullable: true }) variables?: Record<string, string | number | boolean>;
}

@InputType('InventoryInput')
export class InventoryInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [InventorySiteInput], { nullable: true }) sites?: InventorySiteInput[] | null;
  @Field(() => ID, { nullable: true, description: 'The tenant it belongs to (yours when left out; create only).' }) tenantId?: string | null;
}
