import { Inject, Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { JobEventsIngestedEvent, JobRanEvent } from '../jobs/job.events.js';
import { QueueJobRanEvent } from '../queue/queue.events.js';
import { LabelCap } from './label-cap.js';

/** Seconds: from a tenth of a second (a no-op task) to an hour (JOB_TIMEOUT_SECONDS' default). */
const RUN_BUCKETS = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600];
/** Seconds: an API answer, from a millisecond to ten seconds. */
const API_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Distinct GraphQL operation names counted; past them, `other`. */
const MAX_OPERATIONS = 300;

/**
 * The process's metrics registry and what this process observes itself: its playbook runs and
 * queue jobs (told by typed events of jobs/ and queue/), Ansible events stored, HTTP and
 * GraphQL latency, and Node's own (memory, CPU, event loop). What is the same from every
 * process — requests, queues, providers, services, read from Postgres and Redis at scrape
 * time — is added by ClusterMetrics, on the api roles only.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly operations = new LabelCap(MAX_OPERATIONS);

  private readonly jobDuration = new Histogram({
    name: 'superfluid_job_duration_seconds',
    help: 'Playbook runs (jobs) this process ran, by how they ended, from the start of their preparation to their outcome stored.',
    labelNames: ['status'],
    buckets: RUN_BUCKETS,
    registers: [this.registry],
  });

  private readonly queueJobDuration = new Histogram({
    name: 'superfluid_queue_job_duration_seconds',
    help: "BullMQ jobs this process's workers ran, by queue, job name and outcome (completed, failed, delayed: put back to wait for a slot).",
    labelNames: ['queue', 'job', 'outcome'],
    buckets: RUN_BUCKETS,
    registers: [this.registry],
  });

  private readonly eventsIngested = new Counter({
    name: 'superfluid_job_events_ingested_total',
    help: 'Ansible events this process stored for the jobs it ran.',
    registers: [this.registry],
  });

  private readonly httpDuration = new Histogram({
    name: 'superfluid_http_request_duration_seconds',
    help: 'HTTP requests this process answered, by method, route (its pattern, not the path asked for) and status code.',
    labelNames: ['method', 'route', 'status_code'],
    buckets: API_BUCKETS,
    registers: [this.registry],
  });

  private readonly graphqlDuration = new Histogram({
    name: 'superfluid_graphql_operation_duration_seconds',
    help: 'GraphQL operations over HTTP, by operation name (the root fields when it has none), type, and outcome (ok, error).',
    labelNames: ['operation', 'type', 'outcome'],
    buckets: API_BUCKETS,
    registers: [this.registry],
  });

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    new Gauge({
      name: 'superfluid_process_info',
      help: 'Always 1: the role this process runs as (api, worker or all).',
      labelNames: ['role'],
      registers: [this.registry],
    }).set({ role: config.role }, 1);
    collectDefaultMetrics({ register: this.registry });
  }

  /** The metrics in Prometheus' text format. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  observeHttp(method: string, route: string, statusCode: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status_code: String(statusCode) }, seconds);
  }

  observeGraphql(operation: string, type: string, ok: boolean, seconds: number): void {
    this.graphqlDuration.observe({ operation: this.operations.label(operation), type, outcome: ok ? 'ok' : 'error' }, seconds);
  }

  @OnEvent(JobRanEvent.NAME)
  onJobRan(event: JobRanEvent): void {
    this.jobDuration.observe({ status: event.status }, event.seconds);
  }

  @OnEvent(QueueJobRanEvent.NAME)
  onQueueJobRan(event: QueueJobRanEvent): void {
    this.queueJobDuration.observe({ queue: event.queue, job: event.job, outcome: event.outcome }, event.seconds);
  }

  @OnEvent(JobEventsIngestedEvent.NAME)
  onEventsIngested(event: JobEventsIngestedEvent): void {
    this.eventsIngested.inc(event.count);
  }
}
