import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-type-json';
import { ProviderResourcesUnion } from './provider-resources.model.js';

@ObjectType('Provider')
export class ProviderModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field({ description: 'local, ssh, openstack or kubernetes.' }) type: string;
  @Field(() => GraphQLJSON, { description: 'Type-specific settings (hosts, URLs, namespace); never secrets.' }) config: Record<string, unknown>;
  @Field(() => ID, { nullable: true, description: 'The credential runs connect with.' }) credentialId: string | null;
  @Field(() => ID, { description: 'The tenant it belongs to; it may also be shared with others (sharedWith).' }) tenantId: string;
  @Field(() => ID, { nullable: true, description: 'The become_password credential (ssh, local).' }) becomeCredentialId: string | null;
  @Field(() => Int, { nullable: true, description: 'Jobs that may run on it at once, across all workers; null: no limit.' }) maxConcurrentJobs: number | null;
  @Field({ description: 'unknown, up or down: the last health check.' }) healthStatus: string;
  @Field(() => String, { nullable: true }) healthMessage: string | null;
  @Field(() => Date, { nullable: true }) healthCheckedAt: Date | null;
  @Field(() => ProviderResourcesUnion, {
    nullable: true,
    description: 'What it holds, as last read (Kubernetes: namespaces, deployments, services; OpenStack: Heat stacks, Nova servers); null until read.',
  })
  resources: Record<string, unknown> | null;
  @Field(() => Date, { nullable: true }) resourcesRefreshedAt: Date | null;
  @Field() createdAt: Date;
}

@ObjectType('ProviderHostKey', { description: "An SSH host key pinned for one of an ssh provider's hosts: every connection checks it." })
export class ProviderHostKeyModel {
  @Field({ description: 'The host name in the provider.' }) host: string;
  @Field() address: string;
  @Field(() => Int) port: number;
  @Field({ description: 'ssh-ed25519, ecdsa-sha2-nistp256, ssh-rsa...' }) keyType: string;
  @Field({ description: 'As ssh-keygen -l shows it: SHA256:...' }) fingerprint: string;
  @Field() learnedAt: Date;
}

@ObjectType('ProviderHealthCheck', { description: 'One health check; `changed` marks an alarm (down, or back up).' })
export class ProviderHealthModel {
  @Field(() => ID) providerId: string;
  @Field() status: string;
  @Field(() => String, { nullable: true }) message: string | null;
  @Field(() => Int, { nullable: true }) latencyMs: number | null;
  @Field() changed: boolean;
  @Field() checkedAt: Date;
}

@InputType()
export class ProviderInput {
  @Field(() => String, { nullable: true, description: 'lower_snake_case: it names the inventory group.' }) name?: string | null;
  @Field(() => String, { nullable: true, description: 'local, ssh, openstack or kubernetes (create only).' }) type?: string | null;
  @Field(() => GraphQLJSON, {
    nullable: true,
    description:
      'ssh: { hosts: [{ name, address, port, variables }], user, sshArgs, variables }; openstack: { authUrl, region, interface }; kubernetes: { apiUrl, namespace }.',
  })
  config?: unknown;
  @Field(() => ID, { nullable: true, description: 'null removes it; leave it out to keep it.' }) credentialId?: string | null;
  @Field(() => ID, { nullable: true, description: 'null removes it; leave it out to keep it.' }) becomeCredentialId?: string | null;
  @Field(() => Int, { nullable: true, description: 'Jobs at once on this provider; null removes the limit, leave it out to keep it.' })
  maxConcurrentJobs?: number | null;
  @Field(() => ID, { nullable: true, description: 'The tenant it belongs to (yours when left out; create only).' }) tenantId?: string | null;
}
