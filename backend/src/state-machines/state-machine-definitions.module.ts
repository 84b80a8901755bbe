import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StateMachineEntity } from './state-machine.entity.js';
import { StateMachinesService } from './state-machines.service.js';

/**
 * The stored definitions of the state machines, for the catalog (which loads them) and the
 * requests (which pin one at order time). The engine that runs them is `StateMachinesModule`.
 */
@Module({
  imports: [TypeOrmModule.forFeature([StateMachineEntity])],
  providers: [StateMachinesService],
  exports: [StateMachinesService],
})
export class StateMachineDefinitionsModule {}
