import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type DayWindow, windowSql } from '../common/day-window.js';
import type { RequestVisibility } from './request-store.js';

/** Orders (provision requests) created on one day of the window, by how they stand now. */
export interface OrdersOnDay {
  /** The local day, yyyy-mm-dd. */
  day: string;
  total: number;
  finished: number;
  failed: number;
  /** Canceled or denied. */
  stopped: number;
  /** Not ended yet: pending, queued, running, pending approval. */
  open: number;
}

/** The orders of one catalog item in the window. */
export interface ItemFigures {
  templateId: string;
  total: number;
  finished: number;
  failed: number;
  /** Run time of its finished orders (first item started → request finished), in seconds: median and 95th percentile. */
  p50Seconds: number | null;
  p95Seconds: number | null;
}

/** What the dashboard shows of requests: everything counted over what `only` may see. */
export interface RequestFigures {
  firstDay: string;
  lastDay: string;
  perDay: OrdersOnDay[];
  items: ItemFigures[];
  /** Requests (of any kind) waiting for approval now. */
  pendingApprovals: number;
  /** Items running now (each a playbook run), and the requests they belong to. */
  runningJobs: number;
  runningRequests: number;
}

/**
 * The dashboard's figures of the requests module's tables, computed in Postgres: orders per
 * day of the caller's calendar, per catalog item (with run-time percentiles), and what waits or
 * runs now. `only` is the same visibility the request lists apply (RequestStore.matching), so
 * the figures count exactly what the caller's lists show.
 */
@Injectable()
export class RequestFiguresReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async read(window: DayWindow, only: RequestVisibility | undefined): Promise<RequestFigures> {
    const w = windowSql('$1', '$2');
    // $3: whether to filter; $4..$6: the reader's id, tenants and groups.
    const visible = `(NOT $3::boolean OR r.requester_id = $4::uuid OR r.tenant_id = ANY($5::uuid[]) OR r.group_ids && $6::uuid[])`;
    const params = [window.timeZone, window.days, Boolean(only), only?.requesterId ?? null, only?.tenants ?? [], only?.groups ?? []];
    const orders = `SELECT r.* FROM service_requests r WHERE r.action = 'provision' AND r.created_at >= ${w.start} AND ${visible}`;
    const [perDay, items, [now]] = await Promise.all([
      this.db.query(
        `WITH o AS (${orders})
         SELECT to_char(d, 'YYYY-MM-DD') AS day,
                count(o.id)::int AS total,
                count(o.id) FILTER (WHERE o.status = 'finished')::int AS finished,
                count(o.id) FILTER (WHERE o.status = 'failed')::int AS failed,
                count(o.id) FILTER (WHERE o.status IN ('canceled', 'denied'))::int AS stopped,
                count(o.id) FILTER (WHERE o.status IN ('pending', 'queued', 'running', 'pending_approval'))::int AS open
           FROM generate_series(${w.firstDay}, ${w.today}, interval '1 day') AS d
           LEFT JOIN o ON ${w.dayOf('o.created_at')} = d
          GROUP BY d ORDER BY d`,
        params,
      ) as Promise<OrdersOnDay[]>,
      this.db.query(
        `WITH o AS (${orders})
         SELECT o.template_id AS "templateId",
                count(*)::int AS total,
                count(*) FILTER (WHERE o.status = 'finished')::int AS finished,
                count(*) FILTER (WHERE o.status = 'failed')::int AS failed,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY run.seconds) FILTER (WHERE o.status = 'finished') AS "p50Seconds",
                percentile_cont(0.95) WITHIN GROUP (ORDER BY run.seconds) FILTER (WHERE o.status = 'finished') AS "p95Seconds"
           FROM o
           CROSS JOIN LATERAL (
             SELECT extract(epoch FROM o.finished_at - coalesce(min(i.started_at), o.created_at))::float8 AS seconds
               FROM request_items i WHERE i.request_id = o.id
           ) AS run
          GROUP BY o.template_id
          ORDER BY total DESC, o.template_id`,
        params,
      ) as Promise<ItemFigures[]>,
      this.db.query(
        `SELECT to_char(${w.firstDay}, 'YYYY-MM-DD') AS "firstDay", to_char(${w.today}, 'YYYY-MM-DD') AS "lastDay",
                (SELECT count(*)::int FROM service_requests r WHERE r.status = 'pending_approval' AND ${visible}) AS "pendingApprovals",
                (SELECT count(*)::int FROM request_items i JOIN service_requests r ON r.id = i.request_id
                  WHERE i.status = 'running' AND ${visible}) AS "runningJobs",
                (SELECT count(*)::int FROM service_requests r WHERE r.status = 'running' AND ${visible}) AS "runningRequests"`,
        params,
      ) as Promise<Pick<RequestFigures, 'firstDay' | 'lastDay' | 'pendingApprovals' | 'runningJobs' | 'runningRequests'>[]>,
    ]);
    return { ...now, perDay, items };
  }
}
