import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { AlarmsService } from '../alarms/alarms.service.js';
import type { TenantScope, Viewer } from '../auth/auth.decorators.js';
import { AppError, ErrorCode, isUuid, notFound, validationFailed } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { ServiceMeasuredEvent } from '../lifecycle/lifecycle.events.js';
import { MeasuresService } from '../lifecycle/measures.service.js';
import { guardedLookup, webhookUrlProblem } from '../notifications/webhook-url.js';
import type { ProviderMetricSpec } from '../providers/provider-health.js';
import { ProvidersService } from '../providers/providers.service.js';
import { ServicesService } from '../services/services.service.js';
import {
  PERFORMANCE_METRICS,
  type PerformanceMetric,
  PerformanceJobEntity,
  type PerformanceSource,
  PerformanceThresholdEntity,
  THRESHOLD_OPERATORS,
  type ThresholdOperator,
} from './performance.entities.js';

/** How long an HTTP probe waits for an answer before the target counts as down. */
const PROBE_TIMEOUT_MS = 5_000;
/** The most jobs one collection takes (the rest wait for the next tick). */
const BATCH = 100;
/** How long samples are kept. */
const RETENTION_DAYS = 30;
const NAME_MAX = 100;

export interface NewPerformanceJob {
  serviceId: string;
  name: string;
  metric: PerformanceMetric;
  /** For http_up and http_latency_ms. */
  url?: string | null;
  /** For k8s_ready_replicas and heat_stack_complete: one of the service's providers. */
  providerId?: string | null;
  namespace?: string | null;
  deployment?: string | null;
  stack?: string | null;
  /** For playbook_stat: a playbook of the service's repository, and the set_stats key it gives. */
  playbook?: string | null;
  stat?: string | null;
  intervalSeconds: number;
}

/** A job about a provider itself: a metric read from its own API. */
export interface NewProviderPerformanceJob {
  providerId: string;
  name: string;
  metric: PerformanceMetric;
  namespace?: string | null;
  deployment?: string | null;
  stack?: string | null;
  intervalSeconds: number;
}

export interface NewThreshold {
  jobId: string;
  operator: ThresholdOperator;
  value: number;
  severity: PerformanceThresholdEntity['severity'];
}

export interface Sample {
  at: Date;
  value: number | null;
  error: string | null;
}

const METRIC_NAMES: Record<PerformanceMetric, string> = {
  http_up: 'up (1) or down (0)',
  http_latency_ms: 'answer time (ms)',
  k8s_ready_replicas: 'ready replicas',
  heat_stack_complete: 'stack complete (1) or not (0)',
  playbook_stat: 'playbook set_stats',
};
/** A playbook source runs ansible-playbook each interval: not more often than this. */
const PLAYBOOK_MIN_INTERVAL = 60;
/** A measure told of by no event for this long (a lost one) no longer holds the job's next ticks off. */
const MEASURE_STALE_MS = 2 * 60 * 60_000;
const insertSample = (m: EntityManager, jobId: string, value: number | null, error: string | null) =>
  m.query(`INSERT INTO performance_samples (job_id, "at", "value", "error") VALUES ($1, now(), $2, $3)`, [jobId, value, error]);

/** A measure marked under way whose request is not stored after this long was never made (a crash). */
const MEASURE_UNSTARTED_MS = 60_000;
/** A set_stats key: a plain identifier. */
const STAT_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;
/** The provider type a provider metric reads. */
const PROVIDER_METRICS: Partial<Record<PerformanceMetric, 'kubernetes' | 'openstack'>> = { k8s_ready_replicas: 'kubernetes', heat_stack_complete: 'openstack' };
/** A Kubernetes name (namespace, Deployment) or a Heat stack name. */
const K8S_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const STACK_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,254}$/;

const crosses = (operator: ThresholdOperator, value: number, limit: number): boolean =>
  operator === '>' ? value > limit : operator === '>=' ? value >= limit : operator === '<' ? value < limit : value <= limit;

