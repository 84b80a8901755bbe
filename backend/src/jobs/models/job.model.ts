import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-type-json';
import { type HostCounters, JOB_STATUSES, type JobStatus } from '../job.entity.js';

export const JobStatusEnum = Object.fromEntries(JOB_STATUSES.map((s) => [s, s])) as { [K in JobStatus]: K };
registerEnumType(JobStatusEnum, { name: 'JobStatus', description: "AWX's job statuses." });

@ObjectType('Job', { description: 'One ansible-playbook execution.' })
export class JobModel {
  @Field(() => ID) id: string;
  @Field(() => ID, { nullable: true }) requestId: string | null;
  @Field(() => JobStatusEnum) status: JobStatus;
  @Field() playbook: string;
  @Field({ description: 'The repository commit the run used.' }) commit: string;
  @Field(() => [String], { description: 'The command line, as an argument array.' }) command: string[];
  @Field(() => Int, { nullable: true }) returnCode: number | null;
  /** `stdout` is a field of its own (JobsResolver): stored in chunks, read only when asked for. */
  @Field(() => GraphQLJSON, { nullable: true, description: 'set_stats data of the run.' }) artifacts: Record<string, unknown> | null;
  @Field(() => Int, { description: 'Events stored.' }) eventCount: number;
  @Field(() => Int, { nullable: true, description: 'Events Ansible emitted (numbered by the callback plugin); null while it runs.' }) eventsEmitted:
    number | null;
  hostSummaries: Record<string, HostCounters> | null;
  @Field(() => String, { nullable: true, description: "Why the run failed, from Ansible's own messages." }) error: string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'When a cancel was asked for; the job ends `canceled` soon after.' }) cancelRequestedAt: Date | null;
  @Field(() => Date, { nullable: true }) startedAt: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When its events and log were removed (older than JOB_RETENTION_DAYS).' }) outputPurgedAt: Date | null;
}

@ObjectType('HostSummary', { description: "Ansible's recap for one host of a run." })
export class HostSummaryModel {
  @Field() host: string;
  @Field(() => Int) ok: number;
  @Field(() => Int) changed: number;
  @Field(() => Int) failures: number;
  @Field(() => Int) unreachable: number;
  @Field(() => Int) skipped: number;
  @Field(() => Int) rescued: number;
  @Field(() => Int) ignored: number;
}

@ObjectType('JobEvent', { description: 'One structured Ansible event, named as ansible-runner and AWX name them.' })
export class JobEventModel {
  @Field(() => Int) seq: number;
  @Field() event: string;
  @Field(() => String, { nullable: true }) host: string | null;
  @Field(() => String, { nullable: true }) task: string | null;
  @Field(() => String, { nullable: true }) play: string | null;
  @Field() changed: boolean;
  @Field() failed: boolean;
  @Field(() => String, { nullable: true }) stdout: string | null;
  @Field(() => GraphQLJSON) data: Record<string, unknown>;
  @Field() createdAt: Date;
}

@ObjectType('LogChunk', { description: "A piece of a job's stdout starting at a character offset." })
export class LogChunkModel {
  @Field(() => Int) offset: number;
  @Field() text: string;
}
