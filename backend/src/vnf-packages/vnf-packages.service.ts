import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Not, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { TenantScope } from '../auth/auth.decorators.js';
import { AppError, ErrorCode, isUuid, notFound } from '../common/app-error.js';
import { GitRepoPackagesEvent } from '../git-repos/git-repo.events.js';
import { GitReposService } from '../git-repos/git-repos.service.js';
import { VnfArtifactContentModel, VnfPackageModel, VnfPackageStateEnum } from './models/vnf-package.model.js';
import { DESCRIPTOR, discoverPackages, packageFolders } from './vnf-package-discovery.js';
import { type VnfPackageChange, VnfPackageChangedEvent, VnfPackageUsageQuery, type VnfPackageUser } from './vnf-package.events.js';
import { VnfPackageEntity } from './vnf-package.entity.js';
import type { Vnfd } from './vnfd.schema.js';

/** An artifact larger than this is fetched with the whole package (the zip), not through GraphQL. */
export const MAX_ARTIFACT_BYTES = 16 * 1024 * 1024;

export interface VnfPackageFilter {
  state?: VnfPackageStateEnum | null;
  repoId?: string | null;
}

const nameOf = (path: string) => path.split('/').pop() ?? path;

/**
 * What uses a package, as `scope` may be told: by name when it is of the scope's tenants (all
 * of them without a scope), the others counted, as "2 uses in other tenants".
 */
export function namedFor(users: VnfPackageUser[], scope: TenantScope | undefined): string[] {
  const seen = scope ? users.filter((u) => scope.tenants.includes(u.tenantId)) : users;
  const others = users.length - seen.length;
  // Sorted: the users answer side by side (emitAsync), in whatever order their queries end.
  return [...seen.map((u) => u.what).sort(), ...(others ? [`${others} ${others === 1 ? 'use' : 'uses'} in other tenants`] : [])];
}
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
/** Text when the bytes are UTF-8 without NUL bytes; base64 otherwise. */
const isText = (data: Buffer) => !data.includes(0) && Buffer.from(data.toString('utf8'), 'utf8').equals(data);

/**
 * VNF packages (seed 4.7.1 table 4): on-boarded from the repositories' vnf-packages/ folders at
 * each refresh, enabled, disabled, deleted (pending while in use, and the deletion aborted),
 * queried, fetched whole or per artifact.
 *
 * A deleted package keeps its row (deleted_at and the hash of its content): a refresh finding the
 * same content leaves it deleted; changed content is on-boarded again. A package gone from its
 * repository goes; one that became invalid keeps its last valid version (at its commit).
 */
@Injectable()
export class VnfPackagesService {
  private readonly logger = new Logger(VnfPackagesService.name);

  constructor(
    @InjectRepository(VnfPackageEntity) private readonly packages: Repository<VnfPackageEntity>,
    private readonly repos: GitReposService,
    private readonly events: EventEmitter2,
  ) {}

