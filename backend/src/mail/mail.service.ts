import { Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/**
 * E-mail out through the SMTP server SMTP_URL names (nodemailer); without it, nothing is sent
 * and `send` says so. Failures are logged with the address and the server's reason, never the
 * URL (it may hold a password).
 */
@Injectable()
export class MailService implements OnApplicationShutdown {
  private readonly logger = new Logger(MailService.name);
  private transport: Transporter | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get configured(): boolean {
    return this.config.smtpUrl !== null;
  }

  /** Sends `mail`; false when no SMTP server is configured or the server refused it. */
  async send(mail: Mail): Promise<boolean> {
    if (!this.config.smtpUrl) return false;
    this.transport ??= nodemailer.createTransport(this.config.smtpUrl);
    try {
      await this.transport.sendMail({ from: this.config.smtpFrom, to: mail.to, subject: mail.subject, text: mail.text });
      return true;
    } catch (err) {
      this.logger.warn(`e-mail to ${mail.to} not sent: ${(err as Error).message}`);
      return false;
    }
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}

@Global()
@Module({ providers: [MailService], exports: [MailService] })
export class MailModule {}
