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

/**
 * A repository was refreshed to a new commit (every repository, the built-in one too): the
 * files of its vnf-packages/ folder, for the VNF packages module to on-board. Listeners read
 * the files they need with `read` and add what they refused to `problems`, which the refresh
 * records (the rest of the refresh stands).
 */
export class GitRepoPackagesEvent {
  static readonly NAME = 'git-repo.packages';
  readonly problems: string[] = [];

  constructor(
    readonly repoId: string,
    readonly repoName: string,
    readonly tenantId: string,
    readonly commit: string,
    /** The commit's files under vnf-packages/ (paths from the repository's root). */
    readonly files: { path: string; mode: string; size: number | null }[],
    readonly read: (paths: string[]) => Promise<ReadonlyMap<string, Buffer>>,
  ) {}
}
