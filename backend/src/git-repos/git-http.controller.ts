import { join } from 'node:path';
import { All, Controller, Inject, Logger, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuditService } from '../audit/audit.service.js';
import { AuthService } from '../auth/auth.service.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { ProcessRunner } from '../system/process-runner.js';
import { InstancesService } from '../instances/instances.service.js';
import type { Principal } from '../auth/principal.js';
import { PERMISSIONS, tenantsWith } from '../access/permissions.js';
import type { AuditOutcome } from '../audit/audit-event.entity.js';
import { GitReposService } from './git-repos.service.js';
import type { GitRepoModel } from './models/git-repo.model.js';

/** The only smart-HTTP endpoints served; the dumb protocol and everything else is refused. */
const ROUTE = /^\/git\/([A-Za-z0-9][A-Za-z0-9._-]{0,99})\.git(\/info\/refs|\/git-upload-pack|\/git-receive-pack)$/;
const SERVICES = new Set(['git-upload-pack', 'git-receive-pack']);

/**
 * Hosted repositories over git's smart HTTP protocol, served by git's own `http-backend`
 * (CGI). Clone, fetch and push need a user's token as the password of HTTP basic auth.
 * Pushes are checked by the repository's pre-receive hook; an accepted push refreshes the
 * repository before the push returns, so its playbooks are orderable at once.
 */
@Controller('git')
export class GitHttpController {
  private readonly logger = new Logger(GitHttpController.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly repos: GitReposService,
    private readonly processes: ProcessRunner,
    private readonly audit: AuditService,
    private readonly instances: InstancesService,
  ) {}

  @All('*path')
  async serve(@Req() req: Request, @Res() res: Response): Promise<void> {
    const route = ROUTE.exec(req.path);
    const service = route?.[2] === '/info/refs' ? String(req.query.service ?? '') : route?.[2].slice(1);
    if (!route || !service || !SERVICES.has(service) || (route[2] === '/info/refs') !== (req.method === 'GET')) {
      res.status(404).type('text/plain').send('Not a smart-HTTP git endpoint of this portal (use /git/<name>.git).\n');
      return;
    }
    const pushing = service === 'git-receive-pack';
    // A worker instance's credential: it fetches any hosted repository (a worker runs every
    // tenant's jobs), and does nothing else. Fetches are not audited (no user's fetch is).
    const instanceId = await this.workerInstance(req);
    if (instanceId) {
      if (pushing) {
        res.status(403).type('text/plain').send("A worker instance's credential only fetches: it cannot push.\n");
        return;
      }
      const hosted = await this.repos.findByName(route[1]);
      if (!hosted?.hosted) {
        res.status(404).type('text/plain').send(`No repository "${route[1]}" is hosted by this portal.\n`);
        return;
      }
      await this.backend(req, res, hosted, route[2], false, `instance:${instanceId}`, () => Promise.resolve());
      return;
    }
    const principal = await this.principal(req);
    const user = principal?.user;
    /** Every push is recorded once: refused at any step, or when its pack (POST) is done. */
    const recordPush = (outcome: AuditOutcome, errorCode: string | null, message: string | null, repoId: string | null = null) =>
      pushing
        ? this.audit.record({
            actorId: user?.id ?? null,
            actorName: user?.username ?? null,
            action: 'git.push',
            objectType: 'GitRepo',
            objectId: repoId,
            outcome,
            errorCode,
            message,
            ip: req.ip ?? '',
            details: { repo: route[1] },
          })
        : Promise.resolve();
    if (!principal || !user) {
      // git asks without credentials first and sends them on this challenge: only a refused token is worth a row.
      if (req.headers.authorization) await recordPush('denied', 'UNAUTHENTICATED', 'unknown or expired token');
      res
        .status(401)
        .set('WWW-Authenticate', 'Basic realm="Superfluid git", charset="UTF-8"')
        .type('text/plain')
        .send('Authenticate with any user name and an API token (createApiToken) as the password.\n');
      return;
    }
    // Seen (whatever the token's scopes) by those whose roles fetch or push in the repository's tenant; to others it does not exist.
    const roles = { ...principal.rights, scopes: null };
    const found = await this.repos.findByName(route[1]);
    const repo = found && [...tenantsWith(roles, 'git:fetch'), ...tenantsWith(roles, 'git:push')].includes(found.tenantId) ? found : null;
    if (!repo?.hosted) {
      await recordPush('denied', 'NOT_FOUND', `no hosted repository "${route[1]}" for this user`);
      res.status(404).type('text/plain').send(`No repository "${route[1]}" is hosted by this portal.\n`);
      return;
    }
    const needed = pushing ? 'git:push' : 'git:fetch';
    if (!tenantsWith(principal.rights, needed).includes(repo.tenantId)) {
      const scope = PERMISSIONS[needed].scope;
      const byScope = principal.rights.scopes !== null && tenantsWith(roles, needed).includes(repo.tenantId);
      await recordPush('denied', 'FORBIDDEN', byScope ? `the token lacks the scope ${scope}` : `roles ${principal.rights.roles.join(', ') || 'none'}`, repo.id);
      res
        .status(403)
        .type('text/plain')
        .send(
          byScope
            ? `This token lacks the scope "${scope}": create a token with it (createApiToken) to ${pushing ? 'push' : 'fetch'}.\n`
            : `Your roles (${principal.rights.roles.join(', ') || 'none'}) do not allow you to ${pushing ? 'push to' : 'fetch'} this repository: ${pushing ? 'pushing needs the designer role' : 'ask an administrator'}.\n`,
        );
      return;
    }
    if (pushing && !repo.enabled) {
      await recordPush('denied', 'FORBIDDEN', 'the repository is disabled', repo.id);
      res.status(403).type('text/plain').send(`Repository "${repo.name}" is disabled: enable it to push to it.\n`);
      return;
    }
    await this.backend(req, res, repo, route[2], pushing, user.username, recordPush);
  }

