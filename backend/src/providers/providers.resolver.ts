import { Query, Resolver } from '@nestjs/graphql';
import { ProviderModel } from './models/provider.model.js';
import { ProvidersService } from './providers.service.js';

@Resolver(() => ProviderModel)
export class ProvidersResolver {
  constructor(private readonly service: ProvidersService) {}

  @Query(() => [ProviderModel])
  providers(): Promise<ProviderModel[]> {
    return this.service.list();
  }
}