/**
 * NS performance management: performance jobs collect a metric of a service on an interval
 * (an HTTP probe of a URL: whether it answers, and how fast; the API of one of the service's
 * providers: a Kubernetes Deployment's ready replicas, whether a Heat stack is complete; or a
 * number a playbook gives with set_stats, run on the service's placement by a measure request of
 * the lifecycle module, whose end comes back as a ServiceMeasuredEvent), store each sample in PostgreSQL,
 * and thresholds on the metric raise an alarm when a sample crosses them and clear it when a
 * sample is back. Who sees the service sees and manages its jobs; anyone else gets NOT_FOUND.
 */
@Injectable()
export class PerformanceService {
  private readonly logger = new Logger(PerformanceService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly services: ServicesService,
    private readonly providers: ProvidersService,
    private readonly alarms: AlarmsService,
    private readonly measures: MeasuresService,
  ) {}

  // ---- jobs and thresholds ----------------------------------------------------------------

  /**
   * A service's job. A metric read from a provider names a Deployment or a stack: one the service
   * reports in its outputs, unless the caller may change the provider (`providerScope`, providers:write)
   * — a requester on a shared cluster or cloud reads their own workload, not another tenant's.
   */
  async createJob(input: NewPerformanceJob, userId: string, viewer?: Viewer, providerScope?: TenantScope): Promise<PerformanceJobEntity> {
    const service = await this.services.get(input.serviceId, viewer);
    // A playbook job runs a playbook of the service's repository, any of them, on its hosts and with
    // its secrets, every minute: an operator's tool (providers:write in the service's tenant), not a
    // requester's, who may order the item's own playbooks only (and probe the service over HTTP).
    if (input.metric === 'playbook_stat' && viewer && !(providerScope?.tenants ?? []).includes(service.tenantId)) {
      throw new AppError(
        ErrorCode.FORBIDDEN,
        'Measuring a service with a playbook needs the operator role in its tenant (it may run any playbook of the repository on its hosts): probe it over HTTP instead, or ask an operator.',
      );
    }
    const fields = this.commonProblems(input);
    const source =
      input.metric === 'playbook_stat' ? await this.playbookSource(input, service, fields) : await this.sourceOf(input, service.providerIds, fields);
    if (source && (source.kind === 'kubernetes' || source.kind === 'openstack') && viewer && !fields.providerId) {
      const operates = await this.providers.get(source.providerId, providerScope ?? { tenants: [], reach: [], home: '' }, true).then(
        () => true,
        () => false,
      );
      const reported = new Set(stringsIn(service.outputs));
      if (!operates) {
        if (source.kind === 'kubernetes' && !reported.has(source.deployment)) fields.deployment = 'is not one this service reports in its outputs';
        if (source.kind === 'kubernetes' && source.namespace !== 'default' && !reported.has(source.namespace)) {
          fields.namespace = 'is not one this service reports in its outputs';
        }
        if (source.kind === 'openstack' && !reported.has(source.stack)) fields.stack = 'is not one this service reports in its outputs';
      }
    }
    refuseWith(fields);
    if (service.status !== 'active') throw validationFailed('Only an active service is measured.', { serviceId: `is ${service.status}` });
    return this.save({ serviceId: service.id, providerId: null, tenantId: service.tenantId }, input, source!, userId);
  }

  /**
   * A job about a provider itself (its own tenant's, with providers:write): a metric read from
   * its API — a Kubernetes Deployment's ready replicas, a Heat stack's status. NOT_FOUND when the
   * scope may not change the provider.
   */
  async createProviderJob(input: NewProviderPerformanceJob, userId: string, scope?: TenantScope): Promise<PerformanceJobEntity> {
    const provider = await this.providers.get(input.providerId, scope, true);
    const fields = this.commonProblems(input);
    if (!fields.metric && !PROVIDER_METRICS[input.metric]) {
      fields.metric = `is read from the provider's API: ${Object.keys(PROVIDER_METRICS).join(' or ')}`;
    }
    const source = fields.metric ? null : await this.sourceOf(input, [provider.id], fields);
    refuseWith(fields);
    return this.save({ serviceId: null, providerId: provider.id, tenantId: provider.tenantId }, input, source!, userId);
  }

