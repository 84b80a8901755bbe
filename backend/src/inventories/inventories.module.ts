import { TenantsModule } from '../tenants/tenants.module.js';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProvidersModule } from '../providers/providers.module.js';
import { InventoriesResolver } from './inventories.resolver.js';
import { InventoriesService } from './inventories.service.js';
import { InventoryEntity } from './inventory.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([InventoryEntity]), ProvidersModule, TenantsModule],
  providers: [InventoriesService, InventoriesResolver],
  exports: [InventoriesService],
})
export class InventoriesModule {}
