import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export type InstanceState = 'online' | 'lost' | 'stopped';

export enum InstanceStateValue {
  online = 'online',
  lost = 'lost',
  stopped = 'stopped',
}

registerEnumType(InstanceStateValue, {
  name: 'InstanceState',
  description:
    'online: its heartbeat is fresh; lost: no heartbeat for longer than a run lease (15 s: the process died or cannot reach the database); stopped: it stopped cleanly.',
});

@ObjectType('Instance', { description: 'A process that runs the worker role (ROLE=worker or all), as it registered itself.' })
export class InstanceModel {
  @Field(() => ID) id: string;
  @Field({ description: 'The host it runs on.' }) hostname: string;
  @Field({ description: 'worker, or all (api and worker in one process).' }) role: string;
  @Field({ description: 'The portal version it runs.' }) version: string;
  @Field(() => Int, { description: 'How many jobs it runs at once at most (WORKER_CONCURRENCY).' }) concurrency: number;
  @Field(() => Int, { description: 'Playbook runs going on it now (0 unless online).' }) runningJobs: number;
  @Field() startedAt: Date;
  @Field({ description: 'Its last heartbeat (renewed every 5 s while it runs).' }) heartbeatAt: Date;
  @Field(() => InstanceStateValue) state: InstanceState;
}
