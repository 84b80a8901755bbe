import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { API_ENV, type ApiConfig, apiConfig } from './api-config.js';
import { OBSERVABILITY_ENV, type ObservabilityConfig, observabilityConfig, observabilityIssues } from './observability-config.js';
import { OIDC_ENV, type OidcConfig, oidcConfig, oidcIssues } from './oidc-config.js';

/** The project root: the folder holding backend/, playbooks/, catalog/ and frontend/. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

const roles = ['api', 'worker', 'all'] as const;
export type Role = (typeof roles)[number];

const url = (protocols: string[]) =>
  z
    .string()
    .min(1)
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
    );

const schema = z.object({
  ROLE: z.enum(roles).default('all'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: url(['postgres:', 'postgresql:']),
  REDIS_URL: url(['redis:', 'rediss:']),
  DATA_DIR: z.string().min(1).default('./.data'),
  SECRET_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(4),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
  PLAYBOOKS_DIR: z.string().min(1).default(resolve(PROJECT_ROOT, 'playbooks')),
  CATALOG_DIR: z.string().min(1).default(resolve(PROJECT_ROOT, 'catalog')),
  FRONTEND_DIST: z.string().min(1).default(resolve(PROJECT_ROOT, 'frontend/dist')),
  ANSIBLE_PLAYBOOK_BIN: z.string().min(1).default('ansible-playbook'),
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  TOKEN_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .default(24 * 7),
  JOB_TIMEOUT_SECONDS: z.coerce.number().int().min(1).default(3600),
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(1).default(120),
  JOB_RETENTION_DAYS: z.coerce.number().int().min(0).default(90),
  PUBLIC_URL: url(['http:', 'https:']).optional(),
  PORTAL_URL: url(['http:', 'https:']).optional(),
  GIT_MAX_REPO_MB: z.coerce.number().int().min(1).default(500),
  GIT_MAX_FILES: z.coerce.number().int().min(1).default(20_000),
  GIT_REFRESH_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  GIT_FILE_REMOTE_DIRS: z
    .string()
    .default('')
    .refine((v) => v.split(':').every((d) => d === '' || d.startsWith('/')), 'must be absolute folders separated by ":"'),
  GIT_PUSH_TIMEOUT_SECONDS: z.coerce.number().int().min(1).default(300),
  PROVIDER_HEALTH_INTERVAL_SECONDS: z.coerce.number().int().min(5).default(60),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, 'must be smtp://host:port or smtps://user:password@host:port')
    .optional(),
  SMTP_FROM: z.string().min(3).default('Superfluid <superfluid@localhost>'),
  RETIREMENT_CHECK_SECONDS: z.coerce.number().int().min(5).default(60),
  /** How often due scheduled operations are looked for (a schedule fires within this many seconds of its time). */
  SCHEDULE_CHECK_SECONDS: z.coerce.number().int().min(1).default(15),
  WEBHOOK_ALLOW_LOOPBACK: z.enum(['true', 'false']).default('false'),
  PROBE_ALLOW_LOOPBACK: z.enum(['true', 'false']).default('false'),
  ALARM_QUEUE_WAIT_SECONDS: z.coerce.number().int().min(10).default(300),
  NOTIFICATION_RETENTION_DAYS: z.coerce.number().int().min(1).default(90),
  ...API_ENV,
  ...OIDC_ENV,
  ...OBSERVABILITY_ENV,
  SANDBOX: z.enum(['on', 'off']).default('on'),
  JOB_MAX_EVENTS: z.coerce.number().int().min(100).default(100_000),
  JOB_MAX_EVENTS_MB: z.coerce.number().int().min(1).default(200),
  JOB_MAX_EVENT_KB: z.coerce.number().int().min(4).default(128),
  JOB_MAX_MSG_CHARS: z.coerce.number().int().min(100).default(8192),
  JOB_MAX_STDOUT_MB: z.coerce.number().int().min(1).default(10),
});