  /**
   * A playbook source: `playbook` in the service's repository at the commit the service runs, `stat`
   * a plain identifier, and an interval of a minute or more (each sample is an ansible-playbook run).
   */
  private async playbookSource(
    input: NewPerformanceJob,
    service: Awaited<ReturnType<ServicesService['get']>>,
    fields: Record<string, string>,
  ): Promise<PerformanceSource | null> {
    const playbook = (input.playbook ?? '').trim();
    const stat = (input.stat ?? '').trim();
    if (!playbook) fields.playbook = 'is required';
    else {
      const problem = await this.measures.playbookProblem(service, playbook);
      if (problem) fields.playbook = problem;
    }
    if (!stat) fields.stat = 'is required';
    else if (!STAT_NAME.test(stat)) fields.stat = 'is a plain identifier (a letter or _, then letters, digits or _), as set_stats names it';
    if (!fields.intervalSeconds && input.intervalSeconds < PLAYBOOK_MIN_INTERVAL) {
      fields.intervalSeconds = `is ${PLAYBOOK_MIN_INTERVAL} seconds or more for a playbook (each sample runs it)`;
    }
    return fields.playbook || fields.stat ? null : { kind: 'playbook', playbook, stat };
  }

  private commonProblems(input: { name: string; metric: PerformanceMetric; intervalSeconds: number }): Record<string, string> {
    const name = input.name.trim();
    const fields: Record<string, string> = {};
    if (!name || name.length > NAME_MAX) fields.name = name ? `at most ${NAME_MAX} characters` : 'is required';
    if (!PERFORMANCE_METRICS.includes(input.metric)) fields.metric = `is one of ${PERFORMANCE_METRICS.join(', ')}`;
    if (!Number.isInteger(input.intervalSeconds) || input.intervalSeconds < 5 || input.intervalSeconds > 86_400) {
      fields.intervalSeconds = 'is a whole number of seconds from 5 to 86400';
    }
    return fields;
  }

  private save(
    target: Pick<PerformanceJobEntity, 'serviceId' | 'providerId' | 'tenantId'>,
    input: { name: string; metric: PerformanceMetric; intervalSeconds: number },
    source: PerformanceSource,
    userId: string,
  ): Promise<PerformanceJobEntity> {
    const repo = this.db.getRepository(PerformanceJobEntity);
    return repo.save(
      repo.create({
        ...target,
        name: input.name.trim(),
        metric: input.metric,
        source,
        intervalSeconds: input.intervalSeconds,
        nextRunAt: new Date(),
        createdBy: userId,
      }),
    );
  }

  /** Where the job's samples come from, for its metric; what is wrong goes in `fields`. */
  private async sourceOf(
    input: Partial<NewPerformanceJob> & { metric: PerformanceMetric },
    serviceProviders: string[],
    fields: Record<string, string>,
  ): Promise<PerformanceSource | null> {
    const providerType = PROVIDER_METRICS[input.metric];
    if (!providerType) {
      const urlProblem = await webhookUrlProblem(input.url ?? '', this.config.probeAllowLoopback);
      if (urlProblem) fields.url = input.url ? urlProblem : 'is required';
      return urlProblem ? null : { kind: 'http', url: input.url! };
    }
    // A provider metric reads one of the service's own providers (or the job's provider), of the type the metric reads.
    const providerId = input.providerId ?? '';
    if (!providerId) fields.providerId = 'is required';
    else if (!serviceProviders.includes(providerId)) fields.providerId = 'is not a provider of this service';
    else if ((await this.providers.get(providerId)).type !== providerType) fields.providerId = `is not a ${providerType} provider`;
    if (providerType === 'kubernetes') {
      const namespace = (input.namespace ?? '').trim() || 'default';
      const deployment = (input.deployment ?? '').trim();
      if (!K8S_NAME.test(namespace)) fields.namespace = 'is a Kubernetes name (lower-case letters, digits and -)';
      if (!deployment) fields.deployment = 'is required';
      else if (!K8S_NAME.test(deployment)) fields.deployment = 'is a Kubernetes name (lower-case letters, digits and -)';
      return { kind: 'kubernetes', providerId, namespace, deployment };
    }
    const stack = (input.stack ?? '').trim();
    if (!stack) fields.stack = 'is required';
    else if (!STACK_NAME.test(stack)) fields.stack = 'is a Heat stack name (a letter, then letters, digits, _ . -)';
    return { kind: 'openstack', providerId, stack };
  }

