import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { PubSubService } from '../pubsub/pubsub.service.js';

const within = <T>(ms: number, p: Promise<T>) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);

@Controller()
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly redis: PubSubService,
  ) {}

  /** 200 only when Postgres and Redis both answer. */
  @Get('healthz')
  @HttpCode(200)
  async health(@Res({ passthrough: true }) res: Response): Promise<Record<string, string>> {
    const [postgres, redis] = await Promise.allSettled([within(2000, this.db.query('SELECT 1')), within(2000, this.redis.ping())]);
    const status = {
      postgres: postgres.status === 'fulfilled' ? 'ok' : `down: ${postgres.reason.message}`,
      redis: redis.status === 'fulfilled' && redis.value ? 'ok' : `down: ${redis.status === 'rejected' ? redis.reason.message : 'no PONG'}`,
    };
    const ok = status.postgres === 'ok' && status.redis === 'ok';
    if (!ok) res.status(503);
    return { status: ok ? 'ok' : 'unavailable', ...status };
  }
}
