import { Allow } from '../access/allow.decorator.js';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CredentialsService } from './credentials.service.js';
import { CreateCredentialInput, UpdateCredentialInput } from './dto/credential.input.js';
import { CredentialModel, CredentialTypeModel } from './models/credential.model.js';

@Resolver(() => CredentialModel)
export class CredentialsResolver {
  constructor(private readonly service: CredentialsService) {}

  @Allow('providers:read')
  @Query(() => [CredentialTypeModel], { description: 'The kinds of credential, with their fields.' })
  credentialTypes(): CredentialTypeModel[] {
    return this.service.types();
  }

  @Allow('providers:read')
  @Query(() => [CredentialModel])
  credentials(@Args('type', { type: () => String, nullable: true }) type?: string | null): Promise<CredentialModel[]> {
    return this.service.list(type);
  }

  @Allow('providers:read')
  @Query(() => CredentialModel, { nullable: true })
  credential(@Args('id', { type: () => ID }) id: string): Promise<CredentialModel> {
    return this.service.get(id);
  }

  @Allow('providers:write')
  @Mutation(() => CredentialModel, { description: 'Store a credential; its secrets are encrypted and never returned.' })
  createCredential(@Args('input') input: CreateCredentialInput): Promise<CredentialModel> {
    return this.service.create(input);
  }

  @Allow('providers:write')
  @Mutation(() => CredentialModel, { description: 'Change a credential; a secret left out (or "") keeps its stored value.' })
  updateCredential(@Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateCredentialInput): Promise<CredentialModel> {
    return this.service.update(id, input);
  }

  @Allow('providers:write')
  @Mutation(() => Boolean, { description: 'Delete a credential; CONFLICT, listing the users, while something uses it.' })
  deleteCredential(@Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.service.delete(id);
  }
}
