import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module.js';
import { ProvidersModule } from '../providers/providers.module.js';
import { RequestsModule } from '../requests/requests.module.js';
import { DashboardItemResolver, DashboardResolver } from './dashboard.resolver.js';
import { DashboardService } from './dashboard.service.js';

/** The home page's figures (the `dashboard` query), from the services of the modules that own them. */
@Module({
  imports: [RequestsModule, ProvidersModule, CatalogModule],
  providers: [DashboardService, DashboardResolver, DashboardItemResolver],
})
export class DashboardModule {}
