import { Field, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-type-json';

@ObjectType('CredentialField', { description: 'One field of a credential type.' })
export class CredentialFieldModel {
  @Field({ description: 'Key in `inputs` (not secret) or `secrets` (secret).' }) name: string;
  @Field() label: string;
  @Field({ description: 'Write-only: encrypted at rest, never returned.' }) secret: boolean;
  @Field({ description: 'Always required; others may be required in combination, as `help` says.' }) required: boolean;
  @Field({ description: 'Multi-line text (a key, a YAML file).' }) multiline: boolean;
  @Field(() => String, { nullable: true }) help?: string | null;
}

@ObjectType('CredentialType')
export class CredentialTypeModel {
  @Field() name: string;
  @Field() label: string;
  @Field() description: string;
  @Field(() => [CredentialFieldModel]) fields: CredentialFieldModel[];
}

@ObjectType('Credential', { description: 'A stored secret. Secret fields are write-only: only their names come back.' })
export class CredentialModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field({ description: 'One of credentialTypes.' }) type: string;
  @Field(() => GraphQLJSON, { description: 'The non-secret fields.' }) inputs: Record<string, string>;
  @Field(() => [String], { description: 'Names of the secret fields that hold a value.' }) secretFields: string[];
  @Field(() => ID, { description: 'The tenant it belongs to: only providers of that tenant may use it.' }) tenantId: string;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}
