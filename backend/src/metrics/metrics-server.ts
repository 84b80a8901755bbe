import { createServer, type Server } from 'node:http';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { metricsAccess } from './metrics-access.js';
import { MetricsService } from './metrics.service.js';

/**
 * With METRICS_PORT (and a token): a listener of its own on HOST:METRICS_PORT that answers
 * GET /metrics and nothing else — in every role, so that a worker-only process, which serves
 * no HTTP otherwise, shows what it ran.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsServer.name);
  private server?: Server;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: MetricsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const port = this.config.metricsPort;
    if (port === null || !this.config.metricsToken) return;
    const server = createServer((req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      const path = (req.url ?? '').split('?')[0];
      const access =
        path === '/metrics' && (req.method === 'GET' || req.method === 'HEAD') ? metricsAccess(this.config, req.headers.authorization, true) : 'off';
      if (access !== 'allowed') {
        res.writeHead(access === 'off' ? 404 : 401, {
          'Content-Type': 'text/plain',
          ...(access === 'refused' ? { 'WWW-Authenticate': 'Bearer realm="metrics"' } : {}),
        });
        res.end(access === 'off' ? 'Not found' : 'Send "Authorization: Bearer <METRICS_TOKEN>".');
        return;
      }
      this.metrics.render().then(
        (text) => {
          res.writeHead(200, { 'Content-Type': this.metrics.contentType });
          res.end(req.method === 'HEAD' ? undefined : text);
        },
        (err: Error) => {
          this.logger.error({ error: err.message }, 'metrics: rendering failed');
          res.writeHead(500, { 'Content-Type': 'text/plain' });
          res.end('Metrics could not be collected.');
        },
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.config.host, () => resolve());
    });
    this.server = server;
    this.logger.log(`metrics on http://${this.config.host}:${port}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
