/**
 * A repository was refreshed to a new commit: its `catalog/` YAML files (paths inside
 * catalog/; none when it has no such folder). Listeners that refuse the files throw: the
 * refresh records why (its playbooks are refreshed all the same).
 */
export class GitRepoRefreshedEvent {
  static readonly NAME = 'git-repo.refreshed';

  constructor(
    readonly repoName: string,
    readonly catalogFiles: { path: string; text: string }[],
    /** The repository's tenant: the items it brings belong to it. */
    readonly tenantId: string,
  ) {}
}
