import { Field, ID, InputType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-type-json';

@InputType()
export class CreateCredentialInput {
  @Field({ description: 'A name of your choice: letters, digits, . _ -' }) name: string;
  @Field({ description: 'One of credentialTypes, e.g. ssh_key.' }) type: string;
  @Field(() => GraphQLJSON, { nullable: true, description: 'Non-secret fields of the type, as { field: "text" }.' }) inputs?: unknown;
  @Field(() => GraphQLJSON, { nullable: true, description: 'Secret fields of the type, as { field: "text" }; encrypted, never returned.' }) secrets?: unknown;
  @Field(() => ID, { nullable: true, description: 'The tenant it belongs to (yours when left out); only providers of that tenant may use it.' })
  tenantId?: string;
}

@InputType({ description: 'The type of a credential cannot change.' })
export class UpdateCredentialInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => GraphQLJSON, { nullable: true, description: 'When given, replaces all non-secret fields.' }) inputs?: unknown;
  @Field(() => GraphQLJSON, {
    nullable: true,
    description: 'Secret fields to change. A field left out, or given as "", keeps its stored value; null removes an optional one.',
  })
  secrets?: unknown;
}