export interface AppConfig extends ApiConfig, ObservabilityConfig {
  role: Role;
  port: number;
  host: string;
  databaseUrl: string;
  redisUrl: string;
  dataDir: string;
  /** Secret: never log it. Undefined means "read or create DATA_DIR/secret.key". */
  secretKey?: string;
  /** Secret: never log it. */
  adminPassword?: string;
  workerConcurrency: number;
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  playbooksDir: string;
  catalogDir: string;
  frontendDist: string;
  ansiblePlaybookBin: string;
  maxBodyBytes: number;
  tokenTtlHours: number;
  jobTimeoutSeconds: number;
  /** On SIGTERM, running playbooks get this long to finish (`npm start` waits as long for the backend); then they are stopped. */
  shutdownGraceSeconds: number;
  /** Events and logs of jobs finished longer ago are removed; 0 keeps them forever. */
  jobRetentionDays: number;
  /** How users reach the portal, for the clone URLs of hosted repositories. */
  publicUrl: string;
  /**
   * The api's base URL as a worker on another host reaches it (PORTAL_URL); null when unset.
   * A ROLE=worker process with it fetches hosted repositories from `<it>/git/<name>.git`
   * with its instance credential, never from the api's DATA_DIR.
   */
  portalUrl: string | null;
  /** A repository (or a push) larger than this is refused. */
  gitMaxRepoBytes: number;
  /** A commit with more files than this is refused. */
  gitMaxFiles: number;
  /** Repositories refreshed at once by a bulk or scheduled refresh. */
  gitRefreshConcurrency: number;
  /** Folders a file:// repository may be in (hosted repositories aside); none by default. */
  gitFileRemoteDirs: string[];
  /** A push to a hosted repository (upload and checks) taking longer than this is refused. */
  gitPushTimeoutSeconds: number;
  /** Every provider's health is checked this often. */
  providerHealthIntervalSeconds: number;
  /** Where e-mail goes out (retirement warnings); none: no e-mail, the warnings are shown in the portal only. Holds a password: never logged. */
  smtpUrl: string | null;
  smtpFrom: string;
  /** Services are checked this often for retirement warnings due and retirement dates reached. */
  retirementCheckSeconds: number;
  scheduleCheckSeconds: number;
  /** Outbound webhooks may reach loopback addresses (the portal's own services): for a receiver on the same host in development and tests. */
  webhookAllowLoopback: boolean;
  /** Performance jobs' HTTP probes may reach loopback addresses (the portal's own host). */
  probeAllowLoopback: boolean;
  /** A queue whose oldest waiting job has waited longer raises a queue_backlog alarm. */
  alarmQueueWaitSeconds: number;
  /** Notifications (and their deliveries) and cleared alarms older than this many days are removed. */
  notificationRetentionDays: number;
  /**
   * Every Ansible process runs in a bubblewrap sandbox (SANDBOX=on, the default). Off only
   * for a developer who asks: playbooks then run as the portal's own user and see its files.
   */
  sandbox: boolean;
  /** What one job may store; past each limit, output is cut and a marker says what was cut. */
  jobOutputLimits: JobOutputLimits;
  /** Single sign-on (OpenID Connect); null when OIDC_ISSUER is not set. */
  oidc: OidcConfig | null;
}

export interface JobOutputLimits {
  /** Events stored per job (the last, playbook_on_stats, always is). */
  maxEvents: number;
  /** Bytes of events (their JSON) stored per job. */
  maxEventBytes: number;
  /** Bytes of one event: a larger one is stored cut to its names, status and message. */
  maxEventSize: number;
  /** Characters of one `msg` (in events and in the job's error). */
  maxMsgChars: number;
  /** Characters of stdout stored per job. */
  maxStdoutChars: number;
}

export class ConfigError extends Error {}