  /**
   * A job the caller may see: a service's job when the viewer sees the service, a provider's job
   * when the provider scope includes it — with `owned`, to change it: its own tenant's providers only,
   * not one shared with it (without either, as the system: any job); NOT_FOUND otherwise.
   */
  async job(id: string, viewer?: Viewer, providerScope?: TenantScope, owned = false): Promise<PerformanceJobEntity> {
    const job = isUuid(id) ? await this.db.getRepository(PerformanceJobEntity).findOneBy({ id }) : null;
    if (!job) throw notFound('Performance job', id);
    const system = !viewer && !providerScope;
    const visible = job.serviceId
      ? await this.services.get(job.serviceId, viewer).then(
          () => true,
          () => false,
        )
      : system ||
        (!!providerScope &&
          (await this.providers.get(job.providerId!, providerScope, owned).then(
            () => true,
            () => false,
          )));
    if (!visible) throw notFound('Performance job', id);
    return job;
  }

  async jobsOf(serviceId: string, viewer?: Viewer): Promise<PerformanceJobEntity[]> {
    await this.services.get(serviceId, viewer);
    return this.db.getRepository(PerformanceJobEntity).find({ where: { serviceId }, order: { createdAt: 'ASC' } });
  }

  /** A provider's own jobs (not those of services on it); NOT_FOUND when the scope may not see it. */
  async jobsOfProvider(providerId: string, scope?: TenantScope): Promise<PerformanceJobEntity[]> {
    await this.providers.get(providerId, scope);
    return this.db.getRepository(PerformanceJobEntity).find({ where: { providerId, serviceId: IsNull() }, order: { createdAt: 'ASC' } });
  }

  /** Deletes a job with its samples and thresholds; the alarms its thresholds raised are cleared. */
  async deleteJob(id: string, viewer?: Viewer, providerScope?: TenantScope): Promise<boolean> {
    const job = await this.job(id, viewer, providerScope, true);
    const thresholds = await this.thresholds(job.id);
    await this.db.getRepository(PerformanceJobEntity).delete({ id: job.id });
    for (const t of thresholds) await this.alarms.clearCause(thresholdKey(t.id), 'its performance job was deleted');
    return true;
  }

  async createThreshold(input: NewThreshold, viewer?: Viewer, providerScope?: TenantScope): Promise<PerformanceThresholdEntity> {
    const job = await this.job(input.jobId, viewer, providerScope, true);
    const fields: Record<string, string> = {};
    if (!THRESHOLD_OPERATORS.includes(input.operator)) fields.operator = `is one of ${THRESHOLD_OPERATORS.join(' ')}`;
    if (!Number.isFinite(input.value)) fields.value = 'is a number';
    if (!['critical', 'major', 'minor', 'warning'].includes(input.severity)) fields.severity = 'is critical, major, minor or warning';
    if (Object.keys(fields).length) throw validationFailed('The threshold cannot be created: check the fields marked.', fields);
    const repo = this.db.getRepository(PerformanceThresholdEntity);
    return repo.save(repo.create({ jobId: job.id, operator: input.operator, value: input.value, severity: input.severity }));
  }

  thresholds(jobId: string): Promise<PerformanceThresholdEntity[]> {
    return this.db.getRepository(PerformanceThresholdEntity).find({ where: { jobId }, order: { createdAt: 'ASC' } });
  }

