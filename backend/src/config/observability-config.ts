import { z } from 'zod';

/**
 * Logs and metrics: variables read with the rest of the configuration (config.ts merges this
 * schema and this part of AppConfig).
 */
export const OBSERVABILITY_ENV = {
  LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
};

type ObservabilityEnv = z.infer<z.ZodObject<typeof OBSERVABILITY_ENV>>;

export interface ObservabilityConfig {
  /** `json`: one JSON object per line (the default); `pretty`: coloured lines for a terminal (pino-pretty). */
  logFormat: 'json' | 'pretty';
  /**
   * The bearer token a scraper sends to read /metrics. Secret: never logged. Null: metrics are
   * off, and /metrics answers 404 everywhere.
   */
  metricsToken: string | null;
  /**
   * With a token: a listener of its own on HOST:METRICS_PORT serving only /metrics — the only
   * way a worker-only process shows its metrics; the api port then answers 404 on /metrics.
   * Null: the api and all roles serve /metrics on PORT, a worker-only process serves none.
   */
  metricsPort: number | null;
}

export function observabilityConfig(env: ObservabilityEnv): ObservabilityConfig {
  return { logFormat: env.LOG_FORMAT, metricsToken: env.METRICS_TOKEN ?? null, metricsPort: env.METRICS_PORT ?? null };
}

/** Settings that contradict each other. */
export function observabilityIssues(env: ObservabilityEnv & { PORT: number }): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (env.METRICS_PORT !== undefined && env.METRICS_PORT === env.PORT) issues.push({ path: 'METRICS_PORT', message: 'must differ from PORT' });
  if (env.METRICS_PORT !== undefined && env.METRICS_TOKEN === undefined)
    issues.push({ path: 'METRICS_PORT', message: 'needs METRICS_TOKEN (metrics are off without it)' });
  return issues;
}
