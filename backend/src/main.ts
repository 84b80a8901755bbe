import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import type { NextFunction, Request, Response } from 'express';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { BootstrapService } from './bootstrap.service.js';
import { type AppConfig, ConfigError, loadConfig, runsApi } from './config/config.js';
import { createDataSource, migrate } from './database/data-source.js';
import { hashedAssets } from './system/frontend-serving.js';
import { rootRefusal } from './system/not-root.js';

/** Paths the api answers itself; every other GET gets the UI. */
const API_PATHS = /^\/(graphql|healthz|metrics|hooks|git|api|auth)(\/|$)/;

/** Applies the pending migrations; resolves with their names (logged once the logger is up). */
async function runMigrations(config: AppConfig): Promise<string[]> {
  const ds = createDataSource(config.databaseUrl);
  await ds.initialize();
  try {
    return await migrate(ds);
  } finally {
    await ds.destroy();
  }
}

/** The git remote and webhooks stream as git and their senders expect: never re-compressed. */
const UNCOMPRESSED = /^\/(git|hooks)(\/|$)/;

/**
 * The UI: its hashed files (dist/assets) as the build compressed them (brotli or gzip) and cached
 * for good (system/frontend-serving.ts); index.html revalidated on every load (`no-cache`), so a new
 * build is picked up at once; its source maps kept off the web (built `hidden`, and refused here):
 * they are for whoever has the build, not for every visitor.
 */
function serveFrontend(app: NestExpressApplication, config: AppConfig): void {
  const index = join(config.frontendDist, 'index.html');
  if (!existsSync(index)) {
    new Logger('Frontend').warn(`no built UI at ${config.frontendDist}: run "npm run build -w frontend"`);
    return;
  }
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path.endsWith('.map')) return res.status(404).type('text/plain').send('Not found');
    next();
  });
  app.use(hashedAssets(config.frontendDist));
  app.useStaticAssets(config.frontendDist, {
    index: false,
    maxAge: '1h',
    setHeaders: (res: Response, path: string) => {
      if (path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || API_PATHS.test(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

export async function startApp(config: AppConfig): Promise<NestExpressApplication> {
  const migrated = await runMigrations(config);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    // What Nest logs while it starts waits for pino (logging/), which LOG_LEVEL and LOG_FORMAT set up.
    bufferLogs: true,
    // Webhook signatures are computed over the body exactly as sent.
    rawBody: true,
  });
  // pino takes over at once: what the modules log while they start (queue jobs a worker takes
  // as it boots among it) is written then, in its context, not replayed without it after init.
  app.useLogger(app.get(PinoNestLogger));
  app.flushLogs();
  if (migrated.length) new Logger('Migrations').log(`applied ${migrated.join(', ')}`);
  app.useBodyParser('json', { limit: config.maxBodyBytes });
  app.use(compression({ filter: (req: Request, res: Response) => !UNCOMPRESSED.test(req.path) && compression.filter(req, res) }));
  // Which proxies' X-Forwarded-For names the client (req.ip, used by the sign-in limits).
  app.set('trust proxy', config.trustProxy);
  // No "X-Powered-By: Express" on every answer: it tells nothing a client needs.
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  if (runsApi(config)) {
    await app.get(BootstrapService).seed();
    serveFrontend(app, config);
    await app.listen(config.port, config.host);
    new Logger('Superfluid').log(`${config.role} role listening on http://${config.host}:${config.port}`);
  } else {
    await app.init();
    new Logger('Superfluid').log('worker role started');
  }
  return app;
}

async function main(): Promise<void> {
  const asRoot = rootRefusal();
  if (asRoot) {
    process.stderr.write(asRoot);
    process.exit(2);
  }
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`superfluid: ${err.message}\nSee README.md, "Configuration".\n`);
      process.exit(2);
    }
    throw err;
  }
  await startApp(config);
}

const isEntryPoint = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntryPoint) {
  main().catch((err: Error) => {
    process.stderr.write(`superfluid: failed to start: ${err.stack ?? err.message}\n`);
    process.exit(1);
  });
}
