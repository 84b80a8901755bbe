import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Clock } from '../common/clock.js';
import { MailService } from '../mail/mail.service.js';
import type { ServiceEntity } from '../services/service.entity.js';
import { ServicesService } from '../services/services.service.js';
import { UsersService } from '../users/users.service.js';
import { ServiceRetiringSoonEvent } from './lifecycle.events.js';
import { LifecycleService } from './lifecycle.service.js';

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Retirement dates, on the portal's clock: a service whose warning is due is marked warned (the
 * portal shows it) and its owner is e-mailed when SMTP is configured; a service whose date has
 * come is retired through the retirement machine, as its owner would — started once per date
 * (a failed retirement is not started again; extending the date starts over). Run by a schedule
 * of the `lifecycle` queue (every RETIREMENT_CHECK_SECONDS, one for all workers); `tick` is safe
 * to run twice at once (a warning and a retirement are claimed before they are sent or started).
 */
@Injectable()
export class RetirementDatesService {
  private readonly logger = new Logger(RetirementDatesService.name);

  constructor(
    private readonly clock: Clock,
    private readonly services: ServicesService,
    private readonly users: UsersService,
    private readonly lifecycle: LifecycleService,
    private readonly mail: MailService,
    private readonly events: EventEmitter2,
  ) {}

  async tick(): Promise<{ warned: number; retiring: number }> {
    const now = this.clock.now();
    let warned = 0;
    let retiring = 0;
    for (const service of await this.services.dueForWarning(now)) {
      if (!(await this.services.markWarned(service.id, now))) continue;
      warned++;
      await this.email(service);
      if (service.retiresAt) {
        await this.events
          .emitAsync(
            ServiceRetiringSoonEvent.NAME,
            new ServiceRetiringSoonEvent(service.id, service.name, service.ownerId, service.tenantId, service.retiresAt),
          )
          .catch((err: Error) => this.logger.warn(`service ${service.id}: a listener of its retirement warning failed: ${err.message}`));
      }
    }
    for (const service of await this.services.dueForRetirement(now)) {
      // Started once per date: a retirement that fails leaves the service active for its owner (or
      // an operator) to look at, instead of being tried again every minute; a new date starts over.
      if (!(await this.services.markRetirementStarted(service.id, now))) continue;
      const owner = await this.users.findById(service.ownerId);
      try {
        if (!owner) throw new Error('its owner no longer exists: retire it by hand');
        const request = await this.lifecycle.retire(owner, service.id);
        retiring++;
        this.logger.log(`service ${service.id} reached its retirement date: retired by request ${request.id}`);
      } catch (err) {
        this.logger.warn(`service ${service.id} reached its retirement date but was not retired: ${(err as Error).message}`);
      }
    }
    return { warned, retiring };
  }

  private async email(service: ServiceEntity): Promise<void> {
    const owner = await this.users.findById(service.ownerId);
    if (!owner?.email || !this.mail.configured || !service.retiresAt) return;
    const sent = await this.mail.send({
      to: owner.email,
      subject: `"${service.name}" retires on ${day(service.retiresAt)}`,
      text:
        `Your service "${service.name}" will be retired on ${service.retiresAt.toISOString()}: its retirement playbooks run then and it stops.\n\n` +
        (service.maxRetiresAt && service.maxRetiresAt > service.retiresAt
          ? `You may move the date up to ${day(service.maxRetiresAt)} on the service's page (Extend).\n`
          : 'Its item allows no later date.\n') +
        `\nService id: ${service.id}\n`,
    });
    if (sent) this.logger.log(`retirement warning for service ${service.id} sent to ${owner.email}`);
  }
}
