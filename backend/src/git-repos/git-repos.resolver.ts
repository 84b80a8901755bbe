import { InTenants, type TenantScope } from '../auth/auth.decorators.js';
import { Allow } from '../access/allow.decorator.js';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CreateGitRepoInput, UpdateGitRepoInput } from './dto/git-repo.input.js';
import { GitReposService } from './git-repos.service.js';
import { GitWebhooks } from './git-webhooks.service.js';
import { GitRefreshModel, GitRepoModel, GitWebhookModel, PlaybookModel } from './models/git-repo.model.js';

@Resolver(() => GitRepoModel)
export class GitReposResolver {
  constructor(
    private readonly repos: GitReposService,
    private readonly webhooks: GitWebhooks,
  ) {}

  @Allow('git:read')
  @Query(() => [GitRepoModel])
  gitRepos(@InTenants('git:read') scope: TenantScope): Promise<GitRepoModel[]> {
    return this.repos.list(scope);
  }

  @Allow('git:read')
  @Query(() => GitRepoModel, { nullable: true })
  gitRepo(@InTenants('git:read') scope: TenantScope, @Args('id', { type: () => ID }) id: string): Promise<GitRepoModel> {
    return this.repos.get(id, scope);
  }

  @Allow('git:write')
  @Mutation(() => GitRepoModel, { description: 'Fetch the repository now and record its commit and playbooks.' })
  async refreshGitRepo(@InTenants('git:write') scope: TenantScope, @Args('id', { type: () => ID }) id: string): Promise<GitRepoModel> {
    await this.repos.get(id, scope, true);
    return this.repos.refresh(id);
  }

  @Allow('git:write')
  @Mutation(() => GitRepoModel, { description: 'Register a git repository and clone it at once; nothing is stored when the URL, branch or clone fails.' })
  createGitRepo(@InTenants('git:write') scope: TenantScope, @Args('input') input: CreateGitRepoInput): Promise<GitRepoModel> {
    return this.repos.create(input, scope);
  }

  @Allow('git:write')
  @Mutation(() => GitRepoModel, {
    description:
      'Change a repository. A new URL, branch or credential is stored only once a fetch with it works (with what it found); otherwise VALIDATION_FAILED and nothing changes.',
  })
  async updateGitRepo(
    @InTenants('git:write') scope: TenantScope,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateGitRepoInput,
  ): Promise<GitRepoModel> {
    return this.repos.update(id, input, scope);
  }

  @Allow('git:write')
  @Mutation(() => Boolean, { description: 'Delete a repository; CONFLICT for the built-in one and for one whose playbooks ran jobs.' })
  async deleteGitRepo(@InTenants('git:write') scope: TenantScope, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    await this.repos.get(id, scope, true);
    return this.repos.delete(id);
  }

  @ResolveField(() => [GitRefreshModel], { description: 'Its latest refreshes, newest first.' })
  refreshes(@Parent() repo: GitRepoModel, @Args('take', { type: () => Int, defaultValue: 20 }) take: number): Promise<GitRefreshModel[]> {
    return this.repos.refreshHistory(repo.id, take);
  }

  @Allow('git:write')
  @Mutation(() => [GitRepoModel], { description: 'Refresh every enabled repository, a bounded number at a time (GIT_REFRESH_CONCURRENCY).' })
  refreshAllGitRepos(@InTenants('git:write') scope: TenantScope): Promise<GitRepoModel[]> {
    return this.repos.refreshAll(scope);
  }

  @ResolveField(() => [PlaybookModel], { description: 'The playbooks found at the recorded commit, with their syntax status.' })
  async playbooks(@Parent() repo: GitRepoModel): Promise<PlaybookModel[]> {
    return (await this.repos.playbooksOf(repo.id)).map((p) => ({
      path: p.path,
      syntaxStatus: p.syntaxStatus,
      syntaxOk: p.syntaxStatus === 'pending' ? null : p.syntaxStatus === 'ok',
      syntaxError: p.syntaxError,
    }));
  }

  @Allow('git:write')
  @Mutation(() => GitWebhookModel, {
    description: 'Turn webhooks on, or replace the secret: returns the payload URL and the secret (shown this once) to give the git host.',
  })
  async enableGitWebhook(@InTenants('git:write') scope: TenantScope, @Args('id', { type: () => ID }) id: string): Promise<GitWebhookModel> {
    await this.repos.get(id, scope, true);
    return this.webhooks.enable(id);
  }

  @Allow('git:write')
  @Mutation(() => GitRepoModel, { description: 'Turn webhooks off: calls to the payload URL are refused from now on.' })
  async disableGitWebhook(@InTenants('git:write') scope: TenantScope, @Args('id', { type: () => ID }) id: string): Promise<GitRepoModel> {
    await this.repos.get(id, scope, true);
    return this.webhooks.disable(id);
  }

  @Allow('git:write')
  @Mutation(() => GitRepoModel, {
    description: 'Share a repository with these tenants (replacing its shares): their orders, and those of the tenants below them, may run its playbooks.',
  })
  shareGitRepo(
    @InTenants('git:write') scope: TenantScope,
    @Args('id', { type: () => ID }) id: string,
    @Args('tenantIds', { type: () => [ID] }) tenantIds: string[],
  ): Promise<GitRepoModel> {
    return this.repos.share(id, tenantIds, scope);
  }

  @ResolveField(() => [ID], { description: 'The tenants it is shared with (besides its own).' })
  sharedWith(@Parent() repo: GitRepoModel): Promise<string[]> {
    return this.repos.sharedWith(repo.id);
  }

  @ResolveField(() => String, { nullable: true, description: 'The payload URL for git hosts, when webhooks are on.' })
  async webhookUrl(@Parent() repo: GitRepoModel): Promise<string | null> {
    return (await this.webhooks.enabled(repo.id)) ? this.webhooks.url(repo.id) : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'For hosted repositories: the URL to clone and push, with an API token as the password.' })
  cloneUrl(@Parent() repo: GitRepoModel): string | null {
    return this.repos.cloneUrl(repo);
  }
}