  /** A repository was refreshed: on-board its valid packages; its invalid ones are the refresh's problems. */
  @OnEvent(GitRepoPackagesEvent.NAME, { suppressErrors: false })
  async onRepoPackages(event: GitRepoPackagesEvent): Promise<void> {
    const found = await discoverPackages(event.files, event.read);
    event.problems.push(...found.problems);
    const present = new Set([...packageFolders(event.files).keys()].map((name) => `vnf-packages/${name}`));
    const rows = new Map((await this.packages.findBy({ repoId: event.repoId })).map((r) => [r.path, r]));
    const changes: [VnfPackageEntity, VnfPackageChange][] = [];
    for (const pkg of found.packages) {
      const before = rows.get(pkg.path);
      const fields = {
        repoId: event.repoId,
        tenantId: event.tenantId,
        path: pkg.path,
        vnfdId: pkg.vnfd.vnfdId,
        provider: pkg.vnfd.vnfProvider,
        productName: pkg.vnfd.vnfProductName,
        softwareVersion: pkg.vnfd.vnfSoftwareVersion,
        vnfdVersion: pkg.vnfd.vnfdVersion,
        descriptor: pkg.vnfd,
        artifacts: pkg.artifacts,
        contentHash: pkg.contentHash,
        commit: event.commit,
      };
      // The descriptor's open index signature is beyond TypeORM's partial types.
      const patch = (extra: Partial<VnfPackageEntity>) => ({ ...fields, ...extra }) as QueryDeepPartialEntity<VnfPackageEntity>;
      if (!before) {
        const saved = await this.packages.save(this.packages.create({ ...fields, operationalState: 'enabled', deletionState: null, deletedAt: null }));
        changes.push([saved, 'onboarded']);
      } else if (before.deletedAt) {
        // Deleted: only new content comes back (as a new on-boarding).
        if (before.contentHash === pkg.contentHash) continue;
        const now = new Date();
        await this.packages.update(before.id, patch({ operationalState: 'enabled', deletionState: null, deletedAt: null, createdAt: now, updatedAt: now }));
        changes.push([{ ...before, ...fields }, 'onboarded']);
      } else {
        const changed = before.contentHash !== pkg.contentHash;
        await this.packages.update(before.id, patch(changed ? { updatedAt: new Date() } : {}));
        if (changed) changes.push([{ ...before, ...fields }, 'onboarded']);
      }
    }
    // Gone from the repository: gone from the portal (an invalid one keeps its last valid version).
    const gone = [...rows.values()].filter((r) => !present.has(r.path));
    if (gone.length) await this.packages.delete(gone.map((r) => r.id));
    for (const r of gone) if (!r.deletedAt) changes.push([r, 'deleted']);
    for (const [row, change] of changes) this.announce(row, change);
    if (found.packages.length || gone.length) this.logger.log(`${event.repoName}: ${found.packages.length} VNF packages at ${event.commit.slice(0, 12)}`);
  }

  async list(scope: TenantScope | undefined, filter: VnfPackageFilter = {}): Promise<VnfPackageModel[]> {
    await this.settlePendingDeletions();
    const query = this.packages.createQueryBuilder('p').where('p.deleted_at IS NULL').orderBy('p.path', 'ASC');
    if (scope) query.andWhere('p.tenant_id = ANY(:tenants)', { tenants: scope.tenants });
    if (filter.repoId) {
      if (!isUuid(filter.repoId)) throw notFound('Git repository', filter.repoId);
      query.andWhere('p.repo_id = :repoId', { repoId: filter.repoId });
    }
    if (filter.state === VnfPackageStateEnum.enabled || filter.state === VnfPackageStateEnum.disabled) {
      query.andWhere('p.operational_state = :state', { state: filter.state });
    }
    if (filter.state === VnfPackageStateEnum.deletion_pending) query.andWhere("p.deletion_state = 'pending'");
    const models = await this.toModels(await query.getMany(), scope);
    return filter.state === VnfPackageStateEnum.in_use ? models.filter((m) => m.usageState === 'in_use') : models;
  }

  /** NOT_FOUND also for a package the scope may not see. */
  async get(id: string, scope?: TenantScope): Promise<VnfPackageModel> {
    await this.settlePendingDeletions();
    return (await this.toModels([await this.entity(id, scope)], scope))[0];
  }

  /**
   * The descriptor of a package the caller was given (its fields resolve on a model already
   * checked): also of one just deleted, as deleteVnfPackage answers it.
   */
  async descriptor(id: string): Promise<VnfPackageEntity['descriptor']> {
    const row = isUuid(id) ? await this.packages.findOne({ where: { id }, select: { id: true, descriptor: true } }) : null;
    if (!row) throw notFound('VNF package', id);
    return row.descriptor;
  }

  async setEnabled(id: string, enabled: boolean, scope?: TenantScope): Promise<VnfPackageModel> {
    const row = await this.entity(id, scope);
    if (row.deletionState === 'pending') {
      throw new AppError(ErrorCode.CONFLICT, `VNF package "${nameOf(row.path)}" is waiting to be deleted: abort the deletion first.`);
    }
    const state = enabled ? 'enabled' : 'disabled';
    if (row.operationalState !== state) {
      await this.packages.update(row.id, { operationalState: state, updatedAt: new Date() });
      this.announce(row, state);
    }
    return this.get(row.id, scope);
  }

