import { z } from 'zod';

/**
 * The API's limits and the credential-endpoint rule: variables read with the rest of the
 * configuration (config.ts merges this schema and this part of AppConfig).
 */
export const API_ENV = {
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(3).max(100).default(12),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).max(1000).default(15),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(100).default(200_000),
  WS_MAX_SUBSCRIPTIONS: z.coerce.number().int().min(1).max(10_000).default(50),
  LOGIN_MAX_PER_IP: z.coerce.number().int().min(1).default(30),
  LOGIN_MAX_FAILURES_PER_USER: z.coerce.number().int().min(1).default(10),
  PASSWORD_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  API_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  ALLOW_HTTP_CREDENTIAL_URLS: z.enum(['never', 'loopback', 'always']).default('loopback'),
  TRUST_PROXY: z.string().optional(),
};

type ApiEnv = z.infer<z.ZodObject<typeof API_ENV>>;

export interface ApiConfig {
  /** Deepest selection a GraphQL operation may have (introspection aside). */
  graphqlMaxDepth: number;
  /** Aliases one operation may use. */
  graphqlMaxAliases: number;
  /** Highest estimated cost of one operation (lists count by their `take`, heavy fields more). */
  graphqlMaxCost: number;
  /** Subscriptions one WebSocket may hold at once. */
  wsMaxSubscriptions: number;
  /** Sign-in attempts from one address per 5 minutes. */
  loginMaxPerIp: number;
  /** Failed sign-ins of one user name per 15 minutes. */
  loginMaxFailuresPerUser: number;
  /** Password hashes (argon2) computed at once; more wait, and past a queue are refused. */
  passwordHashConcurrency: number;
  /** Lifetime of an API token made without an expiry, and the default in the UI. */
  apiTokenTtlDays: number;
  /** Where plain http may carry a credential: never, only to a loopback address (default), or anywhere (a lab). */
  allowHttpCredentialUrls: 'never' | 'loopback' | 'always';
  /** Express's "trust proxy": which proxies' X-Forwarded-For gives the client's address (for the sign-in limits). */
  trustProxy: boolean | number | string;
}

function trustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

export function apiConfig(env: ApiEnv): ApiConfig {
  return {
    graphqlMaxDepth: env.GRAPHQL_MAX_DEPTH,
    graphqlMaxAliases: env.GRAPHQL_MAX_ALIASES,
    graphqlMaxCost: env.GRAPHQL_MAX_COST,
    wsMaxSubscriptions: env.WS_MAX_SUBSCRIPTIONS,
    loginMaxPerIp: env.LOGIN_MAX_PER_IP,
    loginMaxFailuresPerUser: env.LOGIN_MAX_FAILURES_PER_USER,
    passwordHashConcurrency: env.PASSWORD_HASH_CONCURRENCY,
    apiTokenTtlDays: env.API_TOKEN_TTL_DAYS,
    allowHttpCredentialUrls: env.ALLOW_HTTP_CREDENTIAL_URLS,
    trustProxy: trustProxy(env.TRUST_PROXY),
  };
}
