import { InTenants, type TenantScope } from '../auth/auth.decorators.js';
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
  credentials(
    @InTenants('providers:read') scope: TenantScope,
    @Args('type', { type: () => String, nullable: true }) type?: string | null,
  ): Promise<CredentialModel[]> {
    return this.service.list(type, scope);
  }

  @Allow('providers:read')
  @Query(() => CredentialModel, { nullable: true })
  credential(@InTenants('providers:read') scope: TenantScope, @Args('id', { type: () => ID }) id: string): Promise<CredentialModel> {
    return this.service.get(id, scope);
  }

  @Allow('providers:write')
  @Mutation(() => CredentialModel, { description: 'Store a credential; its secrets are encrypted and never returned.' })
  createCredential(@InTenants('providers:write') scope: TenantScope, @Args('input') input: CreateCredentialInput): Promise<CredentialModel> {
    return this.service.create(input, scope);
  }

  @Allow('providers:write')
  @Mutation(() => CredentialModel, { description: 'Change a credential; a secret left out (or "") keeps its stored value.' })
  updateCredential(
    @InTenants('providers:write') scope: TenantScope,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateCredentialInput,
  ): Promise<CredentialModel> {
    return this.service.update(id, input, scope);
  }

  @Allow('providers:write')
  @Mutation(() => Boolean, { description: 'Delete a credential; CONFLICT, listing the users, while something uses it.' })
  deleteCredential(@InTenants('providers:write') scope: TenantScope, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.service.delete(id, scope);
  }
}
