import { Injectable } from '@nestjs/common';
import { GitReposService } from '../../git-repos/git-repos.service.js';
import { RequestStore } from '../../requests/request-store.js';
import type { Outcome } from '../state-machine.types.js';
import type { StateContext, StateMethodHandler } from './state-method.js';

/**
 * `refresh_repositories`: fetches the repositories of the items still to run and moves them
 * to the new commit. Which: every one (`plan.refresh: always`, bundles and lifecycle
 * requests), or only those whose refresh policy asks for a refresh before runs and whose
 * last refresh is too old (`policy`, a single playbook as ordered).
 * Reads: the pending items, the repositories. Writes: git mirrors (a refresh), the items'
 * plans (their commit). A failed fetch asks for a retry.
 */
@Injectable()
export class RefreshRepositoriesMethod implements StateMethodHandler {
  readonly name = 'refresh_repositories';

  constructor(
    private readonly repos: GitReposService,
    private readonly store: RequestStore,
  ) {}

  async run(ctx: StateContext): Promise<Outcome> {
    const pending = (await ctx.items()).filter((i) => i.status === 'pending');
    const names = [...new Set(pending.map((i) => i.plan.repoName))];
    const refreshed: string[] = [];
    const moved: string[] = [];
    for (const name of names) {
      const repo = await ctx.once(`repo:${name}`, () => this.repos.findByName(name));
      if (!repo) return { kind: 'error', message: `Git repository "${name}" no longer exists.` };
      const maxAge = repo.refreshMaxAgeSeconds;
      const due =
        ctx.request.plan.refresh === 'always' || (maxAge !== null && (!repo.lastRefreshedAt || Date.now() - repo.lastRefreshedAt.getTime() >= maxAge * 1000));
      if (!due) continue;
      try {
        await this.repos.refresh(repo.id);
      } catch (err) {
        return { kind: 'retry', message: (err as Error).message };
      }
      refreshed.push(name);
      const snapshot = await this.repos.snapshot(name);
      if (!snapshot?.commit) return { kind: 'error', message: `Git repository "${name}" has no commit to run.` };
      for (const item of pending.filter((i) => i.plan.repoName === name)) {
        if (!snapshot.playbooks.includes(item.plan.playbook)) {
          return {
            kind: 'error',
            message: `Item "${item.name}": ${item.plan.playbook} is no longer a playbook of "${name}" at ${snapshot.commit.slice(0, 12)}.`,
          };
        }
        if (item.plan.commit !== snapshot.commit) {
          await this.store.repinItem(item.id, { ...item.plan, commit: snapshot.commit });
          ctx.itemsChanged();
          moved.push(`${item.name} → ${snapshot.commit.slice(0, 12)}`);
        }
      }
    }
    return {
      kind: 'ok',
      message: `refreshed ${refreshed.join(', ') || 'nothing'}${moved.length ? `; items moved to the new commit: ${moved.join(', ')}` : ''}`,
    };
  }
}
