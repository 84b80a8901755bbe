import { Module, type OnModuleInit } from '@nestjs/common';
import { ProvidersService } from '../providers/providers.service.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProvidersModule } from '../providers/providers.module.js';
import { InventoriesResolver } from './inventories.resolver.js';
import { InventoriesService } from './inventories.service.js';
import { InventoryEntity } from './inventory.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([InventoryEntity]), ProvidersModule],
  providers: [InventoriesService, InventoriesResolver],
  exports: [InventoriesService],
})
export class InventoriesModule implements OnModuleInit {
  constructor(
    private readonly providers: ProvidersService,
    private readonly inventories: InventoriesService,
  ) {}

  /** A provider an inventory's sites use cannot be deleted. */
  onModuleInit(): void {
    this.providers.registerUsage((id) => this.inventories.usingProvider(id));
  }
}
