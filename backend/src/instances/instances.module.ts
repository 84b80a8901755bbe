import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InstanceEntity } from './instance.entity.js';
import { InstanceRegistry } from './instance-registry.js';
import { InstancesResolver } from './instances.resolver.js';
import { InstancesService } from './instances.service.js';

/**
 * The worker registry (AWX's "instances"): InstanceRegistry keeps this process's row and fetch
 * credential; InstancesService lists the instances and checks a credential (the git remote
 * does); InstancesResolver is the Instances page's query. A module of its own, not part of
 * jobs/: git-repos needs the credential and jobs needs git-repos, so jobs/ would make a cycle;
 * and jobs only tells it how many runs are going (countRunningWith).
 */
@Module({
  imports: [TypeOrmModule.forFeature([InstanceEntity])],
  providers: [InstanceRegistry, InstancesService, InstancesResolver],
  exports: [InstanceRegistry, InstancesService],
})
export class InstancesModule {}
