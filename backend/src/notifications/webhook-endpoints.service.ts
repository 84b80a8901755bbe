import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type TenantScope, tenantFor } from '../auth/auth.decorators.js';
import { AppError, ErrorCode, isUuid, notFound, validationFailed } from '../common/app-error.js';
import { EntityRows } from '../common/entity-rows.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { endpointSecretAad, SecretBox } from '../credentials/secret-box.js';
import { ROOT_TENANT_ID } from '../tenants/tenants.service.js';
import { WebhookEndpointEntity } from './notification.entities.js';
import { webhookUrlProblem } from './webhook-url.js';

/** A new signing secret in the Standard Webhooks form: `whsec_` and 24 random bytes in base64. */
const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

/**
 * Where signed webhooks go. An endpoint belongs to a tenant; its secret is made by the portal,
 * sealed with the portal's key, and shown once — in the answer that made or rotated it.
 */
@Injectable()
export class WebhookEndpointsService {
  private readonly rows: EntityRows<WebhookEndpointEntity>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly box: SecretBox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.rows = new EntityRows(db, WebhookEndpointEntity);
  }

  list(scope: TenantScope): Promise<WebhookEndpointEntity[]> {
    return this.rows.find('tenant_id = ANY($1::uuid[])', [scope.tenants], 'name');
  }

  /** NOT_FOUND also for an endpoint of a tenant outside the scope. */
  async get(id: string, scope?: TenantScope): Promise<WebhookEndpointEntity> {
    const endpoint = isUuid(id) ? await this.rows.findOne('id = $1', [id]) : null;
    if (!endpoint || (scope && !scope.tenants.includes(endpoint.tenantId))) throw notFound('Webhook endpoint', id);
    return endpoint;
  }

  async create(
    input: { name: string; url: string; tenantId?: string | null },
    scope: TenantScope,
  ): Promise<{ endpoint: WebhookEndpointEntity; secret: string }> {
    const name = input.name.trim();
    if (!name || name.length > 100) throw validationFailed('Give the endpoint a name of 1 to 100 characters.', { name: 'is 1 to 100 characters' });
    await this.assertUrl(input.url);
    const tenantId = tenantFor(scope, input.tenantId, ROOT_TENANT_ID);
    const id = randomUUID();
    const secret = newSecret();
    try {
      await this.db.query(`INSERT INTO webhook_endpoints (id, tenant_id, name, url, secret) VALUES ($1, $2, $3, $4, $5)`, [
        id,
        tenantId,
        name,
        input.url,
        this.box.encrypt(secret, endpointSecretAad(id)),
      ]);
    } catch (err) {
      if ((err as { driverError?: { code?: string } }).driverError?.code === '23505')
        throw new AppError(ErrorCode.CONFLICT, `The tenant has an endpoint named "${name}" already.`, { fields: { name: 'is taken in this tenant' } });
      throw err;
    }
    return { endpoint: await this.get(id), secret };
  }

  async update(id: string, input: { url?: string | null; enabled?: boolean | null }, scope: TenantScope): Promise<WebhookEndpointEntity> {
    await this.get(id, scope);
    if (input.url != null) await this.assertUrl(input.url);
    await this.db.query(`UPDATE webhook_endpoints SET url = COALESCE($2, url), enabled = COALESCE($3, enabled) WHERE id = $1`, [
      id,
      input.url ?? null,
      input.enabled ?? null,
    ]);
    return this.get(id);
  }

  /** A new secret, replacing the old one at once; shown in this answer only. */
  async rotate(id: string, scope: TenantScope): Promise<{ endpoint: WebhookEndpointEntity; secret: string }> {
    await this.get(id, scope);
    const secret = newSecret();
    await this.db.query(`UPDATE webhook_endpoints SET secret = $2, secret_rotated_at = now() WHERE id = $1`, [
      id,
      this.box.encrypt(secret, endpointSecretAad(id)),
    ]);
    return { endpoint: await this.get(id), secret };
  }

  /** Deletes the endpoint, its subscriptions and its delivery log. */
  async delete(id: string, scope: TenantScope): Promise<void> {
    await this.get(id, scope);
    await this.db.query(`DELETE FROM webhook_endpoints WHERE id = $1`, [id]);
  }

  /** The endpoint's URL and secret, to send a delivery; null when it is gone or disabled. */
  async target(id: string): Promise<{ url: string; secret: string } | null> {
    const [row] = (await this.db.query(`SELECT url, secret FROM webhook_endpoints WHERE id = $1 AND enabled`, [id])) as { url: string; secret: string }[];
    return row ? { url: row.url, secret: this.box.decrypt(row.secret, endpointSecretAad(id)) } : null;
  }

  /** VALIDATION_FAILED on `url` when webhooks may not call it. */
  async assertUrl(url: string): Promise<void> {
    const problem = await webhookUrlProblem(url, this.config.webhookAllowLoopback);
    if (problem) throw validationFailed(`The URL ${problem}.`, { url: problem });
  }

  /** Webhooks may reach loopback addresses (WEBHOOK_ALLOW_LOOPBACK). */
  get allowLoopback(): boolean {
    return this.config.webhookAllowLoopback;
  }

  /** Why the URL may not be called now (checked again at each delivery: a name may resolve elsewhere later). */
  urlProblem(url: string): Promise<string | null> {
    return webhookUrlProblem(url, this.config.webhookAllowLoopback);
  }
}
