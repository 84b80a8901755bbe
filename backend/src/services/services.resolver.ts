import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { UserModel } from '../users/models/user.model.js';
import { UsersService } from '../users/users.service.js';
import { ServiceModel } from './models/service.model.js';
import { ServicesService } from './services.service.js';

@Resolver(() => ServiceModel)
export class ServicesResolver {
  constructor(
    private readonly servicesService: ServicesService,
    private readonly users: UsersService,
  ) {}

  @Query(() => [ServiceModel], { description: 'Services, newest first.' })
  services(
    @Args('skip', { type: () => Int, defaultValue: 0 }) skip: number,
    @Args('take', { type: () => Int, defaultValue: 50 }) take: number,
  ): Promise<ServiceModel[]> {
    return this.servicesService.list(skip, take);
  }

  @Query(() => ServiceModel, { nullable: true })
  service(@Args('id', { type: () => ID }) id: string): Promise<ServiceModel> {
    return this.servicesService.get(id);
  }

  @ResolveField(() => UserModel, { nullable: true })
  owner(@Parent() service: ServiceModel): Promise<UserModel | null> {
    return this.users.findById(service.ownerId);
  }
}