  async deleteThreshold(id: string, viewer?: Viewer, providerScope?: TenantScope): Promise<boolean> {
    const threshold = isUuid(id) ? await this.db.getRepository(PerformanceThresholdEntity).findOneBy({ id }) : null;
    if (!threshold) throw notFound('Threshold', id);
    await this.job(threshold.jobId, viewer, providerScope, true).catch(() => {
      throw notFound('Threshold', id);
    });
    await this.db.getRepository(PerformanceThresholdEntity).delete({ id });
    await this.alarms.clearCause(thresholdKey(id), 'the threshold was deleted');
    return true;
  }

  /** A job's samples since `since` (oldest first, at most `limit`: the newest ones). */
  async samples(jobId: string, since: Date, limit = 1000): Promise<Sample[]> {
    const rows = (await this.db.query(
      `SELECT * FROM (SELECT "at", "value", "error" FROM performance_samples WHERE job_id = $1 AND "at" >= $2 ORDER BY "at" DESC LIMIT $3) s ORDER BY "at"`,
      [jobId, since, Math.min(Math.max(limit, 1), 10_000)],
    )) as Sample[];
    return rows;
  }

  // ---- collection -------------------------------------------------------------------------

  /**
   * Takes the jobs that are due (each claimed by moving its next run, so that workers side by
   * side never take the same one), probes them, stores the samples and checks the thresholds.
   * Jobs of services that are no longer active are left alone.
   */
  async collect(now = new Date()): Promise<number> {
    const due = (await this.db.query(
      `WITH d AS (
         SELECT id FROM performance_jobs WHERE next_run_at <= $1 ORDER BY next_run_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED
       ), u AS (
         UPDATE performance_jobs j SET next_run_at = $1::timestamptz + make_interval(secs => j.interval_seconds)
         FROM d WHERE j.id = d.id RETURNING j.*
       ) SELECT id FROM u`,
      [now],
    )) as { id: string }[];
    if (due.length === 0) return 0;
    const jobs = await this.db.getRepository(PerformanceJobEntity).findBy({ id: In(due.map((d) => d.id)) });
    await Promise.all(jobs.map((job) => this.collectOne(job).catch((err: Error) => this.logger.warn(`performance job ${job.id}: ${err.message}`))));
    return jobs.length;
  }

  private async collectOne(job: PerformanceJobEntity): Promise<void> {
    const about = await this.aboutOf(job);
    if (!about) return;
    if (job.source.kind === 'playbook') return this.startMeasure(job, job.source.playbook, about);
    const { value, error } = await this.sample(job);
    await this.record(job, about, value, error);
  }

  /** What a job is about while it measures: a service while it is active; a provider while it is there. */
  private async aboutOf(job: PerformanceJobEntity): Promise<About | null> {
    return job.serviceId
      ? await this.services.get(job.serviceId).then(
          (s) => (s.status === 'active' ? { type: 'service', id: s.id, name: `service ${s.name}` } : null),
          () => null,
        )
      : await this.providers.get(job.providerId!).then(
          (p) => ({ type: 'provider', id: p.id, name: `provider ${p.name}` }),
          () => null,
        );
  }

  /**
   * A playbook source's tick: a measure request of the service by the playbook, whose end
   * (onMeasured) gives the sample. A measure still under way holds the tick off: one at a time.
   */
  private async startMeasure(job: PerformanceJobEntity, playbook: string, about: About): Promise<void> {
    if (job.measureStartedAt) {
      // Under way: its end gives the sample. Lost when its request never came to be (the process died
      // between the mark and the request: a minute is plenty), or when its end was never told.
      const age = Date.now() - job.measureStartedAt.getTime();
      if (age < (job.measureRequestId ? MEASURE_STALE_MS : MEASURE_UNSTARTED_MS)) return;
    }
    // Marked before it starts: its end may be told before its id is stored below.
    const startedAt = new Date();
    const marked = (await this.db.query(
      `WITH u AS (
         UPDATE performance_jobs SET measure_request_id = NULL, measure_started_at = $2
          WHERE id = $1 AND measure_started_at IS NOT DISTINCT FROM $3 RETURNING id
       ) SELECT id FROM u`,
      [job.id, startedAt, job.measureStartedAt],
    )) as { id: string }[];
    if (marked.length === 0) return;
    let requestId: string;
    try {
      requestId = await this.measures.measure(job.serviceId!, playbook, job.id, job.createdBy);
    } catch (err) {
      await this.db.query(`UPDATE performance_jobs SET measure_started_at = NULL WHERE id = $1 AND measure_started_at = $2`, [job.id, startedAt]);
      return this.record(job, about, null, `the measure could not start: ${(err as Error).message}`);
    }
    await this.db.query(`UPDATE performance_jobs SET measure_request_id = $2 WHERE id = $1 AND measure_started_at = $3`, [job.id, requestId, startedAt]);
  }