  /**
   * Deletes a disabled package (CONFLICT for an enabled one). One in use is not deleted: its
   * deletion waits (deletionState pending) until nothing uses it, or until it is aborted.
   */
  async delete(id: string, scope?: TenantScope): Promise<VnfPackageModel> {
    const row = await this.entity(id, scope);
    const name = nameOf(row.path);
    if (row.operationalState !== 'disabled') throw new AppError(ErrorCode.CONFLICT, `VNF package "${name}" is enabled: disable it before deleting it.`);
    if (row.deletionState === 'pending') throw new AppError(ErrorCode.CONFLICT, `VNF package "${name}" is already waiting to be deleted.`);
    const usedBy = await this.usedBy(row);
    if (usedBy.length) {
      await this.packages.update(row.id, { deletionState: 'pending', updatedAt: new Date() });
      this.announce(row, 'deletion_pending');
      return this.get(row.id, scope);
    }
    const deletedAt = new Date();
    await this.packages.update(row.id, { deletedAt, updatedAt: deletedAt });
    this.announce(row, 'deleted');
    return { ...(await this.toModels([row], scope))[0], deleted: true };
  }

  /** Aborts a pending deletion: the package stays, disabled. CONFLICT when no deletion is pending. */
  async abortDeletion(id: string, scope?: TenantScope): Promise<VnfPackageModel> {
    const row = await this.entity(id, scope);
    if (row.deletionState !== 'pending') throw new AppError(ErrorCode.CONFLICT, `VNF package "${nameOf(row.path)}" has no deletion to abort.`);
    await this.packages.update(row.id, { deletionState: null, updatedAt: new Date() });
    this.announce(row, 'deletion_aborted');
    return this.get(row.id, scope);
  }

  /** One file of the package (its descriptor, or an artifact listed), read at the package's commit. */
  async artifact(id: string, path: string, scope?: TenantScope): Promise<VnfArtifactContentModel> {
    const row = await this.entity(id, scope);
    const listed = path === DESCRIPTOR || row.artifacts.some((a) => a.path === path);
    if (!listed) throw new AppError(ErrorCode.NOT_FOUND, `VNF package "${nameOf(row.path)}" has no file ${JSON.stringify(path)}.`);
    const size = row.artifacts.find((a) => a.path === path)?.size ?? 0;
    if (size > MAX_ARTIFACT_BYTES) {
      throw new AppError(
        ErrorCode.VALIDATION_FAILED,
        `${path} holds ${size} bytes, more than the ${MAX_ARTIFACT_BYTES} bytes fetched this way: download the package instead.`,
      );
    }
    const full = `${row.path}/${path}`;
    const data = (await this.repos.readFiles(row.repoId, row.commit, [full])).get(full);
    if (!data) throw new AppError(ErrorCode.UNAVAILABLE, `${full} could not be read at commit ${row.commit.slice(0, 12)}: refresh the repository.`);
    const text = isText(data);
    return { path, size: data.length, sha256: sha256(data), encoding: text ? 'utf8' : 'base64', content: data.toString(text ? 'utf8' : 'base64') };
  }

  /** The whole package as a zip (its folder at its commit, under <name>/). */
  async archive(id: string, scope?: TenantScope): Promise<{ name: string; zip: Buffer }> {
    const row = await this.entity(id, scope);
    const name = nameOf(row.path);
    return { name, zip: await this.repos.archiveFolder(row.repoId, row.commit, row.path, name) };
  }

  private async entity(id: string, scope?: TenantScope): Promise<VnfPackageEntity> {
    const row = isUuid(id) ? await this.packages.findOneBy({ id, deletedAt: IsNull() }) : null;
    if (!row || (scope && !scope.tenants.includes(row.tenantId))) throw notFound('VNF package', id);
    return row;
  }

