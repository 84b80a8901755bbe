import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AlarmSeverityValue } from '../alarms/alarm.model.js';
import type { AlarmSeverity } from '../alarms/alarm.entity.js';
import type { PerformanceMetric } from './performance.entities.js';

export enum PerformanceMetricValue {
  http_up = 'http_up',
  http_latency_ms = 'http_latency_ms',
  k8s_ready_replicas = 'k8s_ready_replicas',
  heat_stack_complete = 'heat_stack_complete',
  playbook_stat = 'playbook_stat',
}
registerEnumType(PerformanceMetricValue, {
  name: 'PerformanceMetric',
  description:
    'http_up: 1 when the URL answers 2xx or 3xx within 5 s, else 0; http_latency_ms: its answer time (no value while it does not answer); ' +
    'k8s_ready_replicas: the ready replicas of a Deployment on one of the service’s Kubernetes providers (0 when it is gone); ' +
    'heat_stack_complete: 1 when a Heat stack on one of the service’s OpenStack providers is *_COMPLETE, else 0 (its status in the sample’s note); ' +
    'playbook_stat: a number a playbook of the service’s repository gives with set_stats, run on the service’s placement (a measure request) without changing it.',
});

@ObjectType('PerformanceSample', { description: 'One sample of a performance job: its value, or why there is none.' })
export class PerformanceSampleModel {
  @Field() at: Date;
  @Field(() => Float, { nullable: true }) value: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'Why the probe failed (the target did not answer, or answered an error), or why a measure gave no number.',
  })
  error: string | null;
}

@ObjectType('PerformanceThreshold', { description: 'A threshold on a performance job’s metric: a sample crossing it raises an alarm, one back clears it.' })
export class PerformanceThresholdModel {
  @Field(() => ID) id: string;
  @Field(() => ID) jobId: string;
  @Field({ description: 'Crossed when the value is (operator) value: >, >=, < or <=.' }) operator: string;
  @Field(() => Float) value: number;
  @Field(() => AlarmSeverityValue) severity: AlarmSeverity;
  @Field({ description: 'Whether the last sample crossed it (its alarm is open).' }) crossed: boolean;
}

@ObjectType('PerformanceJob', { description: 'A metric of a service, or of a provider, collected on an interval (NS performance management).' })
export class PerformanceJobModel {
  @Field(() => ID) id: string;
  @Field(() => ID, { nullable: true, description: 'The service it measures; none for a provider’s own job (then providerId is the provider).' })
  serviceId: string | null;
  @Field() name: string;
  @Field(() => PerformanceMetricValue) metric: PerformanceMetric;
  @Field(() => String, { nullable: true, description: 'The URL the HTTP probe gets (http_up, http_latency_ms).' }) url: string | null;
  @Field(() => ID, { nullable: true, description: 'The provider whose API is read (k8s_ready_replicas, heat_stack_complete).' }) providerId: string | null;
  @Field(() => String, { nullable: true, description: 'The Kubernetes namespace and Deployment (k8s_ready_replicas).' }) namespace: string | null;
  @Field(() => String, { nullable: true }) deployment: string | null;
  @Field(() => String, { nullable: true, description: 'The Heat stack’s name (heat_stack_complete).' }) stack: string | null;
  @Field(() => String, { nullable: true, description: 'The playbook run to measure (playbook_stat), a path in the service’s repository.' })
  playbook: string | null;
  @Field(() => String, { nullable: true, description: 'The set_stats key whose number is the sample (playbook_stat).' }) stat: string | null;
  @Field(() => Int) intervalSeconds: number;
  @Field() createdAt: Date;
}

@InputType()
export class CreatePerformanceJobInput {
  @Field(() => ID) serviceId: string;
  @Field() name: string;
  @Field(() => PerformanceMetricValue) metric: PerformanceMetric;
  @Field(() => String, {
    nullable: true,
    description:
      'http_up, http_latency_ms: the http(s) URL to probe; refused when it resolves to a loopback or link-local address (PROBE_ALLOW_LOOPBACK allows loopback).',
  })
  url?: string | null;
  @Field(() => ID, { nullable: true, description: 'k8s_ready_replicas, heat_stack_complete: one of the service’s providers, of the type the metric reads.' })
  providerId?: string | null;
  @Field(() => String, { nullable: true, description: 'k8s_ready_replicas: the namespace (default: default).' }) namespace?: string | null;
  @Field(() => String, { nullable: true, description: 'k8s_ready_replicas: the Deployment’s name.' }) deployment?: string | null;
  @Field(() => String, { nullable: true, description: 'heat_stack_complete: the stack’s name.' }) stack?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'playbook_stat: a playbook of the service’s repository at the commit the service runs (e.g. measure/load.yml), run on its placement each interval.',
  })
  playbook?: string | null;
  @Field(() => String, { nullable: true, description: 'playbook_stat: the set_stats key whose value (a number) is the sample: a plain identifier.' })
  stat?: string | null;
  @Field(() => Int, { description: 'Seconds between samples, 5 to 86400 (playbook_stat: 60 or more).' }) intervalSeconds: number;
}

@InputType()
export class CreatePerformanceThresholdInput {
  @Field(() => ID) jobId: string;
  @Field({ description: '>, >=, < or <=.' }) operator: string;
  @Field(() => Float) value: number;
  @Field(() => AlarmSeverityValue, { defaultValue: 'major' }) severity: AlarmSeverity;
}

@InputType()
export class CreateProviderPerformanceJobInput {
  @Field(() => ID, { description: 'The provider, of the type the metric reads (kubernetes for k8s_ready_replicas, openstack for heat_stack_complete).' })
  providerId: string;
  @Field() name: string;
  @Field(() => PerformanceMetricValue, { description: 'k8s_ready_replicas or heat_stack_complete.' }) metric: PerformanceMetric;
  @Field(() => String, { nullable: true, description: 'k8s_ready_replicas: the namespace (default: default).' }) namespace?: string | null;
  @Field(() => String, { nullable: true, description: 'k8s_ready_replicas: the Deployment’s name.' }) deployment?: string | null;
  @Field(() => String, { nullable: true, description: 'heat_stack_complete: the stack’s name.' }) stack?: string | null;
  @Field(() => Int, { description: 'Seconds between samples, 5 to 86400.' }) intervalSeconds: number;
}
