import { Module, type OnModuleInit } from '@nestjs/common';
import { ProvidersModule } from '../providers/providers.module.js';
import { ProvidersService } from '../providers/providers.service.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module.js';
import { ServiceEntity } from './service.entity.js';
import { ServicesResolver } from './services.resolver.js';
import { ServicesService } from './services.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ServiceEntity]), UsersModule, ProvidersModule],
  providers: [ServicesService, ServicesResolver],
  exports: [ServicesService],
})
export class ServicesModule implements OnModuleInit {
  constructor(
    private readonly providers: ProvidersService,
    private readonly services: ServicesService,
  ) {}

  /** A provider with active services cannot be deleted. */
  onModuleInit(): void {
    this.providers.registerUsage((id) => this.services.activeOnProvider(id));
  }
}
