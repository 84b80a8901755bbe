import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Webhook } from 'standardwebhooks';
import type { DataSource } from 'typeorm';
import type { TenantScope } from '../auth/auth.decorators.js';
import { AppError, ErrorCode, isUuid, notFound } from '../common/app-error.js';
import { EntityRows } from '../common/entity-rows.js';
import { MailService } from '../mail/mail.service.js';
import { UsersService } from '../users/users.service.js';
import { type NotificationDeliveryEntity, NotificationDeliveryEntity as DeliveryRow, type NotificationEntity } from './notification.entities.js';
import { NotificationsService } from './notifications.service.js';
import { WebhookEndpointsService } from './webhook-endpoints.service.js';
import { guardedLookup } from './webhook-url.js';

/** Seconds to wait before each next try: the 2nd try after 1 s, the 3rd after 2 s more, ... */
export const RETRY_DELAYS_S = [1, 2, 5, 15, 60, 300, 900];
/** Tries in all, the first included; then the delivery is failed (it can be re-sent by hand). */
export const MAX_ATTEMPTS = RETRY_DELAYS_S.length + 1;
/** A try claims its delivery for this long: the sweep queues it again only after (a worker died mid-try). */
const CLAIM_S = 60;
const WEBHOOK_TIMEOUT_MS = 10_000;

/** A delivery that could not be made this time, with the HTTP status when there was one. */
class DeliveryError extends Error {
  constructor(
    message: string,
    readonly responseCode: number | null = null,
    readonly final = false,
  ) {
    super(message);
  }
}

/** The body a webhook receives (and an e-mail tells): the event, when, and what it is about. */
export const webhookBody = (n: NotificationEntity) => ({
  type: n.eventType,
  timestamp: n.createdAt.toISOString(),
  data: { title: n.title, ...n.payload },
});

/**
 * Sends e-mail and webhook deliveries, one queue job per try: a try claims the delivery, sends it,
 * and records the outcome — delivered, or a later try queued with back-off, or failed after
 * MAX_ATTEMPTS. Webhooks are signed in the Standard Webhooks scheme (`webhook-id`,
 * `webhook-timestamp`, `webhook-signature`: HMAC-SHA256 over id, timestamp and body with the
 * endpoint's secret). The sweep queues again what a lost queue job or a dead worker left pending.
 */