  /**
   * Hands the request (to `endpoint`, of git-receive-pack when `pushing`) to `git http-backend`
   * for `repo`, as `remoteUser`; a pack pushed (POST) is recorded with `recordPush` and refreshes
   * the repository.
   */
  private async backend(
    req: Request,
    res: Response,
    repo: GitRepoModel,
    endpoint: string,
    pushing: boolean,
    remoteUser: string,
    recordPush: (outcome: AuditOutcome, errorCode: string | null, message: string | null, repoId?: string | null) => Promise<void>,
  ): Promise<void> {
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > this.config.gitMaxRepoBytes) {
      await recordPush('failure', 'TOO_LARGE', `${length} bytes`, repo.id);
      res.status(413).type('text/plain').send(`A push may carry at most ${this.config.gitMaxRepoBytes} bytes (GIT_MAX_REPO_MB).\n`);
      return;
    }

    // A push (its upload and its checks) has GIT_PUSH_TIMEOUT_SECONDS: the hook refuses it when
    // that is up; should the upload itself still be going a little later, it is cut off.
    const timeoutMs = this.config.gitPushTimeoutSeconds * 1000;
    const deadline = Date.now() + timeoutMs;
    const child = this.processes.spawn('git', ['http-backend'], {
      extendEnv: false,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: process.env.HOME ?? '/tmp',
        LANG: 'C.UTF-8',
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_PROJECT_ROOT: join(this.config.dataDir, 'git'),
        GIT_HTTP_EXPORT_ALL: '1',
        GIT_HTTP_MAX_REQUEST_BUFFER: String(Math.min(this.config.gitMaxRepoBytes, 100 * 1024 * 1024)),
        PATH_INFO: `/${repo.name}.git${endpoint}`,
        REQUEST_METHOD: req.method,
        QUERY_STRING: req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '',
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        ...(req.headers['content-length'] ? { CONTENT_LENGTH: String(req.headers['content-length']) } : {}),
        ...(req.headers['content-encoding'] ? { HTTP_CONTENT_ENCODING: String(req.headers['content-encoding']) } : {}),
        ...(req.headers['git-protocol'] ? { GIT_PROTOCOL: String(req.headers['git-protocol']) } : {}),
        REMOTE_USER: remoteUser,
        REMOTE_ADDR: req.ip ?? '',
        // Read by the pre-receive hook.
        SUPERFLUID_BRANCH: repo.branch,
        SUPERFLUID_ANSIBLE_PLAYBOOK: this.config.ansiblePlaybookBin,
        SUPERFLUID_GIT_MAX_FILES: String(this.config.gitMaxFiles),
        SUPERFLUID_GIT_MAX_TREE_BYTES: String(this.config.gitMaxRepoBytes),
        SUPERFLUID_PUSH_DEADLINE: String(deadline),
        SUPERFLUID_PUSH_TIMEOUT_SECONDS: String(this.config.gitPushTimeoutSeconds),
        SUPERFLUID_SANDBOX: this.config.sandbox ? 'on' : 'off',
      },
      buffer: false,
      reject: false,
      stdin: 'pipe',
      stdout: 'pipe',
      stderr: 'pipe',
    });

    const overdue =
      pushing && endpoint === '/git-receive-pack'
        ? setTimeout(() => {
            this.logger.warn(`push to ${repo.name} by ${remoteUser} still going after ${this.config.gitPushTimeoutSeconds} s: cut off`);
            req.unpipe(child.stdin ?? undefined);
            child.kill('SIGKILL');
            if (!res.headersSent) {
              res
                .status(503)
                .type('text/plain')
                .send(`A push may take at most ${this.config.gitPushTimeoutSeconds} s (GIT_PUSH_TIMEOUT_SECONDS); nothing of it was stored.\n`);
            }
          }, timeoutMs + 10_000)
        : null;
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > this.config.gitMaxRepoBytes) {
        child.kill('SIGTERM');
        req.unpipe(child.stdin ?? undefined);
        if (!res.headersSent) res.status(413).type('text/plain').send(`A push may carry at most ${this.config.gitMaxRepoBytes} bytes (GIT_MAX_REPO_MB).\n`);
      }
    });
    if (child.stdin) req.pipe(child.stdin).on('error', () => undefined);
    child.stderr?.on('data', (chunk: Buffer) => this.logger.debug(`http-backend ${repo.name}: ${chunk.toString().trim()}`));

    // CGI: header lines, a blank line, then the body.
    let head = Buffer.alloc(0);
    let headersDone = false;
    // The push's report (report-status): an "ng <ref> <reason>" line is a ref the hook or git refused.
    let refused: string | null = null;
    const packPost = pushing && endpoint === '/git-receive-pack';
    const scan = (chunk: Buffer) => {
      if (packPost && !refused) refused = /\bng (refs\/\S+ [^\n\0]{0,120})/.exec(chunk.toString('latin1'))?.[1] ?? null;
    };
    child.stdout?.on('data', (chunk: Buffer) => {
      if (res.writableEnded) return;
      if (headersDone) {
        scan(chunk);
        res.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      headersDone = true;
      let status = 200;
      for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
        const colon = line.indexOf(':');
        if (colon < 0) continue;
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10) || 500;
        else res.setHeader(name, value);
      }
      res.status(status);
      scan(head.subarray(end + 4));
      res.write(head.subarray(end + 4));
    });

    const result = await child.finally(() => overdue && clearTimeout(overdue));
    if (packPost) {
      const failed = result.exitCode !== 0 || !headersDone || refused !== null;
      await recordPush(
        failed ? 'failure' : 'success',
        failed ? 'PUSH_REFUSED' : null,
        refused ?? (failed ? `git http-backend ended with ${result.exitCode ?? 'a signal'}` : null),
        repo.id,
      );
    }
    if (res.writableEnded) return;
    if (!headersDone) {
      res
        .status(500)
        .type('text/plain')
        .end(`git http-backend failed (exit ${result.exitCode ?? 'signal'}).\n`);
      return;
    }
    if (pushing && endpoint === '/git-receive-pack' && result.exitCode === 0) {
      // Before the push returns, so the new playbooks are there when `git push` is done. Only after
      // the pack itself (POST): the ref advertisement (GET /info/refs) that precedes it changes nothing.
      await this.repos.refresh(repo.id).catch((err: Error) => this.logger.warn(`refresh after a push to ${repo.name}: ${err.message}`));
    }
    res.end();
  }

  /** The worker instance whose credential (`<instance id>:<secret>`) is the basic auth, when it is online; else null. */
  private async workerInstance(req: Request): Promise<string | null> {
    const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(req.headers.authorization ?? '');
    if (!basic) return null;
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return null;
    const id = decoded.slice(0, colon);
    return (await this.instances.credentialValid(id, decoded.slice(colon + 1))) ? id : null;
  }

  /** The user whose token is the basic-auth password (or a bearer token). */
  private async principal(req: Request): Promise<Principal | null> {
    const header = req.headers.authorization ?? '';
    const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header);
    const bearer = /^Bearer\s+(\S+)$/i.exec(header);
    let token: string | undefined = bearer?.[1];
    if (basic) {
      const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
      token = decoded.slice(decoded.indexOf(':') + 1);
    }
    const principal = token ? await this.auth.principal(token) : null;
    // A user who must change their password signs in to the UI first.
    return principal && !principal.user.mustChangePassword ? principal : null;
  }
}
