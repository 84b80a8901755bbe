import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GitReposModule } from '../git-repos/git-repos.module.js';
import { UsersModule } from '../users/users.module.js';
import { AnsibleRunner } from './ansible-runner.js';
import { JobEventEntity } from './job-event.entity.js';
import { JobStreamsService } from './job-streams.service.js';
import { JobEntity } from './job.entity.js';
import { JobsResolver } from './jobs.resolver.js';
import { JobsService } from './jobs.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([JobEntity, JobEventEntity]), GitReposModule, UsersModule],
  providers: [AnsibleRunner, JobsService, JobStreamsService, JobsResolver],
  exports: [JobsService],
})
export class JobsModule {}
