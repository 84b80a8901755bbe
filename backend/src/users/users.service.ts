import { advisoryXactLock } from '../common/advisory-lock.js';
import { inScope, type TenantScope, tenantFor } from '../auth/auth.decorators.js';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import argon2 from 'argon2';
import { DataSource, type EntityManager, In, Not, Repository } from 'typeorm';
import { isRole, type Role, ROLES } from '../access/permissions.js';
import { AppError, ErrorCode, isUuid, notFound, validationFailed } from '../common/app-error.js';
import { isForeignKeyViolation } from '../common/foreign-keys.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { ROOT_TENANT_ID, TenantsService } from '../tenants/tenants.service.js';
import type { CreateUserInput, GroupInput, UpdateUserInput } from './dto/user.inputs.js';
import { GroupEntity } from './group.entity.js';
import type { GroupModel, UserModel } from './models/user.model.js';
import { assertPasswordAllowed } from './password-policy.js';
import { UserEntity } from './user.entity.js';
import { UserRightsChangedEvent } from './users.events.js';

export const ADMIN_USERNAME = 'admin';
export const ADMINISTRATORS_GROUP = 'Administrators';
const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

/** A user row with its groups (the join the model needs). */
type UserRow = UserEntity & { groups: { id: string; name: string; roles: Role[]; tenantId: string }[]; tenantName: string };

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(GroupEntity) private readonly groups: Repository<GroupEntity>,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: EventEmitter2,
    private readonly tenants: TenantsService,
  ) {}

  /** The user; null also when not of the scope's tenants (as if they did not exist). */
  async findById(id: string, scope?: TenantScope): Promise<UserModel | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.rows(this.db.manager, 'u."id" = $1', [id]);
    return row && inScope(scope, row.tenantId) ? toModel(row) : null;
  }

  /** By user name; only those of the scope's tenants when one is given. */
  async list(scope?: TenantScope): Promise<UserModel[]> {
    const rows = scope ? await this.rows(this.db.manager, 'u."tenant_id" = ANY($1)', [scope.tenants]) : await this.rows(this.db.manager, 'true', []);
    return rows.map(toModel);
  }

  /**
   * Enabled users who have one of `roles` in `tenantId`: through a group of that tenant or of
   * one above it (a group's roles apply in its tenant and below). Say, who may approve there.
   */
  async withRoleIn(roles: readonly Role[], tenantId: string): Promise<UserModel[]> {
    const parents = await this.tenants.parents();
    const above: string[] = [];
    for (let t: string | null | undefined = tenantId; t && !above.includes(t); t = parents.get(t)) above.push(t);
    const rows = await this.rows(
      this.db.manager,
      `NOT u."disabled" AND EXISTS (SELECT 1 FROM "group_members" m JOIN "groups" x ON x."id" = m."group_id"
          WHERE m."user_id" = u."id" AND x."tenant_id" = ANY($1) AND x."roles" && $2::text[])`,
      [above, roles],
    );
    return rows.map(toModel);
  }

  /**
   * NOT_FOUND unless the caller may administer the user: the user's tenant and the tenants of
   * every group they belong to are in the scope (East's administrator does not reset the
   * password of a root administrator who happens to live in East).
   */
  private async assertInScope(id: string, scope: TenantScope | undefined): Promise<void> {
    const user = await this.findById(id, scope);
    if (!user || (scope && !user.grants.every((g) => scope.tenants.includes(g.tenantId)))) throw notFound('User', id);
  }

  /** Users with their groups in one statement (groups as JSON). */
  private async rows(m: EntityManager, where: string, params: unknown[]): Promise<UserRow[]> {
    const rows: Record<string, unknown>[] = await m.query(
      `SELECT u."id", u."username", u."display_name", u."email", u."disabled", u."must_change_password", u."created_at", u."oidc_issuer", u."oidc_subject",
              u."tenant_id", (SELECT t."name" FROM "tenants" t WHERE t."id" = u."tenant_id") AS "tenant_name",
              COALESCE(json_agg(json_build_object('id', g."id", 'name', g."name", 'roles', g."roles", 'tenantId', g."tenant_id") ORDER BY g."name")
                FILTER (WHERE g."id" IS NOT NULL), '[]') AS "groups"
         FROM "users" u
         LEFT JOIN "group_members" gm ON gm."user_id" = u."id"
         LEFT JOIN "groups" g ON g."id" = gm."group_id"
        WHERE ${where}
        GROUP BY u."id"
        ORDER BY u."username"`,
      params,
    );
    return rows.map((r) => ({
      id: r.id as string,
      username: r.username as string,
      passwordHash: '',
      displayName: r.display_name as string,
      email: r.email as string,
      disabled: r.disabled as boolean,
      mustChangePassword: r.must_change_password as boolean,
      createdAt: r.created_at as Date,
      oidcIssuer: r.oidc_issuer as string | null,
      oidcSubject: r.oidc_subject as string | null,
      tenantId: r.tenant_id as string,
      tenantName: r.tenant_name as string,
      groups: r.groups as UserRow['groups'],
    }));
  }

  /** The user when the password matches; null otherwise (same answer for unknown users). */
  async verify(username: string, password: string): Promise<UserModel | null> {
    const user = await this.users.findOneBy({ username });
    if (!user) {
      // Spend the same time as a real check so usernames cannot be probed by timing.
      await argon2.hash(password).catch(() => undefined);
      return null;
    }
    return (await argon2.verify(user.passwordHash, password)) ? this.findById(user.id) : null;
  }

  async create(input: CreateUserInput, scope?: TenantScope): Promise<UserModel> {
    const tenantId = tenantFor(scope, input.tenantId, ROOT_TENANT_ID);
    const username = input.username.trim();
    if (!USERNAME.test(username)) {
      throw validationFailed('A user name is 1 to 64 letters, digits, ".", "_", "-" or "@", starting with a letter or digit.', {
        username: 'use 1 to 64 letters, digits, ".", "_", "-" or "@"',
      });
    }
    assertPasswordAllowed(input.password, username);
    if (input.tenantId) await this.tenants.assertExist([input.tenantId], 'tenantId');
    const passwordHash = await argon2.hash(input.password);
    const id = await this.db.transaction(async (m) => {
      if (await m.existsBy(UserEntity, { username }))
        throw new AppError(ErrorCode.CONFLICT, `A user "${username}" already exists.`, { fields: { username: 'is taken' } });
      const row = await m.save(
        m.create(UserEntity, {
          username,
          passwordHash,
          displayName: (input.displayName ?? '').trim(),
          email: cleanEmail(input.email),
          mustChangePassword: true,
          tenantId,
        }),
      );
      if (input.groupIds) await this.setGroups(m, row.id, input.groupIds, scope);
      return row.id;
    });
    return (await this.findById(id))!;
  }

  async update(id: string, input: UpdateUserInput, scope?: TenantScope): Promise<UserModel> {
    await this.assertInScope(id, scope);
    if (input.tenantId) tenantFor(scope, input.tenantId, ROOT_TENANT_ID);
    if (input.tenantId) await this.tenants.assertExist([input.tenantId], 'tenantId');
    await this.db.transaction(async (m) => {
      const row = await m.findOneBy(UserEntity, { id });
      if (!row) throw notFound('User', id);
      if (input.displayName != null) row.displayName = input.displayName.trim();
      if (input.email != null) row.email = cleanEmail(input.email);
      if (input.disabled != null) row.disabled = input.disabled;
      if (input.tenantId) row.tenantId = input.tenantId;
      await m.save(row);
      if (input.groupIds) await this.setGroups(m, id, input.groupIds, scope);
      await this.assertAnAdministratorRemains(m);
    });
    this.events.emit(UserRightsChangedEvent.NAME, new UserRightsChangedEvent(id, input.disabled === true));
    return (await this.findById(id))!;
  }

  /** Deletes a user who has no requests, services or other records (disable them otherwise). */
  async delete(id: string, scope?: TenantScope): Promise<boolean> {
    await this.assertInScope(id, scope);
    try {
      await this.db.transaction(async (m) => {
        const result = await m.delete(UserEntity, { id });
        if (!result.affected) throw notFound('User', id);
        await this.assertAnAdministratorRemains(m);
      });
    } catch (err) {
      if (!isForeignKeyViolation(err)) throw err;
      throw new AppError(ErrorCode.CONFLICT, 'This user has requests, services or catalog items on record: disable the user instead of deleting.');
    }
    this.events.emit(UserRightsChangedEvent.NAME, new UserRightsChangedEvent(id, true));
    return true;
  }

  /** An administrator sets a user's password: the user must change it at their next sign-in, and their sessions end. */
  async resetPassword(id: string, password: string, scope?: TenantScope): Promise<UserModel> {
    await this.assertInScope(id, scope);
    const row = await this.users.findOneBy({ id });
    if (!row) throw notFound('User', id);
    assertPasswordAllowed(password, row.username);
    await this.users.update(id, { passwordHash: await argon2.hash(password), mustChangePassword: true });
    this.events.emit(UserRightsChangedEvent.NAME, new UserRightsChangedEvent(id, true));
    return (await this.findById(id))!;
  }

  /** A user changes their own password, giving the current one. */
  async changePassword(id: string, current: string, next: string): Promise<UserModel> {
    const row = await this.users.findOneBy({ id });
    if (!row) throw notFound('User', id);
    if (!(await argon2.verify(row.passwordHash, current))) {
      throw validationFailed('The current password is wrong.', { currentPassword: 'is wrong' });
    }
    if (current === next) throw validationFailed('Choose a password different from the current one.', { newPassword: 'is the current password' });
    assertPasswordAllowed(next, row.username, 'newPassword');
    await this.users.update(id, { passwordHash: await argon2.hash(next), mustChangePassword: false });
    this.events.emit(UserRightsChangedEvent.NAME, new UserRightsChangedEvent(id, false));
    return (await this.findById(id))!;
  }

  /** The user linked to `subject` of the identity provider `issuer` (single sign-on), or null. */
  async findByOidcSubject(issuer: string, subject: string): Promise<UserModel | null> {
    const [row] = await this.rows(this.db.manager, 'u."oidc_issuer" = $1 AND u."oidc_subject" = $2', [issuer, subject]);
    return row ? toModel(row) : null;
  }

  /**
   * A user who signs in through single sign-on only, linked to `subject` of `issuer`: no password
   * anyone knows (the hash of random bytes), nothing to change at the first sign-in. CONFLICT when
   * the user name is taken: an existing account is never taken over.
   */
  async createSsoUser(link: { issuer: string; subject: string }, profile: SsoProfile, tenantId: string): Promise<UserModel> {
    const username = profile.username;
    if (!USERNAME.test(username)) throw validationFailed(`"${username}" is not a valid user name.`, { username: 'is not a valid user name' });
    const passwordHash = await argon2.hash(randomBytes(32).toString('base64url'));
    const id = await this.db.transaction(async (m) => {
      if (await m.existsBy(UserEntity, { username }))
        throw new AppError(ErrorCode.CONFLICT, `A user "${username}" already exists.`, { fields: { username: 'is taken' } });
      const row = await m.save(
        m.create(UserEntity, {
          username,
          passwordHash,
          displayName: profile.displayName.trim(),
          email: ssoEmail(profile.email),
          mustChangePassword: false,
          tenantId,
          oidcIssuer: link.issuer,
          oidcSubject: link.subject,
        }),
      );
      return row.id;
    });
    return (await this.findById(id))!;
  }

  /**
   * At a single sign-on: the name and e-mail the provider gives, and the user's memberships of
   * `mappedGroupIds` (the groups of the SSO group mappings) replaced by `groupIds`; memberships of
   * other groups (set by an administrator) are kept.
   */
  async applySsoSignIn(userId: string, profile: Omit<SsoProfile, 'username'>, mappedGroupIds: string[], groupIds: string[]): Promise<UserModel> {
    const changed = await this.db.transaction(async (m) => {
      await m.update(UserEntity, { id: userId }, { displayName: profile.displayName.trim(), email: ssoEmail(profile.email) });
      // A DELETE answers [rows, count].
      const [, removed] = (await m.query(
        `DELETE FROM "group_members" WHERE "user_id" = $1 AND "group_id" = ANY($2::uuid[]) AND NOT ("group_id" = ANY($3::uuid[]))`,
        [userId, mappedGroupIds, groupIds],
      )) as [unknown[], number];
      const added: unknown[] = await m.query(
        `INSERT INTO "group_members" ("group_id", "user_id") SELECT g."id", $2 FROM "groups" g WHERE g."id" = ANY($1::uuid[])
         ON CONFLICT DO NOTHING RETURNING "group_id"`,
        [groupIds, userId],
      );
      if (removed) await this.assertAnAdministratorRemains(m);
      return removed + added.length > 0;
    });
    if (changed) this.events.emit(UserRightsChangedEvent.NAME, new UserRightsChangedEvent(userId, false));
    return (await this.findById(userId))!;
  }

  /** By name; only those of the scope's tenants when one is given. */
  async listGroups(scope?: TenantScope): Promise<GroupModel[]> {
    const [rows, names] = await Promise.all([
      this.groups.find({ where: scope ? { tenantId: In(scope.tenants) } : {}, relations: { members: true }, order: { name: 'ASC' } }),
      this.tenantNames(),
    ]);
    return rows.map((g) => toGroupModel(g, names));
  }

  /** The group; null also when not of the scope's tenants. */
  async findGroup(id: string, scope?: TenantScope): Promise<GroupModel | null> {
    if (!isUuid(id)) return null;
    const [row, names] = await Promise.all([this.groups.findOne({ where: { id }, relations: { members: true } }), this.tenantNames()]);
    return row && inScope(scope, row.tenantId) ? toGroupModel(row, names) : null;
  }

  private async tenantNames(): Promise<Map<string, string>> {
    return new Map((await this.tenants.list()).map((t) => [t.id, t.name]));
  }

  async saveGroup(id: string | null, input: GroupInput, scope?: TenantScope): Promise<GroupModel> {
    if (id && !(await this.findGroup(id, scope))) throw notFound('Group', id);
    const tenantId = id && !input.tenantId ? null : tenantFor(scope, input.tenantId, ROOT_TENANT_ID);
    const name = input.name.trim();
    if (name.length < 1 || name.length > 100) throw validationFailed('Name the group (1 to 100 characters).', { name: 'use 1 to 100 characters' });
    const unknown = input.roles.filter((r) => !isRole(r));
    if (unknown.length) {
      throw validationFailed(`Unknown role ${unknown.map((r) => `"${r}"`).join(', ')}: the roles are ${ROLES.join(', ')}.`, {
        roles: `unknown: ${unknown.join(', ')}`,
      });
    }
    if (input.tenantId) await this.tenants.assertExist([input.tenantId], 'tenantId');
    const saved = await this.db.transaction(async (m) => {
      if (await m.exists(GroupEntity, { where: id ? { name, id: Not(id) } : { name } })) {
        throw new AppError(ErrorCode.CONFLICT, `A group "${name}" already exists.`, { fields: { name: 'is taken' } });
      }
      let row = id ? await m.findOne(GroupEntity, { where: { id }, relations: { members: true } }) : m.create(GroupEntity, { members: [] });
      if (!row) throw notFound('Group', id!);
      row.name = name;
      row.description = (input.description ?? row.description ?? '').trim();
      row.roles = [...new Set(input.roles)] as Role[];
      row.tenantId = tenantId ?? row.tenantId ?? ROOT_TENANT_ID;
      if (input.memberIds) row.members = await this.existing(m, UserEntity, input.memberIds, 'User', 'memberIds', scope);
      row = await m.save(row);
      await this.assertAnAdministratorRemains(m);
      return row;
    });
    this.events.emit(UserRightsChangedEvent.NAME, new UserRightsChangedEvent(null, false));
    return (await this.findGroup(saved.id))!;
  }

  async deleteGroup(id: string, scope?: TenantScope): Promise<boolean> {
    if (!(await this.findGroup(id, scope))) throw notFound('Group', id);
    await this.db.transaction(async (m) => {
      const result = await m.delete(GroupEntity, { id });
      if (!result.affected) throw notFound('Group', id);
      await this.assertAnAdministratorRemains(m);
    });
    this.events.emit(UserRightsChangedEvent.NAME, new UserRightsChangedEvent(null, false));
    return true;
  }

  private async setGroups(m: EntityManager, userId: string, groupIds: string[], scope?: TenantScope): Promise<void> {
    const groups = await this.existing(m, GroupEntity, groupIds, 'Group', 'groupIds', scope);
    // Only memberships the caller administers are replaced.
    if (scope) {
      await m.query(`DELETE FROM "group_members" WHERE "user_id" = $1 AND "group_id" IN (SELECT "id" FROM "groups" WHERE "tenant_id" = ANY($2::uuid[]))`, [
        userId,
        scope.tenants,
      ]);
    } else {
      await m.query(`DELETE FROM "group_members" WHERE "user_id" = $1`, [userId]);
    }
    if (groups.length) {
      await m.query(`INSERT INTO "group_members" ("group_id", "user_id") SELECT unnest($1::uuid[]), $2`, [groups.map((g) => g.id), userId]);
    }
  }

  /** The rows of these ids (of the scope's tenants); VALIDATION_FAILED naming the field when one does not exist there. */
  private async existing<T extends UserEntity | GroupEntity>(
    m: EntityManager,
    entity: new () => T,
    ids: string[],
    what: string,
    field: string,
    scope?: TenantScope,
  ): Promise<T[]> {
    const unique = [...new Set(ids)];
    const bad = unique.find((i) => !isUuid(i));
    const rows = bad ? [] : await m.findBy(entity as new () => UserEntity | GroupEntity, { id: In(unique), ...(scope ? { tenantId: In(scope.tenants) } : {}) });
    if (bad !== undefined || rows.length !== unique.length) {
      const missing = bad ?? unique.find((i) => !rows.some((r) => r.id === i));
      throw validationFailed(`${what} ${missing} does not exist.`, { [field]: `${what.toLowerCase()} ${missing} does not exist` });
    }
    return rows as T[];
  }

  /** Refuses (and so rolls back) a change that would leave no enabled administrator of the root tenant. */
  private async assertAnAdministratorRemains(m: EntityManager): Promise<void> {
    // One such check at a time, each reading what the others committed: two administrators
    // disabling each other at once cannot both pass.
    await advisoryXactLock(m, 'users:last-administrator');
    const [{ n }]: { n: number }[] = await m.query(
      `SELECT count(*)::int AS n FROM "users" u
        WHERE NOT u."disabled" AND EXISTS (SELECT 1 FROM "group_members" gm JOIN "groups" g ON g."id" = gm."group_id"
                                           WHERE gm."user_id" = u."id" AND 'administrator' = ANY(g."roles") AND g."tenant_id" = $1)`,
      [ROOT_TENANT_ID],
    );
    if (n === 0) throw new AppError(ErrorCode.CONFLICT, 'This would leave no enabled administrator: make another user an administrator first.');
  }

  /**
   * Creates the admin user on first start: with ADMIN_PASSWORD, or with a generated
   * password stored in DATA_DIR/admin-password (mode 0600), and printed once with LOG_FORMAT=pretty. It joins the
   * group "Administrators" (made by the migration).
   */
  async ensureAdmin(): Promise<void> {
    if (await this.users.existsBy({ username: ADMIN_USERNAME })) return;
    let password = this.config.adminPassword;
    if (!password) {
      password = randomBytes(12).toString('base64url');
      await mkdir(this.config.dataDir, { recursive: true });
      const file = join(this.config.dataDir, 'admin-password');
      await writeFile(file, `${password}\n`, { mode: 0o600 });
      // Printed once, on purpose, to an operator at a terminal (LOG_FORMAT=pretty): how they learn the first
      // password. JSON logs go to collectors that keep them: there, the line says where the password is.
      if (this.config.logFormat === 'pretty') {
        process.stdout.write(`\n  Superfluid admin user created: username "admin", password "${password}"\n  (also stored in ${file})\n\n`);
      } else this.logger.warn({ file }, 'admin user created with a generated password: it is in this file (never in the log)');
    }
    const passwordHash = await argon2.hash(password);
    await this.users.createQueryBuilder().insert().values({ username: ADMIN_USERNAME, passwordHash }).orIgnore().execute();
    await this.db.query(
      `INSERT INTO "groups" ("name", "description", "roles") VALUES ($1, 'Everything, including users and groups.', ARRAY['administrator'])
       ON CONFLICT ("name") DO NOTHING`,
      [ADMINISTRATORS_GROUP],
    );
    await this.db.query(
      `INSERT INTO "group_members" ("group_id", "user_id")
       SELECT g."id", u."id" FROM "groups" g, "users" u WHERE g."name" = $1 AND u."username" = $2 ON CONFLICT DO NOTHING`,
      [ADMINISTRATORS_GROUP, ADMIN_USERNAME],
    );
    this.logger.log('admin user created');
  }
}

