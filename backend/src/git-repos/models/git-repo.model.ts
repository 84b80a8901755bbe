import { Field, ID, ObjectType } from '@nestjs/graphql';

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
