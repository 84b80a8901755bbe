import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module.js';
import { AuditCsvController } from './audit-csv.controller.js';
import { AuditEventEntity } from './audit-event.entity.js';
import { AuditResolver } from './audit.resolver.js';
import { AuditService } from './audit.service.js';

/**
 * The audit trail: every mutation (recorded by auditPlugin, wired in app.module.ts), sign-ins,
 * git pushes and webhook calls (recorded through AuditService by the git-repos controllers).
 */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEventEntity]), AuthModule],
  controllers: [AuditCsvController],
  providers: [AuditService, AuditResolver],
  exports: [AuditService],
})
export class AuditModule {}
