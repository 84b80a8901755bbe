import { Controller, Get, Logger, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { tenantsWith } from '../access/permissions.js';
import { ROOT_TENANT_ID } from '../tenants/tenants.service.js';
import { AuthService } from '../auth/auth.service.js';
import { AuditService } from './audit.service.js';
import { csvLine } from './csv.js';
import type { AuditFilter } from './dto/audit-filter.input.js';
import { AuditOutcomeEnum } from './models/audit-event.model.js';

const COLUMNS = ['at', 'actor', 'actor_id', 'action', 'object_type', 'object_id', 'outcome', 'error_code', 'message', 'ip', 'details'] as const;

/** A query-string value as text (the first when repeated), or undefined. */
function text(value: unknown): string | undefined {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first !== '' ? first : undefined;
}

/** A date of the query string, or undefined when absent; null when it is not a date. */
function date(value: unknown): Date | undefined | null {
  const raw = text(value);
  if (raw === undefined) return undefined;
  const parsed = new Date(raw);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/** Until the client has taken what was written (or has gone). */
const drained = (res: Response) =>
  new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });

/**
 * `GET /api/audit.csv?actor=&action=&objectType=&objectId=&outcome=&from=&to=` with
 * `Authorization: Bearer <token>`: the audit trail (the same filters as the auditEvents
 * query), newest first, streamed. 401 without a valid token; 404 (as if there were nothing
 * here) for a caller without audit:read.
 */
@Controller('api')
export class AuditCsvController {
  private readonly logger = new Logger(AuditCsvController.name);

  constructor(
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  @Get('audit.csv')
  async export(@Req() req: Request, @Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization?.trim() ?? '')?.[1];
    const principal = token ? await this.auth.principal(token) : null;
    if (!principal || principal.user.mustChangePassword) {
      res.status(401).set('WWW-Authenticate', 'Bearer').type('text/plain').send('Send "Authorization: Bearer <token>" (from login or createApiToken).\n');
      return;
    }
    // The trail is not yet split by tenant: only those who read it in the root tenant get it.
    if (!tenantsWith(principal.rights, 'audit:read').includes(ROOT_TENANT_ID)) {
      res.status(404).type('text/plain').send('Not found.\n');
      return;
    }
    const outcome = text(query.outcome);
    const [from, to] = [date(query.from), date(query.to)];
    if ((outcome && !(outcome in AuditOutcomeEnum)) || from === null || to === null) {
      res.status(400).type('text/plain').send('outcome is success, failure or denied; from and to are ISO dates (2025-01-31 or 2025-01-31T12:00:00Z).\n');
      return;
    }
    const filter: AuditFilter = {
      actor: text(query.actor),
      action: text(query.action),
      objectType: text(query.objectType),
      objectId: text(query.objectId),
      outcome: outcome as AuditOutcomeEnum | undefined,
      from,
      to,
    };
    res.status(200);
    res.set({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      'Cache-Control': 'no-store',
    });
    res.write(csvLine(COLUMNS));
    try {
      for await (const batch of this.audit.export(filter)) {
        const chunk = batch
          .map((e) =>
            csvLine([
              e.at.toISOString(),
              e.actorName,
              e.actorId,
              e.action,
              e.objectType,
              e.objectId,
              e.outcome,
              e.errorCode,
              e.message,
              e.ip,
              JSON.stringify(e.details),
            ]),
          )
          .join('');
        if (!res.write(chunk)) await drained(res);
        if (res.destroyed) return;
      }
    } catch (err) {
      // The header is sent: the truncated file ends with a line saying so.
      this.logger.warn(`audit export cut short: ${(err as Error).message}`);
      res.write(csvLine(['# the export failed here: try again']));
    }
    res.end();
  }
}
