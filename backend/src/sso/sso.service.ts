import { TenantsService } from '../tenants/tenants.service.js';
import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { TenantScope } from '../auth/auth.decorators.js';
import { AuthService } from '../auth/auth.service.js';
import { AppError, ErrorCode, isUuid, notFound, validationFailed } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { GroupModel, UserModel } from '../users/models/user.model.js';
import { UsersService } from '../users/users.service.js';
import type { OidcGroupMappingModel, SsoProviderModel } from './models/sso.models.js';
import { OidcClient } from './oidc-client.js';
import { OidcGroupMappingEntity } from './oidc-group-mapping.entity.js';
import { type Claims, displayNameOf, emailOf, groupsOf, usernameOf } from './sso-claims.js';
import { SsoStateStore } from './sso-state.store.js';
import { SsoError, SsoErrorCode } from './sso.exception.js';

export const LOGIN_PATH = '/auth/oidc/login';
const MAX_CLAIM = 200;

/**
 * Single sign-on with OpenID Connect: starting and finishing a sign-in (the user found by their
 * subject at the provider, or created; their memberships of mapped groups set from the groups
 * claim; a session token like a password sign-in gives), and the group mappings.
 */
@Injectable()
export class SsoService {
  private readonly logger = new Logger(SsoService.name);

  constructor(
    @InjectRepository(OidcGroupMappingEntity) private readonly mappings: Repository<OidcGroupMappingEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly oidc: OidcClient,
    private readonly pending: SsoStateStore,
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly tenants: TenantsService,
  ) {}

  /** The login page's SSO button: none when SSO is off. */
  providers(): SsoProviderModel[] {
    const oidc = this.config.oidc;
    return oidc ? [{ name: oidc.displayName, loginUrl: `${this.config.publicUrl}${LOGIN_PATH}` }] : [];
  }

  /** A sign-in starts: `browser` (a random id the browser keeps in a cookie) finds it again at the callback. */
  async begin(): Promise<{ browser: string; url: URL }> {
    const { pending, url } = await this.oidc.start();
    const browser = randomBytes(32).toString('base64url');
    await this.pending.save(browser, pending);
    return { browser, url };
  }

  /**
   * The provider sent the browser back to `callback`: a session token for the user, or SsoError
   * saying why not. Each outcome is in the audit trail (login / login.failed, method sso).
   */
  async complete(browser: string | undefined, callback: URL, ip: string): Promise<{ token: string; user: UserModel }> {
    try {
      const result = await this.signIn(browser, callback);
      await this.audit.record({
        actorId: result.user.id,
        actorName: result.user.username,
        action: 'login',
        objectType: 'User',
        objectId: result.user.id,
        outcome: 'success',
        ip,
        details: { method: 'sso', issuer: this.config.oidc?.issuer ?? null },
      });
      return result;
    } catch (err) {
      const failure = err instanceof SsoError ? err : new SsoError(SsoErrorCode.UNEXPECTED, `unexpected failure: ${(err as Error).message ?? String(err)}`);
      if (!(err instanceof SsoError)) this.logger.error(`single sign-on failed: ${(err as Error).stack ?? String(err)}`);
      await this.audit.record({
        actorName: failure.username,
        action: 'login.failed',
        objectType: 'User',
        outcome: 'failure',
        errorCode: failure.code,
        message: failure.message,
        ip,
        details: { method: 'sso', issuer: this.config.oidc?.issuer ?? null },
      });
      throw failure;
    }
  }

  private async signIn(browser: string | undefined, callback: URL): Promise<{ token: string; user: UserModel }> {
    const pending = browser ? await this.pending.take(browser) : null;
    if (!pending) throw new SsoError(SsoErrorCode.STATE_INVALID, 'no sign-in under way from this browser (not started here, used, or older than 10 minutes)');
    if (callback.searchParams.get('state') !== pending.state) throw new SsoError(SsoErrorCode.STATE_INVALID, 'the state does not match the sign-in started');
    const providerError = callback.searchParams.get('error');
    if (providerError) {
      const description = callback.searchParams.get('error_description');
      throw new SsoError(SsoErrorCode.PROVIDER_ERROR, `the identity provider answered ${providerError}${description ? `: ${description}` : ''}`);
    }
    const claims = await this.oidc.finish(callback, pending);
    const user = await this.userFor(claims);
    const { token } = await this.auth.createSession(user);
    return { token, user };
  }

