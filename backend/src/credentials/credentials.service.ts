import { inScope, type TenantScope, tenantFor } from '../auth/auth.decorators.js';
import { ROOT_TENANT_ID } from '../tenants/tenants.service.js';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { describeReference, isForeignKeyViolation, referencesTo } from '../common/foreign-keys.js';
import { AppError, ErrorCode, isUuid, notFound, validationFailed } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { credentialEndpoint, gitHost, insecureUrl, normalizeGitHost } from './credential-endpoints.js';
import { checkValues, credentialType, credentialTypes, type CredentialType, type CredentialTypeName, type CredentialValues } from './credential-types.js';
import { CredentialEntity } from './credential.entity.js';
import type { CredentialModel, CredentialTypeModel } from './models/credential.model.js';
import { credentialAad, SecretBox, SecretBoxError } from './secret-box.js';

/**
 * Tells which things use a credential, e.g. `['git repo "site"']`. Other modules register
 * one (in their onModuleInit) so that credentials never read their tables.
 */

/** A credential with its secrets in clear: for runs, in-process only, never over the API. */
export interface RevealedCredential {
  id: string;
  name: string;
  type: CredentialTypeName;
  inputs: CredentialValues;
  secrets: CredentialValues;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const NAME_RULE = 'use 1 to 100 letters, digits, . _ or -, starting with a letter or digit';

/** A field's value as sent: text, or null (remove). Anything else has been refused already. */
type Sent = Record<string, string | null>;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function refuse(fields: Record<string, string>): never {
  const names = Object.keys(fields);
  throw validationFailed(`The credential is not valid — ${names.map((n) => `${n}: ${fields[n]}`).join('; ')}`, fields);
}

@Injectable()
export class CredentialsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(CredentialsService.name);

