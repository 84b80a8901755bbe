import { Injectable } from '@nestjs/common';
import type { TenantScope, Viewer } from '../auth/auth.decorators.js';
import type { DayWindow } from '../common/day-window.js';
import { ProvidersService } from '../providers/providers.service.js';
import { RequestsService } from '../requests/requests.service.js';
import type { DashboardItemModel, DashboardModel } from './models/dashboard.model.js';

const FAILING_ITEMS = 10;

/**
 * The home page's figures, gathered from the modules that own them: requests (orders per day and
 * item, approvals, runs) and providers (health per day). Each module computes its part in SQL
 * over what the caller may see; this one only puts them together.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly requests: RequestsService,
    private readonly providers: ProvidersService,
  ) {}

  /** `viewer`: whose requests count; `providerScope`: the tenants where the caller reads providers (none: no health timeline). */
  async get(window: DayWindow, viewer: Viewer, providerScope: TenantScope): Promise<DashboardModel> {
    const [figures, providerHealth] = await Promise.all([
      this.requests.figures(window, viewer),
      providerScope.tenants.length ? this.providers.healthTimeline(window, providerScope) : Promise.resolve([]),
    ]);
    const sum = (field: 'total' | 'finished' | 'failed') => figures.perDay.reduce((n, d) => n + d[field], 0);
    const finished = sum('finished');
    const failed = sum('failed');
    const items: DashboardItemModel[] = figures.items.map((i) => ({
      templateId: i.templateId,
      total: i.total,
      finished: i.finished,
      failed: i.failed,
      durationP50Seconds: i.p50Seconds,
      durationP95Seconds: i.p95Seconds,
    }));
    return {
      days: window.days,
      timeZone: window.timeZone,
      firstDay: figures.firstDay,
      lastDay: figures.lastDay,
      ordersPerDay: figures.perDay,
      orders: sum('total'),
      finished,
      failed,
      successRate: finished + failed ? finished / (finished + failed) : null,
      items,
      failingItems: items
        .filter((i) => i.failed > 0)
        .sort((a, b) => b.failed - a.failed || b.total - a.total)
        .slice(0, FAILING_ITEMS),
      pendingApprovals: figures.pendingApprovals,
      runningJobs: figures.runningJobs,
      runningRequests: figures.runningRequests,
      providerHealth,
    };
  }
}
