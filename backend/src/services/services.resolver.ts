import { Allow } from '../access/allow.decorator.js';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Clock } from '../common/clock.js';
import { CurrentViewer, type Viewer } from '../auth/auth.decorators.js';
import { UserModel, UserRefModel } from '../users/models/user.model.js';
import { UsersService } from '../users/users.service.js';
import { MAX_TAKE } from '../common/list-query.js';
import { ServiceFilter, ServiceSort } from './dto/service-list.input.js';
import { ServiceModel } from './models/service.model.js';
import { ServicesService } from './services.service.js';

@Resolver(() => ServiceModel)
export class ServicesResolver {
  constructor(
    private readonly servicesService: ServicesService,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  @Allow('requests:read')
  @Query(() => [ServiceModel], {
    description: `Services the caller may see that match \`filter\`, newest first unless \`sort\` says otherwise: a page of \`take\` (at most ${MAX_TAKE}) after \`skip\`.`,
  })
  services(
    @CurrentViewer() viewer: Viewer,
    @Args('skip', { type: () => Int, defaultValue: 0 }) skip: number,
    @Args('take', { type: () => Int, defaultValue: 50 }) take: number,
    @Args('filter', { type: () => ServiceFilter, nullable: true }) filter: ServiceFilter | null,
    @Args('sort', { type: () => ServiceSort, nullable: true }) sort: ServiceSort | null,
  ): Promise<ServiceModel[]> {
    return this.servicesService.list(skip, take, viewer, filter, sort);
  }

  @Allow('requests:read')
  @Query(() => Int, { description: 'How many services the caller may see match `filter`, for paging.' })
  serviceCount(@CurrentViewer() viewer: Viewer, @Args('filter', { type: () => ServiceFilter, nullable: true }) filter: ServiceFilter | null): Promise<number> {
    return this.servicesService.count(viewer, filter);
  }

  @Allow('requests:read')
  @Query(() => ServiceModel, { nullable: true })
  service(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string): Promise<ServiceModel> {
    return this.servicesService.get(id, viewer);
  }

  @Allow('order')
  @Mutation(() => ServiceModel, {
    description:
      'Move an active service’s retirement date: in the future, and not after its item’s longest lifetime (maxRetiresAt). Its owner is warned again before the new date.',
  })
  extendServiceRetirement(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('retiresAt', { type: () => Date }) retiresAt: Date,
  ): Promise<ServiceModel> {
    return this.servicesService.extendRetirement(id, retiresAt, this.clock.now(), viewer);
  }

  @ResolveField(() => UserRefModel, {
    nullable: true,
    description: 'Who owns it: their id and user name (the rest of a user is for those who administer users).',
  })
  owner(@Parent() service: ServiceModel): Promise<UserRefModel | null> {
    return this.users.findById(service.ownerId);
  }
}
