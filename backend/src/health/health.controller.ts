import { Controller, Get, HttpCode, Logger, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { PubSubService } from '../pubsub/pubsub.service.js';

const within = <T>(ms: number, p: Promise<T>) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);

/** Why a part is down is logged (at most every 30 s per part), never answered: driver messages name hosts, users and paths. */
const LOG_EVERY_MS = 30_000;

@Controller()
export class HealthController {
  private readonly logger = new Logger(HealthController.name);
  private readonly lastLogged = new Map<string, number>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly redis: PubSubService,
  ) {}

  /** 200 only when Postgres and Redis both answer; each part is "ok" or "down", nothing more. */
  @Get('healthz')
  @HttpCode(200)
  async health(@Res({ passthrough: true }) res: Response): Promise<Record<string, string>> {
    const [postgres, redis] = await Promise.allSettled([within(2000, this.db.query('SELECT 1')), within(2000, this.redis.ping())]);
    const status = {
      postgres: this.state('postgres', postgres.status === 'fulfilled' ? null : (postgres.reason as Error).message),
      redis: this.state('redis', redis.status === 'fulfilled' ? (redis.value ? null : 'no PONG') : (redis.reason as Error).message),
    };
    const ok = status.postgres === 'ok' && status.redis === 'ok';
    if (!ok) res.status(503).setHeader('Retry-After', '5');
    res.setHeader('Cache-Control', 'no-store');
    return { status: ok ? 'ok' : 'unavailable', ...status };
  }

  private state(part: string, problem: string | null): 'ok' | 'down' {
    if (problem === null) return 'ok';
    const now = Date.now();
    if (now - (this.lastLogged.get(part) ?? 0) > LOG_EVERY_MS) {
      this.lastLogged.set(part, now);
      this.logger.warn(`health: ${part} is down: ${problem}`);
    }
    return 'down';
  }
}
