import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { metricsAccess } from './metrics-access.js';
import { MetricsService } from './metrics.service.js';

/** /metrics on the api port (METRICS_PORT unset): Prometheus' text format, for the bearer of METRICS_TOKEN. */
@Controller()
export class MetricsController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: MetricsService,
  ) {}

  @Get('metrics')
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() res: Response): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    const access = metricsAccess(this.config, authorization, false);
    if (access === 'off') {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    if (access === 'refused') {
      res.status(401).setHeader('WWW-Authenticate', 'Bearer realm="metrics"').type('text/plain').send('Send "Authorization: Bearer <METRICS_TOKEN>".');
      return;
    }
    res
      .status(200)
      .type(this.metrics.contentType)
      .send(await this.metrics.render());
  }
}
