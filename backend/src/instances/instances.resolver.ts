import { Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../access/allow.decorator.js';
import { InTenants, type TenantScope } from '../auth/auth.decorators.js';
import { ROOT_TENANT_ID } from '../tenants/tenants.service.js';
import { InstanceModel } from './models/instance.model.js';
import { InstancesService } from './instances.service.js';

/**
 * The Instances page: the processes that run jobs. They serve the whole portal, so (like the
 * queues they work) they are read with queues:read in the root tenant only.
 */
@Resolver(() => InstanceModel)
export class InstancesResolver {
  constructor(private readonly registry: InstancesService) {}

  @Allow('queues:read')
  @Query(() => [InstanceModel], {
    description:
      'The worker instances (processes with ROLE=worker or all): online first, with their capacity and last heartbeat; stopped and lost ones are forgotten after a day. Root tenant only: elsewhere empty.',
  })
  async instances(@InTenants('queues:read') scope: TenantScope): Promise<InstanceModel[]> {
    if (!scope.tenants.includes(ROOT_TENANT_ID)) return [];
    return this.registry.list();
  }
}
