import { createHash, timingSafeEqual } from 'node:crypto';
import type { AppConfig } from '../config/config.js';

/** What /metrics answers a request, before anything is collected. */
export type MetricsAccess = 'off' | 'refused' | 'allowed';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * `off` (404) when metrics are off (no METRICS_TOKEN), or served on a port of their own and
 * this is not it; `refused` (401) unless the request says `Authorization: Bearer <METRICS_TOKEN>`
 * (compared in constant time); `allowed` otherwise.
 */
export function metricsAccess(
  config: Pick<AppConfig, 'metricsToken' | 'metricsPort'>,
  authorization: string | string[] | undefined,
  onMetricsPort: boolean,
): MetricsAccess {
  if (!config.metricsToken || (config.metricsPort !== null) !== onMetricsPort) return 'off';
  const header = Array.isArray(authorization) ? authorization[0] : authorization;
  const given = /^Bearer\s+(\S+)$/i.exec(header?.trim() ?? '')?.[1];
  return given !== undefined && timingSafeEqual(digest(given), digest(config.metricsToken)) ? 'allowed' : 'refused';
}
