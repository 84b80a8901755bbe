import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('DashboardDay', { description: 'The orders (provision requests) created on one day, by how they stand now.' })
export class DashboardDayModel {
  @Field({ description: 'The day, yyyy-mm-dd, in the time zone asked for.' }) day: string;
  @Field(() => Int) total: number;
  @Field(() => Int) finished: number;
  @Field(() => Int) failed: number;
  @Field(() => Int, { description: 'Canceled or denied.' }) stopped: number;
  @Field(() => Int, { description: 'Not ended yet: pending, queued, running or pending approval.' }) open: number;
}

@ObjectType('DashboardItem', { description: 'The orders of one catalog item in the window.' })
export class DashboardItemModel {
  @Field(() => ID) templateId: string;
  @Field(() => Int) total: number;
  @Field(() => Int) finished: number;
  @Field(() => Int) failed: number;
  @Field(() => Float, {
    nullable: true,
    description:
      'Median run time of its finished orders, in seconds: from its first playbook’s start to the request’s end (waiting for approval or a worker not counted).',
  })
  durationP50Seconds: number | null;
  @Field(() => Float, { nullable: true, description: '95th percentile of the same run times.' }) durationP95Seconds: number | null;
}

@ObjectType('ProviderHealthDay', { description: 'A provider’s health checks on one day.' })
export class ProviderHealthDayModel {
  @Field({ description: 'yyyy-mm-dd, in the time zone asked for.' }) day: string;
  @Field(() => Int) checks: number;
  @Field(() => Int, { description: 'Checks that found it up.' }) up: number;
}

@ObjectType('ProviderHealthTimeline', { description: 'A provider’s health checks per day of the window, and its status now.' })
export class ProviderHealthTimelineModel {
  @Field(() => ID) providerId: string;
  @Field() name: string;
  @Field() type: string;
  @Field({ description: 'unknown, up or down: its last check.' }) status: string;
  @Field(() => [ProviderHealthDayModel], { description: 'Every day of the window, oldest first.' }) days: ProviderHealthDayModel[];
}

@ObjectType('Dashboard', {
  description:
    'The home page’s figures, over the requests the caller may see (their own, shared with their groups, and their tenants’ with requests:all) and the providers they may read.',
})
export class DashboardModel {
  @Field(() => Int) days: number;
  @Field() timeZone: string;
  @Field({ description: 'The window’s first and last (today) days, yyyy-mm-dd.' }) firstDay: string;
  @Field() lastDay: string;
  @Field(() => [DashboardDayModel], { description: 'Orders created each day of the window, oldest first (days without any included).' })
  ordersPerDay: DashboardDayModel[];
  @Field(() => Int, { description: 'Orders created in the window.' }) orders: number;
  @Field(() => Int) finished: number;
  @Field(() => Int) failed: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Of the window’s orders that ended finished or failed, the share that finished (0..1); null when none has.',
  })
  successRate: number | null;
  @Field(() => [DashboardItemModel], { description: 'Each catalog item ordered in the window, most ordered first, with its run-time percentiles.' })
  items: DashboardItemModel[];
  @Field(() => [DashboardItemModel], { description: 'The catalog items whose orders failed most in the window (at most 10), most failures first.' })
  failingItems: DashboardItemModel[];
  @Field(() => Int, { description: 'Requests (of any kind) waiting for approval now.' }) pendingApprovals: number;
  @Field(() => Int, { description: 'Playbook runs under way now (running items of requests).' }) runningJobs: number;
  @Field(() => Int, { description: 'Requests running now.' }) runningRequests: number;
  @Field(() => [ProviderHealthTimelineModel], { description: 'The providers the caller may read (none without providers:read), by name.' })
  providerHealth: ProviderHealthTimelineModel[];
}
