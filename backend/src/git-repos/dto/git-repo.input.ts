import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType()
export class CreateGitRepoInput {
  @Field({ description: 'A name of your choice: letters, digits, . _ -' }) name: string;
  @Field(() => String, {
    nullable: true,
    description: 'https://host/path, ssh://host/path, user@host:path or file:///path; leave empty for a hosted repository.',
  })
  url?: string | null;
  @Field(() => String, { nullable: true, defaultValue: 'main' }) branch?: string | null;
  @Field(() => ID, { nullable: true, description: 'A git_token (https) or git_ssh_key (ssh) credential to fetch with.' }) credentialId?: string | null;
  @Field({ defaultValue: false, description: 'Host the repository in the portal: push to it over HTTP instead of fetching from elsewhere.' })
  hosted: boolean;
  @Field(() => Int, { nullable: true, description: 'Refresh before a run when the last refresh is older than this many seconds (0: before every run).' })
  refreshMaxAgeSeconds?: number | null;
  @Field(() => Int, { nullable: true, description: 'Refresh on a schedule, every this many seconds (at least 60).' })
  refreshIntervalSeconds?: number | null;
  @Field(() => ID, { nullable: true, description: 'The tenant it belongs to (yours when left out).' }) tenantId?: string | null;
}

@InputType()
export class UpdateGitRepoInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) url?: string | null;
  @Field(() => String, { nullable: true }) branch?: string | null;
  @Field(() => Boolean, { nullable: true }) enabled?: boolean | null;
  @Field(() => ID, { nullable: true, description: 'null removes the credential; leave it out to keep it.' }) credentialId?: string | null;
  @Field(() => Int, { nullable: true, description: 'null turns the before-run refresh off; leave it out to keep it.' }) refreshMaxAgeSeconds?: number | null;
  @Field(() => Int, { nullable: true, description: 'null turns the schedule off; leave it out to keep it.' }) refreshIntervalSeconds?: number | null;
}