  /**
   * A package a catalog item deploys from repository `repoId` (its folder vnf-packages/<name>),
   * at order time: UNAVAILABLE when the repository has no such package on-boarded, CONFLICT when
   * it is disabled or waiting to be deleted — a plain message the orderer reads.
   */
  async deployable(repoId: string, name: string): Promise<{ path: string; descriptor: Vnfd }> {
    const row = await this.packages.findOneBy({ repoId, path: `vnf-packages/${name}`, deletedAt: IsNull() });
    if (!row) {
      throw new AppError(
        ErrorCode.UNAVAILABLE,
        `VNF package "${name}" is not on-boarded from this catalog item's repository: refresh the repository, or fix the catalog item.`,
      );
    }
    if (row.deletionState === 'pending') throw new AppError(ErrorCode.CONFLICT, `VNF package "${name}" is waiting to be deleted: it cannot be ordered.`);
    if (row.operationalState !== 'enabled') {
      throw new AppError(ErrorCode.CONFLICT, `VNF package "${name}" is disabled: it cannot be ordered until an operator enables it again.`);
    }
    return { path: row.path, descriptor: row.descriptor };
  }

  /** What uses the package, as its users answer (VnfPackageUsageQuery). */
  private async usedBy(row: VnfPackageEntity, repoName?: string): Promise<VnfPackageUser[]> {
    const repo = repoName ?? (await this.repos.list()).find((r) => r.id === row.repoId)?.name ?? '';
    const query = new VnfPackageUsageQuery(row.id, row.vnfdId, nameOf(row.path), repo);
    await this.events.emitAsync(VnfPackageUsageQuery.NAME, query);
    return query.usedBy;
  }

  /** Pending deletions of packages nothing uses any more are carried out. */
  private async settlePendingDeletions(): Promise<void> {
    for (const row of await this.packages.findBy({ deletionState: Not(IsNull()), deletedAt: IsNull() })) {
      if ((await this.usedBy(row)).length) continue;
      const deletedAt = new Date();
      // Two readers may settle the same package at once: the one whose update took it announces it.
      const done = await this.packages.update(
        { id: row.id, deletionState: 'pending', deletedAt: IsNull() },
        { deletedAt, deletionState: null, updatedAt: deletedAt },
      );
      if (done.affected) this.announce(row, 'deleted');
    }
  }

  /** As `scope` may see them: what uses a package is named when it is of the scope's tenants, and counted otherwise. */
  private async toModels(rows: VnfPackageEntity[], scope: TenantScope | undefined): Promise<VnfPackageModel[]> {
    const repoNames = new Map((await this.repos.list()).map((r) => [r.id, r.name]));
    return Promise.all(
      rows.map(async (r) => {
        const usedBy = await this.usedBy(r, repoNames.get(r.repoId) ?? '');
        return {
          id: r.id,
          name: nameOf(r.path),
          repoId: r.repoId,
          repoName: repoNames.get(r.repoId) ?? '',
          path: r.path,
          vnfdId: r.vnfdId,
          provider: r.provider,
          productName: r.productName,
          softwareVersion: r.softwareVersion,
          vnfdVersion: r.vnfdVersion,
          commit: r.commit,
          onboardingState: r.onboardingState,
          operationalState: r.operationalState,
          usageState: usedBy.length ? 'in_use' : 'not_in_use',
          usedBy: namedFor(usedBy, scope),
          deletionState: r.deletionState,
          deleted: r.deletedAt !== null,
          artifacts: r.artifacts,
          createdAt: r.createdAt,
          updatedAt: r.updatedAt,
        };
      }),
    );
  }

  private announce(row: Pick<VnfPackageEntity, 'id' | 'path' | 'tenantId'>, change: VnfPackageChange): void {
    this.events.emit(VnfPackageChangedEvent.NAME, new VnfPackageChangedEvent(row.id, nameOf(row.path), row.tenantId, change));
  }
}
