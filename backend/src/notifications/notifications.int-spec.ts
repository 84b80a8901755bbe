import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { newEnv, providerIdByName, requestEnded, startTestApp, type TestApp, waitFor } from '../testing/harness.js';
import { startSmtpServer, type TestSmtpServer } from '../testing/smtp-server.js';

/** A real webhook receiver: an HTTP server that records each call and answers the status its script says. */
class Receiver {
  readonly calls: { headers: IncomingHttpHeaders; body: string; verified: boolean; answered: number }[] = [];
  /** The statuses to answer, in turn; after the last, the last again. */
  script: number[] = [200];
  secret = '';
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        let verified = false;
        try {
          new Webhook(this.secret).verify(body, req.headers as Record<string, string>);
          verified = true;
        } catch {
          verified = false;
        }
        const answered = this.script[Math.min(this.calls.length, this.script.length - 1)];
        this.calls.push({ headers: req.headers, body, verified, answered });
        res.writeHead(answered, { 'content-type': 'text/plain' }).end(answered === 200 ? 'ok' : 'not now');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

interface Delivery {
  id: string;
  eventType: string;
  status: string;
  attempts: number;
  responseCode: number | null;
  lastError: string | null;
}

/**
 * Alarms and notifications on real parts: PostgreSQL, Redis, ansible-playbook, a real SMTP server
 * (aiosmtpd) and a real HTTP receiver that verifies the Standard Webhooks signature.
 */
describe('alarms and notifications: a failed order raises an alarm, e-mails its requester and posts a signed webhook, retried until it lands', () => {
  let app: TestApp;
  let smtp: TestSmtpServer;
  const receiver = new Receiver();
  let receiverUrl: string;
  let endpointId: string;
  let failingItem: string;

  async function ok<T>(query: string, variables: Record<string, unknown> = {}, token?: string | null): Promise<T> {
    const r = await app.gql<T>(query, variables, token);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return r.data!;
  }

  before(async () => {
    smtp = await startSmtpServer();
    receiverUrl = await receiver.start();
    app = await startTestApp(await newEnv(), { SMTP_URL: smtp.url, SMTP_FROM: 'portal@example.test', WEBHOOK_ALLOW_LOOPBACK: 'true' });
    const me = await ok<{ me: { id: string } }>('{ me { id } }');
    await ok('mutation($id: ID!) { updateUser(id: $id, input: { email: "admin@example.test" }) { id } }', { id: me.me.id });
    await ok('mutation($d: JSON!) { saveDialog(definition: $d) { id } }', {
      d: { name: 'why', label: 'Why', tabs: [{ label: 'T', boxes: [{ label: 'B', fields: [{ name: 'why', label: 'Why', type: 'text' }] }] }] },
    });
    const local = await providerIdByName(app);
    failingItem = (
      await ok<{ saveServiceTemplate: { id: string } }>('mutation($i: ServiceTemplateInput!) { saveServiceTemplate(input: $i) { id } }', {
        i: {
          definition: {
            name: 'Always fails',
            type: 'ansible_playbook',
            dialog: 'why',
            provision: { repo: 'playbooks', playbook: 'fail.yml', provider: local },
          },
        },
      })
    ).saveServiceTemplate.id;
  });
  after(async () => {
    await app?.stop();
    await smtp?.stop();
    await receiver.stop();
  });

  test('an endpoint’s URL is checked and its secret is shown once, in the Standard Webhooks form', async () => {
    for (const url of ['ftp://example.com/x', 'http://169.254.169.254/latest/meta-data', 'not a url']) {
      const r = await app.gql('mutation($i: WebhookEndpointInput!) { createWebhookEndpoint(input: $i) { secret } }', { i: { name: 'bad', url } });
      assert.equal(r.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED', url);
      assert.ok(r.errors?.[0]?.extensions?.fields?.url, url);
    }
    const made = await ok<{ createWebhookEndpoint: { endpoint: { id: string; url: string }; secret: string } }>(
      'mutation($i: WebhookEndpointInput!) { createWebhookEndpoint(input: $i) { endpoint { id url } secret } }',
      { i: { name: 'receiver', url: receiverUrl } },
    );
    assert.match(made.createWebhookEndpoint.secret, /^whsec_[A-Za-z0-9+/=]{32}$/);
    endpointId = made.createWebhookEndpoint.endpoint.id;
    receiver.secret = made.createWebhookEndpoint.secret;
    const listed = await app.gql('{ webhookEndpoints { id url secret } }');
    assert.equal(listed.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED', 'the secret is not a field of an endpoint: it is never read back');
    const stored = await app.sql<{ secret: string }>('SELECT secret FROM webhook_endpoints WHERE id = $1', [endpointId]);
    assert.ok(!stored[0].secret.includes(receiver.secret.slice(6)), 'sealed at rest');
  });

  test('a failed order: an alarm, an in-app notification, an e-mail, and a webhook that lands on the third try after two 500s', async () => {
    const sub = (input: Record<string, unknown>) =>
      ok('mutation($i: NotificationSubscriptionInput!) { subscribeToNotifications(input: $i) { id } }', { i: input });
    const root = (await ok<{ tenants: { id: string; parentId: string | null }[] }>('{ tenants { id parentId } }')).tenants.find((t) => !t.parentId)!.id;
    await sub({ eventTypes: ['REQUEST_FAILED'], channel: 'webhook', tenantId: root, endpointId });
    await sub({ eventTypes: ['REQUEST_FAILED', 'REQUEST_FINISHED'], channel: 'email' });
    await sub({ eventTypes: ['REQUEST_FAILED', 'ALARM_RAISED'], channel: 'in_app', tenantId: root });
    receiver.script = [500, 500, 200];

    const ordered = await ok<{ orderService: { id: string } }>('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', {
      i: { templateId: failingItem, dialogValues: { why: 'a test' } },
    });
    const requestId = ordered.orderService.id;
    assert.equal((await requestEnded(app, requestId)).status, 'failed');

    // The alarm, open, about this request.
    const alarm = await waitFor('the alarm of the failed request', async () => {
      const { alarms } = await ok<{ alarms: { id: string; kind: string; severity: string; objectId: string; clearedAt: string | null }[] }>(
        '{ alarms(filter: { open: true }) { id kind severity objectId clearedAt } }',
      );
      return alarms.find((a) => a.objectId === requestId);
    });
    assert.equal(alarm.kind, 'request_failed');
    assert.equal(alarm.severity, 'major');

    // In-app: the failure and the alarm, unread.
    const inbox = await waitFor('two in-app notifications', async () => {
      const { myNotifications } = await ok<{ myNotifications: { id: string; eventType: string; title: string; readAt: string | null }[] }>(
        '{ myNotifications(unreadOnly: true) { id eventType title readAt } }',
      );
      return myNotifications.length >= 2 && myNotifications;
    });
    assert.deepEqual(inbox.map((n) => n.eventType).sort(), ['ALARM_RAISED', 'REQUEST_FAILED']);
    assert.match(inbox.find((n) => n.eventType === 'REQUEST_FAILED')!.title, /Order of "Always fails" failed/);

    // E-mail: at the real SMTP server, to the requester's address.
    const mail = await waitFor('the e-mail', async () => smtp.received().find((m) => m.to === 'admin@example.test'));
    assert.match(mail.subject, /Order of "Always fails" failed/);
    assert.match(mail.body, new RegExp(requestId));

    // The webhook: two 500s, then delivered on the third try; each call signed and verified.
    const delivered = await waitFor(
      'the webhook delivered',
      async () => {
        const { webhookDeliveries } = await ok<{ webhookDeliveries: Delivery[] }>(
          'query($e: ID!) { webhookDeliveries(endpointId: $e) { id eventType status attempts responseCode lastError } }',
          { e: endpointId },
        );
        return webhookDeliveries.find((d) => d.status === 'delivered');
      },
      60_000,
    );
    assert.equal(delivered.attempts, 3, 'the third try landed');
    assert.equal(delivered.responseCode, 200);
    assert.equal(delivered.eventType, 'REQUEST_FAILED');
    assert.deepEqual(
      receiver.calls.map((c) => c.answered),
      [500, 500, 200],
    );
    assert.ok(
      receiver.calls.every((c) => c.verified),
      'every call carries a valid Standard Webhooks signature',
    );
    assert.equal(new Set(receiver.calls.map((c) => c.headers['webhook-id'])).size, 1, 'the same message id on each try');
    const body = JSON.parse(receiver.calls[2].body) as { type: string; data: { request: { id: string; status: string } } };
    assert.equal(body.type, 'request.failed');
    assert.deepEqual([body.data.request.id, body.data.request.status], [requestId, 'failed']);

    // Re-sent by hand: one more try, delivered again.
    const resent = await ok<{ resendWebhookDelivery: Delivery }>('mutation($id: ID!) { resendWebhookDelivery(id: $id) { id status } }', { id: delivered.id });
    assert.equal(resent.resendWebhookDelivery.status, 'pending');
    await waitFor('the re-sent delivery', async () => receiver.calls.length === 4 || undefined);
    assert.ok(receiver.calls[3].verified);

    // The alarm acknowledged, then cleared by hand: kept as history.
    const acked = await ok<{ acknowledgeAlarm: { acknowledgedBy: string; acknowledgedAt: string; clearedAt: string | null } }>(
      'mutation($id: ID!) { acknowledgeAlarm(id: $id) { acknowledgedBy acknowledgedAt clearedAt } }',
      { id: alarm.id },
    );
    assert.equal(acked.acknowledgeAlarm.acknowledgedBy, 'admin');
    assert.equal(acked.acknowledgeAlarm.clearedAt, null);
    const cleared = await ok<{ clearAlarm: { clearedAt: string; clearReason: string } }>(
      'mutation($id: ID!) { clearAlarm(id: $id) { clearedAt clearReason } }',
      {
        id: alarm.id,
      },
    );
    assert.equal(cleared.clearAlarm.clearReason, 'cleared by admin');
    const again = await app.gql('mutation($id: ID!) { clearAlarm(id: $id) { id } }', { id: alarm.id });
    assert.equal(again.errors?.[0]?.extensions?.code, 'CONFLICT');
    assert.equal((await ok<{ alarmCount: number }>('{ alarmCount(filter: { open: true }) }')).alarmCount, 0);
    assert.ok((await ok<{ alarms: { id: string }[] }>('{ alarms(filter: { open: false }) { id } }')).alarms.some((a) => a.id === alarm.id));

    // Marked read: the unread count falls to zero.
    assert.equal((await ok<{ markNotificationsRead: number }>('mutation { markNotificationsRead }')).markNotificationsRead >= 2, true);
    assert.deepEqual((await ok<{ myNotifications: unknown[] }>('{ myNotifications(unreadOnly: true) { id } }')).myNotifications, []);
  });

  test('the sweep tells again what a crash kept from being told, and tells nothing twice', async () => {
    const { RequestsService } = await import('../requests/requests.service.js');
    const sweep = () => app.app.get(RequestsService).announceChangedSince(new Date(Date.now() - 15 * 60_000));
    const count = async (table: string) => (await app.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
    const [notifications, alarms] = [await count('notifications'), await count('alarms')];
    assert.ok((await sweep()) >= 1, 'the failed request is among the recent changes');
    assert.equal(await count('notifications'), notifications, 'no notification twice');
    assert.equal(await count('alarms'), alarms, 'no alarm raised again (not even the one cleared by hand)');
    // As if the process had died before telling of the failure: its notification is gone; the sweep tells it.
    const [told] = await app.sql<{ id: string; source_key: string }>(`SELECT id, source_key FROM notifications WHERE event_type = 'request.failed'`);
    await app.sql('DELETE FROM notifications WHERE id = $1', [told.id]);
    await sweep();
    const again = await app.sql<{ id: string }>('SELECT id FROM notifications WHERE source_key = $1', [told.source_key]);
    assert.equal(again.length, 1, 'told again by the sweep');
    assert.notEqual(again[0].id, told.id);
    const inbox = await ok<{ myNotifications: { eventType: string }[] }>('{ myNotifications(unreadOnly: true) { eventType } }');
    assert.deepEqual(
      inbox.myNotifications.map((n) => n.eventType),
      ['REQUEST_FAILED'],
      'and delivered in-app again',
    );
  });

  test('an own subscription takes only the events of one’s own requests and services', async () => {
    const r = await app.gql('mutation($i: NotificationSubscriptionInput!) { subscribeToNotifications(input: $i) { id } }', {
      i: { eventTypes: ['REQUEST_FAILED', 'ALARM_RAISED'], channel: 'in_app' },
    });
    assert.equal(r.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED');
    assert.match(String(r.errors?.[0]?.extensions?.fields?.eventTypes), /alarm\.raised only for a tenant/);
  });

  test('a provider down from its very first check raises a critical alarm; down again, it is still the one alarm', async () => {
    const cred = await ok<{ createCredential: { id: string } }>(
      'mutation { createCredential(input: { name: "nobody", type: "username_password", inputs: { username: "nobody" }, secrets: { password: "not-used-here" } }) { id } }',
    );
    const provider = await ok<{ createProvider: { id: string } }>('mutation($i: ProviderInput!) { createProvider(input: $i) { id } }', {
      i: { name: 'nowhere', type: 'ssh', credentialId: cred.createCredential.id, config: { hosts: [{ name: 'nowhere1', address: '127.0.0.1', port: 1 }] } },
    });
    const id = provider.createProvider.id;
    const checked = await ok<{ checkProviderHealth: { healthStatus: string } }>('mutation($id: ID!) { checkProviderHealth(id: $id) { healthStatus } }', { id });
    assert.equal(checked.checkProviderHealth.healthStatus, 'down');
    const open = await ok<{ alarms: { kind: string; severity: string; objectId: string; message: string }[] }>(
      '{ alarms(filter: { open: true, kinds: [provider_down] }) { kind severity objectId message } }',
    );
    const alarm = open.alarms.find((a) => a.objectId === id);
    assert.ok(alarm, 'raised though the provider was never up');
    assert.equal(alarm.severity, 'critical');
    assert.match(alarm.message, /Provider "nowhere" is down/);
    await ok('mutation($id: ID!) { checkProviderHealth(id: $id) { id } }', { id });
    const still = await ok<{ alarms: { objectId: string }[] }>('{ alarms(filter: { kinds: [provider_down] }) { objectId } }');
    assert.equal(still.alarms.filter((a) => a.objectId === id).length, 1, 'down again: the same alarm, not a second');
  });

  test('retention: notifications (with their deliveries) and cleared alarms older than NOTIFICATION_RETENTION_DAYS go; open alarms stay', async () => {
    const { NotificationsService } = await import('./notifications.service.js');
    const { AlarmsService } = await import('../alarms/alarms.service.js');
    const count = async (table: string, where = 'TRUE') => (await app.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`))[0].n;
    const open = await count('alarms', 'cleared_at IS NULL');
    assert.ok((await count('notifications')) > 0 && (await count('alarms', 'cleared_at IS NOT NULL')) > 0, 'there is something to remove');
    const later = new Date(Date.now() + 60_000);
    assert.equal(await app.app.get(NotificationsService).purgeBefore(new Date(Date.now() - 86_400_000)), 0, 'nothing a day old yet');
    assert.ok((await app.app.get(NotificationsService).purgeBefore(later)) > 0);
    assert.ok((await app.app.get(AlarmsService).purgeClearedBefore(later)) > 0);
    assert.equal(await count('notifications'), 0);
    assert.equal(await count('notification_deliveries'), 0, 'their deliveries went with them');
    assert.equal(await count('alarms'), open, 'the open alarms stay');
  });
});
