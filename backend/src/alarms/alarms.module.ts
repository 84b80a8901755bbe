import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module.js';
import { AlarmEntity } from './alarm.entity.js';
import { AlarmsResolver } from './alarms.resolver.js';
import { AlarmsService } from './alarms.service.js';

/** Alarms: raised by failed requests, providers down and lost workers (typed events), acknowledged and cleared. */
@Module({
  imports: [TypeOrmModule.forFeature([AlarmEntity]), UsersModule],
  providers: [AlarmsService, AlarmsResolver],
  exports: [AlarmsService],
})
export class AlarmsModule {}
