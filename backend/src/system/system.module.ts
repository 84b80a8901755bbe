import { Global, Module } from '@nestjs/common';
import { ProcessRunner } from './process-runner.js';
import { Sandbox } from './sandbox.js';
import { ScheduleKeeper } from './schedule-keeper.js';

@Global()
@Module({ providers: [ProcessRunner, Sandbox, ScheduleKeeper], exports: [ProcessRunner, Sandbox, ScheduleKeeper] })
export class SystemModule {}