@Injectable()
export class DeliveriesService {
  private readonly logger = new Logger(DeliveriesService.name);
  private readonly rows: EntityRows<NotificationDeliveryEntity>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: NotificationsService,
    private readonly endpoints: WebhookEndpointsService,
    private readonly users: UsersService,
    private readonly mail: MailService,
  ) {
    this.rows = new EntityRows(db, DeliveryRow);
  }

  /** One try of a delivery (the queue's DELIVER_NOTIFICATION). */
  async deliver(id: string): Promise<void> {
    const [claimed] = (await this.db.query(
      `WITH u AS (UPDATE notification_deliveries SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => $2)
       WHERE id = $1 AND status = 'pending' AND next_attempt_at <= now() + interval '2 seconds' RETURNING id) SELECT id FROM u`,
      [id, CLAIM_S],
    )) as { id: string }[];
    if (!claimed) return; // delivered, failed, or not due (another try holds it)
    const delivery = (await this.rows.findOne('id = $1', [id]))!;
    const notification = (await this.notifications.byIds([delivery.notificationId])).get(delivery.notificationId);
    try {
      if (!notification) throw new DeliveryError('the notification is gone', null, true);
      const code = delivery.channel === 'webhook' ? await this.sendWebhook(delivery, notification) : await this.sendEmail(delivery, notification);
      await this.db.query(
        `UPDATE notification_deliveries SET status = 'delivered', delivered_at = now(), response_code = $2, last_error = NULL, next_attempt_at = NULL WHERE id = $1`,
        [id, code],
      );
    } catch (err) {
      const e = err instanceof DeliveryError ? err : new DeliveryError((err as Error).message);
      const last = e.final || delivery.attempts >= MAX_ATTEMPTS;
      const delay = RETRY_DELAYS_S[Math.min(delivery.attempts - 1, RETRY_DELAYS_S.length - 1)];
      await this.db.query(
        `UPDATE notification_deliveries SET status = $2, response_code = $3, last_error = $4,
           next_attempt_at = CASE WHEN $2 = 'pending' THEN now() + make_interval(secs => $5) END WHERE id = $1`,
        [id, last ? 'failed' : 'pending', e.responseCode, e.message.slice(0, 1000), delay],
      );
      this.logger.warn(
        `delivery ${id} (${delivery.channel}) try ${delivery.attempts} failed: ${e.message}${last ? ' — given up' : `; next try in ${delay} s`}`,
      );
      if (!last) await this.notifications.enqueue(id, delivery.attempts, delay * 1000);
    }
  }

  private async sendWebhook(delivery: NotificationDeliveryEntity, notification: NotificationEntity): Promise<number> {
    const target = delivery.endpointId ? await this.endpoints.target(delivery.endpointId) : null;
    if (!target) throw new DeliveryError('the endpoint is gone or disabled', null, true);
    // Checked at each try: a host name may resolve somewhere else than when the endpoint was saved.
    const problem = await this.endpoints.urlProblem(target.url);
    if (problem) throw new DeliveryError(`the URL ${problem}`, null, true);
    const body = JSON.stringify(webhookBody(notification));
    const now = new Date();
    const signature = new Webhook(target.secret).sign(delivery.id, now, body);
    const url = new URL(target.url);
    const status = await new Promise<number>((resolve, reject) => {
      // The address is checked as the connection is made (guardedLookup); redirects are not followed.
      const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
        url,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'user-agent': 'Superfluid-Webhooks/1',
            'webhook-id': delivery.id,
            'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
            'webhook-signature': signature,
          },
          lookup: guardedLookup(this.endpoints.allowLoopback),
          timeout: WEBHOOK_TIMEOUT_MS,
        },
        (res) => {
          res.resume(); // the body is not read
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s`)));
      req.on('error', reject);
      req.end(body);
    }).catch((err: Error & { code?: string }) => {
      throw new DeliveryError(`the receiver did not answer: ${err.message}`, null, err.code === 'EFORBIDDEN');
    });
    if (status < 200 || status >= 300) throw new DeliveryError(`the receiver answered HTTP ${status}`, status);
    return status;
  }

  private async sendEmail(delivery: NotificationDeliveryEntity, notification: NotificationEntity): Promise<null> {
    if (!this.mail.configured) throw new DeliveryError('no SMTP server is configured (SMTP_URL)', null, true);
    const user = delivery.userId ? await this.users.findById(delivery.userId) : null;
    if (!user?.email) throw new DeliveryError('the subscriber has no e-mail address', null, true);
    const sent = await this.mail.send({
      to: user.email,
      subject: notification.title,
      text: `${notification.title}\n\nEvent: ${notification.eventType}\nWhen: ${notification.createdAt.toISOString()}\n\n${JSON.stringify(notification.payload, null, 2)}\n`,
    });
    if (!sent) throw new DeliveryError('the SMTP server refused the message or did not answer');
    return null;
  }

  /** Queues again the pending deliveries whose try is overdue (its queue job lost, or its worker died). */
  async sweep(): Promise<number> {
    const rows = (await this.db.query(
      `SELECT id, attempts FROM notification_deliveries WHERE status = 'pending' AND next_attempt_at < now() - interval '5 seconds' ORDER BY next_attempt_at LIMIT 500`,
    )) as { id: string; attempts: number }[];
    for (const r of rows) await this.notifications.enqueue(r.id, r.attempts, 0, 'sweep');
    return rows.length;
  }

  /** The deliveries to an endpoint the scope may see, newest first. */
  async forEndpoint(endpointId: string, scope: TenantScope, skip: number, take: number): Promise<NotificationDeliveryEntity[]> {
    await this.endpoints.get(endpointId, scope);
    return this.rows.find('endpoint_id = $1', [endpointId, Math.max(skip, 0), Math.min(Math.max(take, 1), 200)], 'created_at DESC, id DESC OFFSET $2 LIMIT $3');
  }

  /** Sends a webhook delivery again (another try, whatever its status), now. */
  async resend(id: string, scope: TenantScope): Promise<NotificationDeliveryEntity> {
    const delivery = isUuid(id) ? await this.rows.findOne(`id = $1 AND channel = 'webhook'`, [id]) : null;
    if (!delivery || !delivery.endpointId) throw notFound('Delivery', id);
    await this.endpoints.get(delivery.endpointId, scope).catch(() => {
      throw notFound('Delivery', id);
    });
    if (delivery.status === 'pending' && delivery.attempts === 0)
      throw new AppError(ErrorCode.CONFLICT, 'This delivery has not been tried yet: it is on its way.');
    await this.db.query(`UPDATE notification_deliveries SET status = 'pending', next_attempt_at = now() WHERE id = $1`, [id]);
    await this.notifications.enqueue(id, delivery.attempts, 0, 'resend');
    return (await this.rows.findOne('id = $1', [id]))!;
  }
}