  /** A measure ended: the number its playbook gave as set_stats `stat` is the job's sample, or a gap saying why there is none. Told twice, taken once. */
  @OnEvent(ServiceMeasuredEvent.NAME)
  async onMeasured(e: ServiceMeasuredEvent): Promise<void> {
    try {
      if (!isUuid(e.tag)) return;
      // The measure taken off its job and its sample stored at once: should the database fail between
      // the two, neither is done, and the end told again (the requests' sweep) is taken then.
      const taken = await this.db.transaction(async (m) => {
        const ended = (await m.query(
          `WITH u AS (
             UPDATE performance_jobs SET measure_request_id = NULL, measure_started_at = NULL
              WHERE id = $1 AND service_id = $3 AND measure_started_at IS NOT NULL AND (measure_request_id = $2 OR measure_request_id IS NULL) RETURNING id
           ) SELECT id FROM u`,
          [e.tag, e.requestId, e.serviceId],
        )) as { id: string }[];
        if (ended.length === 0) return null;
        const job = await m.getRepository(PerformanceJobEntity).findOneBy({ id: e.tag });
        if (!job || job.source.kind !== 'playbook') return null;
        const about = await this.aboutOf(job);
        if (!about) return null;
        const { value, error } = statOf(e.stats, e.error, job.source.stat);
        await insertSample(m, job.id, value, error);
        return { job, about, value, error };
      });
      if (taken && taken.value !== null) await this.checkThresholds(taken.job, taken.about, taken.value, taken.error);
    } catch (err) {
      this.logger.warn(`measure ${e.requestId}: ${(err as Error).message}`);
    }
  }

  /** Stores a sample and checks the job's thresholds against it: crossing one raises its alarm, coming back clears it. */
  private async record(job: PerformanceJobEntity, about: About, value: number | null, error: string | null): Promise<void> {
    await insertSample(this.db.manager, job.id, value, error);
    if (value === null) return; // nothing to compare: the thresholds keep their state
    await this.checkThresholds(job, about, value, error);
  }

  /** The job's thresholds against a sample's value: crossing one raises its alarm, coming back clears it. */
  private async checkThresholds(job: PerformanceJobEntity, about: About, value: number, error: string | null): Promise<void> {
    for (const t of await this.thresholds(job.id)) {
      const crossing = crosses(t.operator, value, t.value);
      if (crossing === t.crossed) continue;
      await this.db.getRepository(PerformanceThresholdEntity).update({ id: t.id }, { crossed: crossing });
      const what = `${job.name} (${job.source.kind === 'playbook' ? `set_stats ${job.source.stat}` : METRIC_NAMES[job.metric]}) of ${about.name}`;
      if (crossing) {
        await this.alarms.raise({
          kind: 'threshold_crossed',
          severity: t.severity,
          sourceKey: thresholdKey(t.id),
          objectType: about.type,
          objectId: about.id,
          tenantId: job.tenantId,
          message: `${what} is ${value} (threshold ${t.operator} ${t.value})${error ? `: ${error}` : ''}.`,
        });
      } else {
        await this.alarms.clearCause(thresholdKey(t.id), `${what} is back at ${value}`);
      }
    }
  }

