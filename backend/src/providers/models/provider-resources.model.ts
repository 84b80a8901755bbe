import { createUnionType, Field, Int, ObjectType } from '@nestjs/graphql';

// What a Kubernetes or OpenStack provider holds, as last read (provider-health.ts reads it; the
// providers table keeps it as JSON). Typed here so that clients select what they show.

@ObjectType('KubernetesDeployment')
export class KubernetesDeploymentModel {
  @Field() namespace: string;
  @Field() name: string;
  @Field(() => Int, { nullable: true, description: 'Null when the deployment names none.' }) replicas: number | null;
  @Field(() => Int, { description: 'Ready replicas.' }) ready: number;
}

@ObjectType('KubernetesService')
export class KubernetesServiceModel {
  @Field() namespace: string;
  @Field() name: string;
  @Field({ description: 'ClusterIP, NodePort, LoadBalancer or ExternalName.' }) type: string;
  @Field(() => String, { nullable: true, description: "The load balancer's IP or host name, when it has one." }) address: string | null;
  @Field(() => [Int]) ports: number[];
}

@ObjectType('KubernetesResources', { description: 'What a Kubernetes cluster holds, as last read.' })
export class KubernetesResourcesModel {
  @Field(() => [String]) namespaces: string[];
  @Field(() => [KubernetesDeploymentModel]) deployments: KubernetesDeploymentModel[];
  @Field(() => [KubernetesServiceModel]) services: KubernetesServiceModel[];
}

@ObjectType('HeatStack')
export class HeatStackModel {
  @Field() id: string;
  @Field() name: string;
  @Field({ description: "Heat's stack status, e.g. CREATE_COMPLETE." }) status: string;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field(() => String, { nullable: true, description: "Heat's creation_time, as Heat writes it." }) createdAt: string | null;
}

@ObjectType('NovaServer')
export class NovaServerModel {
  @Field() id: string;
  @Field() name: string;
  @Field({ description: "Nova's server status, e.g. ACTIVE." }) status: string;
  @Field(() => [String]) addresses: string[];
}

@ObjectType('OpenStackResources', { description: 'What an OpenStack project holds, as last read.' })
export class OpenStackResourcesModel {
  @Field(() => [HeatStackModel]) stacks: HeatStackModel[];
  @Field(() => [NovaServerModel]) servers: NovaServerModel[];
  @Field(() => [String], { description: "Services the cloud does not have, e.g. 'compute (Nova)': nothing of that kind is listed." })
  missing: string[];
}

/** Kubernetes resources have namespaces, OpenStack ones stacks. */
export const ProviderResourcesUnion = createUnionType({
  name: 'ProviderResources',
  description: 'What a provider holds, as last read: KubernetesResources or OpenStackResources.',
  types: () => [KubernetesResourcesModel, OpenStackResourcesModel] as const,
  resolveType: (value: object) => ('stacks' in value ? OpenStackResourcesModel : KubernetesResourcesModel),
});
