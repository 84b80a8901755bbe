import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '../access/allow.decorator.js';
import { CurrentViewer, InTenants, type TenantScope, type Viewer } from '../auth/auth.decorators.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { ServiceTemplateModel } from '../catalog/models/service-template.model.js';
import { dayWindow, MAX_WINDOW_DAYS } from '../common/day-window.js';
import { DashboardService } from './dashboard.service.js';
import { DashboardItemModel, DashboardModel } from './models/dashboard.model.js';

@Resolver(() => DashboardModel)
export class DashboardResolver {
  constructor(private readonly service: DashboardService) {}

  @Allow('requests:read')
  @Query(() => DashboardModel, {
    description: `The home page’s figures over the last \`days\` days (1 to ${MAX_WINDOW_DAYS}, today included), each day counted in \`timeZone\` (an IANA name: the reader’s calendar). Only what the caller may see counts: the request lists’ visibility, and the providers of providers:read.`,
  })
  dashboard(
    @CurrentViewer() viewer: Viewer,
    @InTenants('providers:read') providers: TenantScope,
    @Args('days', { type: () => Int, defaultValue: 30 }) days: number,
    @Args('timeZone', { type: () => String, defaultValue: 'UTC' }) timeZone: string,
  ): Promise<DashboardModel> {
    return this.service.get(dayWindow(days, timeZone), viewer, providers);
  }
}

@Resolver(() => DashboardItemModel)
export class DashboardItemResolver {
  constructor(private readonly catalog: CatalogService) {}

  @ResolveField(() => ServiceTemplateModel, { nullable: true, description: 'The catalog item (null once deleted).' })
  template(@Parent() item: DashboardItemModel): Promise<ServiceTemplateModel | null> {
    return this.catalog.findById(item.templateId);
  }
}
