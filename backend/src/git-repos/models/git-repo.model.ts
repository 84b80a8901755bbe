import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Playbook')
export class PlaybookModel {
  @Field({ description: 'Path of the playbook inside the repository.' }) path: string;
  @Field({
    description:
      'pending until `ansible-playbook --syntax-check` has run on the current commit, then ok or failed; failed at once for a file that is not valid YAML or not a well-formed playbook.',
  })
  syntaxStatus: string;
  @Field(() => Boolean, { nullable: true, description: 'True when the syntax check passed, false when it failed, null while pending.' })
  syntaxOk: boolean | null;
  @Field(() => String, {
    nullable: true,
    description: "Why it failed: Ansible's syntax-check message, or the line and column where the file is not valid YAML or not a well-formed playbook.",
  })
  syntaxError: string | null;
}

@ObjectType('GitRepo')
export class GitRepoModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field({ description: 'Where the portal fetches from; for hosted repositories, its own bare repository.' }) url: string;
  @Field() branch: string;
  @Field(() => ID, { description: 'The tenant it belongs to: its designers and operators see it.' }) tenantId: string;
  @Field({ description: 'True for the repository the portal publishes from its own playbooks/ folder.' }) builtin: boolean;
  @Field({ description: 'Hosted by the portal: push to `cloneUrl` with an API token as the password.' }) hosted: boolean;
  @Field({ description: 'A disabled repository is neither refreshed nor ordered from.' }) enabled: boolean;
  @Field(() => Int, { nullable: true, description: 'Refreshed before a run when the last refresh is older than this many seconds.' })
  refreshMaxAgeSeconds: number | null;
  @Field(() => Int, { nullable: true, description: 'Refreshed on a schedule, every this many seconds.' }) refreshIntervalSeconds: number | null;
  @Field(() => ID, { nullable: true, description: 'The git token or SSH key credential used to fetch.' }) credentialId: string | null;
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

@ObjectType('GitWebhook', { description: 'Where and how a git host calls the portal when the repository changes.' })
export class GitWebhookModel {
  @Field({ description: 'The payload URL to give GitHub, GitLab or Gitea.' }) url: string;
  @Field({ description: 'The secret to give the git host; shown once, store it there now.' }) secret: string;
}