  /** One sample of the job's metric: its value, or none with why (a provider that does not answer). */
  private async sample(job: PerformanceJobEntity): Promise<{ value: number | null; error: string | null }> {
    const source = job.source;
    if (source.kind === 'playbook') return { value: null, error: 'a playbook is measured by a measure request' };
    if (source.kind === 'http') {
      const probe = await this.probe(source.url);
      return { value: job.metric === 'http_up' ? (probe.up ? 1 : 0) : probe.up ? probe.ms : null, error: probe.error };
    }
    const spec: ProviderMetricSpec =
      source.kind === 'kubernetes'
        ? { kind: 'k8s_ready_replicas', namespace: source.namespace, deployment: source.deployment }
        : { kind: 'heat_stack_complete', stack: source.stack };
    try {
      const reading = await this.providers.readMetric(source.providerId, spec);
      return { value: reading.value, error: reading.note };
    } catch (err) {
      return { value: null, error: (err as Error).message };
    }
  }

  /** GET `url`: up when it answers 2xx or 3xx within the timeout; its answer time. The address is checked as the connection is made. */
  private probe(raw: string): Promise<{ up: boolean; ms: number; error: string | null }> {
    const started = performance.now();
    const done = (up: boolean, error: string | null) => ({ up, ms: Math.round((performance.now() - started) * 10) / 10, error });
    return new Promise((resolve) => {
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        return resolve(done(false, 'not a URL'));
      }
      const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
        url,
        { method: 'GET', lookup: guardedLookup(this.config.probeAllowLoopback), timeout: PROBE_TIMEOUT_MS, headers: { 'user-agent': 'Superfluid-Probe/1' } },
        (res) => {
          res.resume();
          const status = res.statusCode ?? 0;
          res.on('end', () => resolve(done(status >= 200 && status < 400, status >= 400 ? `HTTP ${status}` : null)));
          res.on('error', (err) => resolve(done(false, err.message)));
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer within ${PROBE_TIMEOUT_MS / 1000} s`)));
      req.on('error', (err) => resolve(done(false, err.message)));
      req.end();
    });
  }

  /** Removes samples older than the retention. */
  async purge(): Promise<void> {
    await this.db.query(`DELETE FROM performance_samples WHERE "at" < now() - make_interval(days => ${RETENTION_DAYS})`);
  }
}

interface About {
  type: string;
  id: string;
  name: string;
}

/** The sample a measure gives: the number set_stats `stat` holds (or a string of one), else none with why. Values are not echoed: they may be anything. */
function statOf(stats: Record<string, unknown> | null, failure: string | null, stat: string): { value: number | null; error: string | null } {
  if (stats === null) return { value: null, error: failure ?? 'the measure failed' };
  if (!(stat in stats)) {
    const keys = Object.keys(stats).sort().slice(0, 10);
    return { value: null, error: `the playbook's set_stats has no "${stat}" (${keys.length ? `it gave ${keys.join(', ')}` : 'it gave none'})` };
  }
  const raw = stats[stat];
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isFinite(value)) {
    const kind = raw === null ? 'null' : Array.isArray(raw) ? 'a list' : typeof raw === 'string' ? 'a text' : typeof raw;
    return { value: null, error: `set_stats "${stat}" is ${kind}, not a number` };
  }
  return { value, error: null };
}

/** Every string in a service's outputs, at any depth (a bundle's are per item). */
function stringsIn(value: unknown, depth = 0): string[] {
  if (typeof value === 'string') return [value];
  if (depth > 5 || value === null || typeof value !== 'object') return [];
  return Object.values(value as Record<string, unknown>).flatMap((v) => stringsIn(v, depth + 1));
}

/** Refuses with every field's problem, when there is one. */
function refuseWith(fields: Record<string, string>): void {
  if (Object.keys(fields).length === 0) return;
  throw validationFailed(
    `The performance job cannot be created: ${Object.entries(fields)
      .map(([f, m]) => `${f} ${m}`)
      .join('; ')}.`,
    fields,
  );
}

/** The alarm cause of a threshold: one open alarm at most per threshold. */
const thresholdKey = (thresholdId: string) => `threshold:${thresholdId}`;
