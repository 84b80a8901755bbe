import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GitReposService } from './git-repos.service.js';
import { GitRepoModel, PlaybookModel } from './models/git-repo.model.js';

@Resolver(() => GitRepoModel)
export class GitReposResolver {
  constructor(private readonly repos: GitReposService) {}

  @Query(() => [GitRepoModel])
  gitRepos(): Promise<GitRepoModel[]> {
    return this.repos.list();
  }

  @Query(() => GitRepoModel, { nullable: true })
  gitRepo(@Args('id', { type: () => ID }) id: string): Promise<GitRepoModel> {
    return this.repos.get(id);
  }

  @Mutation(() => GitRepoModel, { description: 'Fetch the repository now and record its commit and playbooks.' })
  refreshGitRepo(@Args('id', { type: () => ID }) id: string): Promise<GitRepoModel> {
    return this.repos.refresh(id);
  }

  @ResolveField(() => [PlaybookModel])
  async playbooks(@Parent() repo: GitRepoModel): Promise<PlaybookModel[]> {
    return (await this.repos.playbookPaths(repo.id)).map((path) => ({ path }));
  }
}
