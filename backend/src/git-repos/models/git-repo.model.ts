import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Playbook')
export class PlaybookModel {
  @Field({ description: 'Path of the playbook inside the repository.' }) path: string;
}

@ObjectType('GitRepo')
export class GitRepoModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() url: string;
  @Field() branch: string;
  @Field({ description: 'True for the repository the portal publishes from its own playbooks/ folder.' }) builtin: boolean;
  @Field(() => String, { nullable: true, description: 'Commit recorded by the last successful refresh.' }) commit: string | null;
  @Field(() => Date, { nullable: true }) lastRefreshedAt: Date | null;
  @Field({ description: 'never, running, successful or failed.' }) refreshStatus: string;
  @Field(() => String, { nullable: true }) refreshError: string | null;
}

@ObjectType('GitRefresh', { description: 'One refresh of a git repository.' })
export class GitRefreshModel {
  @Field(() => ID) id: string;
  @Field({ description: 'running, successful, unchanged (the remote branch had not moved) or failed.' }) status: string;
  @Field(() => String, { nullable: true }) commit: string | null;
  @Field(() => String, { nullable: true }) previousCommit: string | null;
  @Field(() => Int, { nullable: true }) durationMs: number | null;
  @Field(() => String, { nullable: true }) error: string | null;
  @Field(() => [String], { description: 'Playbooks that appeared.' }) added: string[];
  @Field(() => [String], { description: 'Playbooks whose content changed.' }) changed: string[];
  @Field(() => [String], { description: 'Playbooks that went away.' }) removed: string[];
  @Field() startedAt: Date;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
}