const cleanEmail = (email: string | undefined | null): string => {
  const value = (email ?? '').trim();
  if (value && !/^[^\s@]+@[^\s@]+$/.test(value)) throw validationFailed('That is not an e-mail address.', { email: 'is not an e-mail address' });
  return value;
};

/** What an identity provider says of a user at a single sign-on. */
export interface SsoProfile {
  username: string;
  displayName: string;
  email: string;
}

/** The provider's e-mail when it is one, else none (a sign-in is not refused for it). */
const ssoEmail = (email: string): string => (/^[^\s@]+@[^\s@]+$/.test(email.trim()) ? email.trim() : '');

const toModel = (u: UserRow): UserModel => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  email: u.email,
  disabled: u.disabled,
  mustChangePassword: u.mustChangePassword,
  roles: [...new Set(u.groups.flatMap((g) => g.roles))].sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b)),
  groups: u.groups.map((g) => ({ id: g.id, name: g.name, tenantId: g.tenantId })),
  tenant: { id: u.tenantId, name: u.tenantName },
  createdAt: u.createdAt,
  grants: u.groups.map((g) => ({ roles: g.roles, tenantId: g.tenantId })),
});

const toGroupModel = (g: GroupEntity, tenantNames: Map<string, string>): GroupModel => ({
  id: g.id,
  name: g.name,
  description: g.description,
  roles: g.roles,
  members: g.members.map((u) => ({ id: u.id, username: u.username })).sort((a, b) => a.username.localeCompare(b.username)),
  tenant: { id: g.tenantId, name: tenantNames.get(g.tenantId) ?? '' },
  createdAt: g.createdAt,
});
