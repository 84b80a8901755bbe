import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DialogsModule } from '../dialogs/dialogs.module.js';
import { CatalogResolver } from './catalog.resolver.js';
import { CatalogService } from './catalog.service.js';
import { ServiceTemplateEntity } from './service-template.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([ServiceTemplateEntity]), DialogsModule],
  providers: [CatalogService, CatalogResolver],
  exports: [CatalogService],
})
export class CatalogModule {}