  /** The portal user for these claims, found by subject or created, with their mapped groups set. */
  private async userFor(claims: Claims): Promise<UserModel> {
    const issuer = this.config.oidc!.issuer;
    const subject = typeof claims.sub === 'string' ? claims.sub : '';
    const username = usernameOf(claims);
    if (!subject || !username) throw new SsoError(SsoErrorCode.EXCHANGE_FAILED, 'the provider gave no subject or no usable user name');
    const groups = groupsOf(claims, this.config.oidc!.groupsClaim);
    const mappings = await this.mappings.find({ order: { createdAt: 'ASC' } });
    const mapped = [...new Set(mappings.map((m) => m.groupId))];
    // In the order of the claim: the first mapped value decides a new user's tenant.
    const wanted = [...new Set(groups.flatMap((g) => mappings.filter((m) => m.claim === g).map((m) => m.groupId)))];
    const profile = { displayName: displayNameOf(claims), email: emailOf(claims) };
    const noMapping = () =>
      new SsoError(SsoErrorCode.NO_MAPPING, `none of the groups [${groups.join(', ')}] maps to a portal group, and the user belongs to none`, username);

    let user = await this.users.findByOidcSubject(issuer, subject);
    if (user?.disabled) throw new SsoError(SsoErrorCode.USER_DISABLED, `the user "${user.username}" is disabled`, user.username);
    if (!user) {
      if (!wanted.length) throw noMapping();
      // A new user lives in the tenant of their mapped group nearest the root: a mapping made by a
      // sub-tenant's administrator cannot pull someone the root also maps into that sub-tenant.
      const parents = await this.tenants.parents();
      const depth = (tenantId: string) => {
        let n = 0;
        for (let t = parents.get(tenantId); t; t = parents.get(t)) n++;
        return n;
      };
      const groups = (await Promise.all(wanted.map((id) => this.users.findGroup(id)))).filter((g) => g !== null);
      const home = groups.reduce((best, g) => (depth(g.tenant.id) < depth(best.tenant.id) ? g : best));
      try {
        user = await this.users.createSsoUser({ issuer, subject }, { username, ...profile }, home.tenant.id);
      } catch (err) {
        if (err instanceof AppError && err.code === ErrorCode.CONFLICT) {
          throw new SsoError(
            SsoErrorCode.USERNAME_TAKEN,
            `a portal user "${username}" exists and is not linked to this provider's subject ${subject}`,
            username,
          );
        }
        throw err;
      }
    }
    try {
      user = await this.users.applySsoSignIn(user.id, profile, mapped, wanted);
    } catch (err) {
      if (err instanceof AppError && err.code === ErrorCode.CONFLICT) throw new SsoError(SsoErrorCode.LAST_ADMINISTRATOR, err.message, user.username);
      throw err;
    }
    if (!user.groups.length) throw noMapping();
    return user;
  }

  /** The mappings to groups of the scope's tenants, by claim value. */
  async listMappings(scope: TenantScope): Promise<OidcGroupMappingModel[]> {
    const groups = new Map((await this.users.listGroups(scope)).map((g) => [g.id, g]));
    const rows = await this.mappings.find({ order: { claim: 'ASC', createdAt: 'ASC' } });
    return rows.filter((r) => groups.has(r.groupId)).map((r) => toModel(r, groups.get(r.groupId)!));
  }

  async createMapping(claim: string, groupId: string, scope: TenantScope): Promise<OidcGroupMappingModel> {
    const value = claim.trim();
    if (value.length < 1 || value.length > MAX_CLAIM)
      throw validationFailed(`A claim value is 1 to ${MAX_CLAIM} characters.`, { claim: `use 1 to ${MAX_CLAIM} characters` });
    const group = await this.users.findGroup(groupId, scope);
    if (!group) throw validationFailed(`Group ${groupId} does not exist.`, { groupId: `group ${groupId} does not exist` });
    if (await this.mappings.existsBy({ claim: value, groupId })) {
      throw new AppError(ErrorCode.CONFLICT, `"${value}" already maps to the group ${group.name}.`, { fields: { claim: 'already maps to this group' } });
    }
    const row = await this.mappings.save(this.mappings.create({ claim: value, groupId }));
    return toModel(row, group);
  }

  async deleteMapping(id: string, scope: TenantScope): Promise<boolean> {
    const row = isUuid(id) ? await this.mappings.findOneBy({ id }) : null;
    if (!row || !(await this.users.findGroup(row.groupId, scope))) throw notFound('SSO group mapping', id);
    await this.mappings.delete({ id });
    return true;
  }
}

const toModel = (row: OidcGroupMappingEntity, group: GroupModel): OidcGroupMappingModel => ({
  id: row.id,
  claim: row.claim,
  group: { id: group.id, name: group.name },
  tenant: group.tenant,
  createdAt: row.createdAt,
});