  constructor(
    @InjectRepository(CredentialEntity) private readonly credentials: Repository<CredentialEntity>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly box: SecretBox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Warns at start when stored secrets were encrypted with another key than this process's. */
  async onApplicationBootstrap(): Promise<void> {
    const rows: { key_id: string; n: number }[] = await this.db.query(
      `SELECT split_part(s.value, ':', 2) AS key_id, count(DISTINCT c.id)::int AS n
         FROM credentials c, jsonb_each_text(c.secrets) s GROUP BY 1`,
    );
    const foreign = rows.filter((r) => r.key_id !== this.box.key.id);
    if (foreign.length) {
      this.logger.error(
        `credentials encrypted with another key than this process's ${this.box.key.id} (${this.box.key.source}): ` +
          `${foreign.map((r) => `${r.n} with key ${r.key_id}`).join(', ')}. They cannot be used until the process gets the key ` +
          'they were encrypted with (SECRET_KEY or DATA_DIR/secret.key), or they are re-encrypted with "npm run rotate-key".',
      );
    }
  }

  types(): CredentialTypeModel[] {
    return credentialTypes().map((t) => ({
      name: t.name,
      label: t.label,
      description: t.description,
      fields: t.fields.map((f) => ({ ...f, help: f.help ?? null })),
    }));
  }

  /** By name; only those of the scope's tenants when one is given. */
  async list(type?: string | null, scope?: TenantScope): Promise<CredentialModel[]> {
    if (type && !credentialType(type)) refuse({ type: this.unknownType() });
    const rows = await this.credentials.find({
      where: { ...(type ? { type } : {}), ...(scope ? { tenantId: In(scope.tenants) } : {}) },
      order: { name: 'ASC' },
    });
    return rows.map((row) => this.toModel(row));
  }

  /** The credential; NOT_FOUND also when it is not of the scope's tenants (as if it did not exist). */
  async get(id: string, scope?: TenantScope): Promise<CredentialModel> {
    const row = await this.find(id);
    if (!inScope(scope, row.tenantId)) throw notFound('Credential', id);
    return this.toModel(row);
  }

  async create(
    input: { name: string; type: string; inputs?: unknown; secrets?: unknown; tenantId?: string | null },
    scope?: TenantScope,
  ): Promise<CredentialModel> {
    const tenantId = tenantFor(scope, input.tenantId, ROOT_TENANT_ID);
    const fields: Record<string, string> = {};
    if (!NAME.test(input.name)) fields.name = NAME_RULE;
    const type = credentialType(input.type);
    if (!type) fields.type = this.unknownType();
    const inputs = this.readSent(input.inputs, 'inputs', fields);
    const secrets = this.readSent(input.secrets, 'secrets', fields);
    if (!type || Object.keys(fields).length) refuse(fields);
    this.checkPlacement(type, inputs, secrets, fields);
    const values: CredentialValues = {};
    for (const [key, value] of Object.entries({ ...inputs, ...secrets })) {
      const prepared = value === null ? '' : this.prepare(type, key, value);
      if (prepared !== '') values[key] = prepared;
    }
    const checked = checkValues(type, values);
    if (!checked.ok) Object.assign(fields, checked.fields);
    else Object.assign(fields, this.endpointProblems(type.name, checked));
    if (Object.keys(fields).length || !checked.ok) refuse(fields);
    await this.assertNameFree(input.name);
    const id = randomUUID();
    const row = this.credentials.create({
      id,
      name: input.name,
      type: type.name,
      inputs: checked.inputs,
      secrets: this.encryptAll(id, checked.secrets),
      tenantId,
    });
    await this.insertOrRefuse(() => this.credentials.insert(row));
    this.logger.log(`credential "${input.name}" (${type.name}) created`);
    return this.get(id);
  }

  /**
   * Changes a credential. `inputs`, when given, replaces the non-secret fields; a secret left
   * out or given as "" keeps its stored value, null removes it. Validated whole, stored in one
   * statement: nothing is half-changed.
   */
  async update(id: string, input: { name?: string | null; inputs?: unknown; secrets?: unknown }, scope?: TenantScope): Promise<CredentialModel> {
    await this.db.transaction(async (tx) => {
      const row = isUuid(id) ? await tx.findOne(CredentialEntity, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!row || !inScope(scope, row.tenantId)) throw notFound('Credential', id);
      const type = this.typeOf(row);
      const fields: Record<string, string> = {};
      const name = input.name ?? row.name;
      if (!NAME.test(name)) fields.name = NAME_RULE;
      const inputs = input.inputs === undefined || input.inputs === null ? row.inputs : this.readSent(input.inputs, 'inputs', fields);
      const secrets = this.readSent(input.secrets, 'secrets', fields);
      if (Object.keys(fields).length) refuse(fields);
      this.checkPlacement(type, inputs, secrets, fields);
      if (Object.keys(fields).length) refuse(fields);

      const values: CredentialValues = {};
      for (const [key, value] of Object.entries(inputs)) {
        const prepared = value === null ? '' : this.prepare(type, key, value);
        if (prepared !== '') values[key] = prepared;
      }
      for (const key of Object.keys(row.secrets)) {
        const sent = secrets[key];
        if (sent === undefined || sent === '') values[key] = this.decryptField(row, key); // kept
      }
      for (const [key, value] of Object.entries(secrets)) {
        const prepared = value === null ? '' : this.prepare(type, key, value);
        if (prepared !== '') values[key] = prepared;
      }
      const checked = checkValues(type, values);
      if (!checked.ok) refuse(checked.fields);
      const endpoint = this.endpointProblems(type.name, checked);
      if (Object.keys(endpoint).length) refuse(endpoint);
      if (name !== row.name && (await tx.existsBy(CredentialEntity, { name }))) refuse({ name: 'is taken by another credential' });
      await this.insertOrRefuse(() => tx.update(CredentialEntity, row.id, { name, inputs: checked.inputs, secrets: this.encryptAll(row.id, checked.secrets) }));
    });
    return this.get(id);
  }

  /** Deletes a credential; refused (CONFLICT, with the list) while something uses it (the database's foreign keys say what). */
  async delete(id: string, scope?: TenantScope): Promise<boolean> {
    const row = await this.find(id);
    if (!inScope(scope, row.tenantId)) throw notFound('Credential', id);
    try {
      await this.credentials.delete(row.id);
    } catch (err) {
      if (!isForeignKeyViolation(err)) throw err;
      const users = (await referencesTo(this.db, 'credentials', 'id', row.id)).map(describeReference);
      throw new AppError(ErrorCode.CONFLICT, `Credential "${row.name}" is in use by ${users.join(', ') || 'another record'}: change them first.`, {
        usedBy: users,
      });
    }
    this.logger.log(`credential "${row.name}" deleted`);
    return true;
  }

  /**
   * The credential with its secrets decrypted, for a run to write into its files and
   * environment. In-process only: never expose it over the API, never log it.
   */
  async reveal(id: string): Promise<RevealedCredential> {
    const row = await this.find(id);
    const type = this.typeOf(row);
    const secrets: CredentialValues = {};
    for (const key of Object.keys(row.secrets)) secrets[key] = this.decryptField(row, key);
    return { id: row.id, name: row.name, type: type.name, inputs: { ...row.inputs }, secrets };
  }

  /**
   * The endpoint a credential is bound to (a Kubernetes API server, an OpenStack auth URL),
   * read in-process (a kubeconfig's or clouds.yaml's is inside the secret); only the URL leaves.
   */
  async endpointOf(id: string): Promise<string | undefined> {
    const revealed = await this.reveal(id);
    return credentialEndpoint(revealed);
  }

  /**
   * Why a git credential may not be used for `repoUrl`, or null: it is bound to another git
   * host, or a token would cross plain http where ALLOW_HTTP_CREDENTIAL_URLS forbids it.
   */
  async gitCredentialProblem(id: string, repoUrl: string): Promise<string | null> {
    const c = await this.get(id);
    if (c.type !== 'git_token' && c.type !== 'git_ssh_key') return null; // the repository checks the type
    const host = gitHost(repoUrl);
    if (!host) return 'a credential is only sent to a git server (https or ssh URL)';
    if (c.inputs.host && c.inputs.host !== host) {
      return `is bound to git host ${c.inputs.host}, and this repository is on ${host}: a credential is never sent to another server (use one made for ${host})`;
    }
    if (c.type === 'git_token') return insecureUrl(repoUrl, this.config.allowHttpCredentialUrls);
    return null;
  }

  /**
   * A git credential, in clear, for a fetch from `repoUrl`: refused (VALIDATION_FAILED on
   * credentialId) when it is bound elsewhere; bound to that URL's host on first use.
   */
  async revealForGit(id: string, repoUrl: string): Promise<RevealedCredential> {
    const problem = await this.gitCredentialProblem(id, repoUrl);
    if (problem) throw validationFailed(`The credential cannot be used here: it ${problem}.`, { credentialId: problem });
    const host = gitHost(repoUrl);
    const row = await this.find(id);
    if (host && !row.inputs.host && (row.type === 'git_token' || row.type === 'git_ssh_key')) {
      // Bound on first use, unless another repository bound it at the same moment.
      await this.credentials
        .createQueryBuilder()
        .update()
        .set({ inputs: () => `inputs || jsonb_build_object('host', CAST(:host AS text))` })
        .setParameter('host', host)
        .where("id = :id AND NOT (inputs ? 'host')", { id })
        .execute();
      const again = await this.gitCredentialProblem(id, repoUrl);
      if (again) throw validationFailed(`The credential cannot be used here: it ${again}.`, { credentialId: again });
      this.logger.log(`credential "${row.name}" bound to git host ${host}`);
    }
    return this.reveal(id);
  }

  /** Where a URL inside a credential would carry it over plain http against the policy, or a git host that is not one. */
  private endpointProblems(type: CredentialTypeName, checked: { inputs: CredentialValues; secrets: CredentialValues }): Record<string, string> {
    const fields: Record<string, string> = {};
    const policy = this.config.allowHttpCredentialUrls;
    if ((type === 'git_token' || type === 'git_ssh_key') && checked.inputs.host !== undefined) {
      const host = normalizeGitHost(checked.inputs.host);
      if (host) checked.inputs.host = host;
      else fields.host = 'must be a host name, with a port if not the default (git.example.com:8443)';
    }
    let endpoint: string | undefined;
    try {
      endpoint = credentialEndpoint({ type, ...checked });
    } catch {
      return fields; // the YAML was refused by the type's own check
    }
    const field =
      type === 'kubeconfig'
        ? 'kubeconfig'
        : type === 'openstack' && checked.secrets.clouds_yaml
          ? 'clouds_yaml'
          : type === 'openstack'
            ? 'auth_url'
            : 'api_url';
    const insecure = endpoint ? insecureUrl(endpoint, policy) : null;
    if (insecure) fields[field] = field === 'kubeconfig' || field === 'clouds_yaml' ? `its server URL ${insecure}` : insecure;
    return fields;
  }

  private async find(id: string): Promise<CredentialEntity> {
    const row = isUuid(id) ? await this.credentials.findOneBy({ id }) : null;
    if (!row) throw notFound('Credential', id);
    return row;
  }

  private typeOf(row: CredentialEntity): CredentialType {
    const type = credentialType(row.type);
    if (!type) throw new AppError(ErrorCode.UNAVAILABLE, `Credential "${row.name}" is of type ${row.type}, which this version does not know.`);
    return type;
  }

  /** Only the non-secret inputs the type declares, and the names of the secrets that are set. */
  private toModel(row: CredentialEntity): CredentialModel {
    const type = credentialType(row.type);
    const fields = type?.fields ?? [];
    const inputs: Record<string, string> = {};
    for (const f of fields) if (!f.secret && typeof row.inputs[f.name] === 'string') inputs[f.name] = row.inputs[f.name];
    return {
      id: row.id,
      name: row.name,
      type: row.type,
      inputs,
      secretFields: fields.filter((f) => f.secret && row.secrets[f.name] !== undefined).map((f) => f.name),
      tenantId: row.tenantId,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }

  private unknownType(): string {
    return `must be one of ${credentialTypes()
      .map((t) => t.name)
      .join(', ')}`;
  }

  /** `inputs` / `secrets` as sent: an object of text (or null) per field. */
  private readSent(raw: unknown, what: 'inputs' | 'secrets', fields: Record<string, string>): Sent {
    if (raw === undefined || raw === null) return {};
    if (!isObject(raw)) {
      fields[what] = 'must be an object of field names to text';
      return {};
    }
    const sent: Sent = {};
    for (const [key, value] of Object.entries(raw)) {
      if (typeof value === 'string' || value === null) sent[key] = value;
      else fields[key] = 'must be text';
    }
    return sent;
  }

  /** Secret fields go in `secrets`, the others in `inputs`; unknown fields are refused. */
  private checkPlacement(type: CredentialType, inputs: Sent, secrets: Sent, fields: Record<string, string>): void {
    const byName = new Map(type.fields.map((f) => [f.name, f]));
    for (const key of Object.keys(inputs)) {
      const field = byName.get(key);
      if (!field) fields[key] = `is not a field of ${type.name}`;
      else if (field.secret) fields[key] = 'is secret: send it in secrets, not inputs';
    }
    for (const key of Object.keys(secrets)) {
      const field = byName.get(key);
      if (!field) fields[key] = `is not a field of ${type.name}`;
      else if (!field.secret) fields[key] = 'is not secret: send it in inputs';
    }
  }

  /** Inputs are trimmed; a one-line secret loses the line break a paste may add. */
  private prepare(type: CredentialType, key: string, value: string): string {
    const field = type.fields.find((f) => f.name === key);
    if (!field || field.multiline) return field?.secret ? value : value.trim();
    return field.secret ? value.replace(/[\r\n]+$/, '') : value.trim();
  }

  private encryptAll(id: string, secrets: CredentialValues): Record<string, string> {
    return Object.fromEntries(Object.entries(secrets).map(([key, value]) => [key, this.box.encrypt(value, credentialAad(id, key))]));
  }

  private decryptField(row: CredentialEntity, key: string): string {
    try {
      return this.box.decrypt(row.secrets[key], credentialAad(row.id, key));
    } catch (err) {
      if (!(err instanceof SecretBoxError)) throw err;
      throw new AppError(ErrorCode.UNAVAILABLE, `The secret "${key}" of credential "${row.name}" cannot be decrypted: ${err.message}.`);
    }
  }

  private async assertNameFree(name: string): Promise<void> {
    if (await this.credentials.existsBy({ name })) refuse({ name: 'is taken by another credential' });
  }

  /** A unique-name race lost at the database is the same answer as the check before it. */
  private async insertOrRefuse(write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
    } catch (err) {
      if ((err as { driverError?: { code?: string } }).driverError?.code === '23505') refuse({ name: 'is taken by another credential' });
      throw err;
    }
  }
}
