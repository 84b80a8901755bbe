import { Injectable } from '@nestjs/common';
import { GitReposService } from '../../git-repos/git-repos.service.js';
import { ProvidersService } from '../../providers/providers.service.js';
import type { Outcome } from '../state-machine.types.js';
import type { StateContext, StateMethodHandler } from './state-method.js';

/**
 * `validate_request`: everything the items need still exists — their repository, enabled,
 * and their provider. Reads: the items, the repositories, the providers. Writes nothing.
 */
@Injectable()
export class ValidateRequestMethod implements StateMethodHandler {
  readonly name = 'validate_request';

  constructor(
    private readonly repos: GitReposService,
    private readonly providers: ProvidersService,
  ) {}

  async run(ctx: StateContext): Promise<Outcome> {
    for (const item of await ctx.items()) {
      const repo = await ctx.once(`repo:${item.plan.repoName}`, () => this.repos.findByName(item.plan.repoName));
      if (!repo) return { kind: 'error', message: `Item "${item.name}": git repository "${item.plan.repoName}" no longer exists.` };
      if (!repo.enabled) return { kind: 'error', message: `Item "${item.name}": git repository "${repo.name}" is disabled.` };
      if (!(await this.providers.exists(item.plan.providerId))) return { kind: 'error', message: `Item "${item.name}": its provider no longer exists.` };
    }
    return { kind: 'ok' };
  }
}
