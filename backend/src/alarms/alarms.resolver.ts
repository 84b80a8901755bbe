import { Args, ID, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { Allow } from '../access/allow.decorator.js';
import { CurrentUser, InTenants, type TenantScope } from '../auth/auth.decorators.js';
import type { UserModel } from '../users/models/user.model.js';
import { UsersService } from '../users/users.service.js';
import type { AlarmEntity } from './alarm.entity.js';
import { AlarmFilter, AlarmModel } from './alarm.model.js';
import { AlarmsService } from './alarms.service.js';

@Resolver(() => AlarmModel)
export class AlarmsResolver {
  constructor(
    private readonly service: AlarmsService,
    private readonly users: UsersService,
  ) {}

  @Allow('alarms:read')
  @Query(() => [AlarmModel], { description: 'Alarms of your tenants, newest first: open and cleared (history), filtered.' })
  async alarms(
    @InTenants('alarms:read') scope: TenantScope,
    @Args('filter', { type: () => AlarmFilter, nullable: true }) filter: AlarmFilter | null,
    @Args('skip', { type: () => Int, defaultValue: 0 }) skip: number,
    @Args('take', { type: () => Int, defaultValue: 50 }) take: number,
  ): Promise<AlarmModel[]> {
    return this.models(await this.service.list(filter ?? {}, skip, take, scope));
  }

  @Allow('alarms:read')
  @Query(() => Int, { description: 'How many alarms of your tenants match the filter.' })
  alarmCount(
    @InTenants('alarms:read') scope: TenantScope,
    @Args('filter', { type: () => AlarmFilter, nullable: true }) filter: AlarmFilter | null,
  ): Promise<number> {
    return this.service.count(filter ?? {}, scope);
  }

  @Allow('alarms:read')
  @Query(() => AlarmModel, { nullable: true, description: 'NOT_FOUND also for an alarm of another tenant.' })
  async alarm(@InTenants('alarms:read') scope: TenantScope, @Args('id', { type: () => ID }) id: string): Promise<AlarmModel> {
    return (await this.models([await this.service.get(id, scope)]))[0];
  }

  @Allow('alarms:write')
  @Mutation(() => AlarmModel, { description: 'Acknowledges an open alarm (someone is on it); it stays open until cleared. CONFLICT once cleared.' })
  async acknowledgeAlarm(
    @InTenants('alarms:write') scope: TenantScope,
    @CurrentUser() user: UserModel,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<AlarmModel> {
    return (await this.models([await this.service.acknowledge(id, user.id, scope)]))[0];
  }

  @Allow('alarms:write')
  @Mutation(() => AlarmModel, {
    description:
      'Clears an open alarm by hand, recorded with who did it (one whose cause will not go away by itself, such as a failed request nobody resumes).',
  })
  async clearAlarm(
    @InTenants('alarms:write') scope: TenantScope,
    @CurrentUser() user: UserModel,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<AlarmModel> {
    return (await this.models([await this.service.clear(id, user.username, scope)]))[0];
  }

  @Allow('alarms:read')
  @Subscription(() => Int, { description: 'How many alarms of your tenants are open: now, then at each change.', resolve: (n: number) => n })
  openAlarmCount(@InTenants('alarms:read') scope: TenantScope): AsyncGenerator<number> {
    return this.service.openCount(scope);
  }

  /** Who acknowledged, by user name (one read per distinct user). */
  private async models(rows: AlarmEntity[]): Promise<AlarmModel[]> {
    const ids = [...new Set(rows.map((r) => r.acknowledgedBy).filter((id): id is string => !!id))];
    const names = new Map((await Promise.all(ids.map((id) => this.users.findById(id)))).filter((u) => !!u).map((u) => [u.id, u.username]));
    return rows.map((r) => ({ ...r, acknowledgedBy: r.acknowledgedBy ? (names.get(r.acknowledgedBy) ?? null) : null }));
  }
}