/** Reads and validates the environment once. Throws ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  const crossIssues = parsed.success ? [...oidcIssues(parsed.data), ...observabilityIssues(parsed.data), ...portalIssues(parsed.data)] : [];
  if (!parsed.success || crossIssues.length) {
    const lines = (parsed.error?.issues ?? []).map((issue) => {
      const name = issue.path.join('.');
      const missing = issue.code === 'invalid_type' && present[name] === undefined;
      return `  ${name}: ${missing ? 'is required' : issue.message}`;
    });
    lines.push(...crossIssues.map((i) => `  ${i.path}: ${i.message}`));
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const publicUrl = (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/+$/, '');
  return {
    role: c.ROLE,
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    redisUrl: c.REDIS_URL,
    dataDir: resolve(c.DATA_DIR),
    secretKey: c.SECRET_KEY,
    adminPassword: c.ADMIN_PASSWORD,
    workerConcurrency: c.WORKER_CONCURRENCY,
    logLevel: c.LOG_LEVEL,
    playbooksDir: resolve(c.PLAYBOOKS_DIR),
    catalogDir: resolve(c.CATALOG_DIR),
    frontendDist: resolve(c.FRONTEND_DIST),
    ansiblePlaybookBin: c.ANSIBLE_PLAYBOOK_BIN,
    maxBodyBytes: c.MAX_BODY_BYTES,
    tokenTtlHours: c.TOKEN_TTL_HOURS,
    jobTimeoutSeconds: c.JOB_TIMEOUT_SECONDS,
    shutdownGraceSeconds: c.SHUTDOWN_GRACE_SECONDS,
    jobRetentionDays: c.JOB_RETENTION_DAYS,
    publicUrl,
    portalUrl: c.PORTAL_URL ? c.PORTAL_URL.replace(/\/+$/, '') : null,
    gitMaxRepoBytes: c.GIT_MAX_REPO_MB * 1024 * 1024,
    gitMaxFiles: c.GIT_MAX_FILES,
    gitRefreshConcurrency: c.GIT_REFRESH_CONCURRENCY,
    gitFileRemoteDirs: c.GIT_FILE_REMOTE_DIRS.split(':')
      .filter(Boolean)
      .map((d) => resolve(d)),
    gitPushTimeoutSeconds: c.GIT_PUSH_TIMEOUT_SECONDS,
    providerHealthIntervalSeconds: c.PROVIDER_HEALTH_INTERVAL_SECONDS,
    smtpUrl: c.SMTP_URL ?? null,
    smtpFrom: c.SMTP_FROM,
    retirementCheckSeconds: c.RETIREMENT_CHECK_SECONDS,
    scheduleCheckSeconds: c.SCHEDULE_CHECK_SECONDS,
    webhookAllowLoopback: c.WEBHOOK_ALLOW_LOOPBACK === 'true',
    probeAllowLoopback: c.PROBE_ALLOW_LOOPBACK === 'true',
    alarmQueueWaitSeconds: c.ALARM_QUEUE_WAIT_SECONDS,
    notificationRetentionDays: c.NOTIFICATION_RETENTION_DAYS,
    ...apiConfig(c),
    ...observabilityConfig(c),
    sandbox: c.SANDBOX === 'on',
    jobOutputLimits: {
      maxEvents: c.JOB_MAX_EVENTS,
      maxEventBytes: c.JOB_MAX_EVENTS_MB * 1024 * 1024,
      maxEventSize: c.JOB_MAX_EVENT_KB * 1024,
      maxMsgChars: c.JOB_MAX_MSG_CHARS,
      maxStdoutChars: c.JOB_MAX_STDOUT_MB * 1024 * 1024,
    },
    oidc: oidcConfig(c, publicUrl),
  };
}

/**
 * A worker that reaches the api through PORTAL_URL has a data folder of its own: it must not
 * make a key file of its own there (credentials stored by the api would not decrypt).
 */
function portalIssues(c: { PORTAL_URL?: string; SECRET_KEY?: string; ROLE: Role }): { path: string; message: string }[] {
  if (!c.PORTAL_URL) return [];
  if (c.ROLE !== 'worker') {
    return [{ path: 'PORTAL_URL', message: `is for ROLE=worker only (a worker on another host), not ROLE=${c.ROLE}, which reads its own DATA_DIR: unset it` }];
  }
  return c.SECRET_KEY
    ? []
    : [
        {
          path: 'SECRET_KEY',
          message: "is required when PORTAL_URL is set: give every process the api's key (a worker on another host has no key file of the api's)",
        },
      ];
}

export const runsApi = (c: AppConfig) => c.role === 'api' || c.role === 'all';
export const runsWorker = (c: AppConfig) => c.role === 'worker' || c.role === 'all';

/** Injection token for the AppConfig object. */
export const APP_CONFIG = Symbol('APP_CONFIG');
