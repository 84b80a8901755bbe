import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum VnfPackageStateEnum {
  enabled = 'enabled',
  disabled = 'disabled',
  in_use = 'in_use',
  deletion_pending = 'deletion_pending',
}
registerEnumType(VnfPackageStateEnum, {
  name: 'VnfPackageState',
  description: 'A filter of vnfPackages: enabled or disabled (operational state), in use, or waiting to be deleted once no longer in use.',
});

@ObjectType('VnfArtifact', { description: 'A file of the package besides its descriptor (a Heat template, a Kubernetes manifest...).' })
export class VnfArtifactModel {
  @Field({ description: "Relative to the package's folder." }) path: string;
  @Field(() => Int) size: number;
  @Field() sha256: string;
}

@ObjectType('VnfArtifactContent', { description: 'A file of a package, whole.' })
export class VnfArtifactContentModel {
  @Field() path: string;
  @Field(() => Int) size: number;
  @Field() sha256: string;
  @Field({ description: 'utf8 when the file is text, base64 otherwise.' }) encoding: string;
  @Field() content: string;
}

@ObjectType('VnfVduNode', { description: 'A VDU of the descriptor, placed in the tree of vduParent: its nested VDUs are listed under it.' })
export class VnfVduNodeModel {
  @Field() vduId: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => String, { nullable: true, description: "The VDU it is nested in (seed 4.8.1's vduParent)." }) vduParent: string | null;
  @Field({ description: 'vduParentMandatory: it may only run inside its parent.' }) parentMandatory: boolean;
  @Field({ description: 'vduParentBareMetal.' }) bareMetal: boolean;
  @Field({
    description:
      "What runs in it: the vduNestedDescriptorType of its VduNestedDesc (kubernetes, click, dockerfile, ansibledocker), 'container' for a docker swImageDesc, else 'vm'.",
  })
  technology: string;
  @Field(() => String, { nullable: true, description: 'The image, by name (swImageDesc.swImage).' }) image: string | null;
  @Field(() => [String], { description: "The files describing it: a VM's Heat template (heatTemplate), what runs in it (vduNestedDescriptor)." })
  descriptors: string[];
  @Field(() => Int, { description: 'Depth in the tree: 0 for a VDU with no parent.' }) depth: number;
}

@ObjectType('VnfServicePort')
export class VnfServicePortModel {
  @Field(() => String, { nullable: true }) name: string | null;
  @Field(() => Int) port: number;
  @Field() protocol: string;
  @Field(() => String, { nullable: true }) targetPort: string | null;
}

@ObjectType('VnfConnectionPoint', { description: "A connection point of the descriptor: a VDU's intCpd, a k8sServiceCpd or an extCpd." })
export class VnfConnectionPointModel {
  @Field() cpdId: string;
  @Field({ description: 'vduCpd, k8sServiceCpd or extCpd.' }) kind: string;
  @Field(() => String, { nullable: true, description: 'The VDU (vduCpd), or the connection point an extCpd exposes.' }) of: string | null;
  @Field(() => [String], { description: 'The pods a k8sServiceCpd exposes.' }) exposedPods: string[];
  @Field(() => [VnfServicePortModel]) ports: VnfServicePortModel[];
}

@ObjectType('VnfPackage', { description: 'A VNF package: a folder vnf-packages/<name>/ of a git repository, with its descriptor (vnfd.yaml) and artifacts.' })
export class VnfPackageModel {
  @Field(() => ID) id: string;
  @Field({ description: "The package's folder name." }) name: string;
  @Field(() => ID) repoId: string;
  @Field() repoName: string;
  @Field({ description: 'vnf-packages/<name>' }) path: string;
  @Field() vnfdId: string;
  @Field({ description: 'vnfProvider' }) provider: string;
  @Field({ description: 'vnfProductName' }) productName: string;
  @Field({ description: 'vnfSoftwareVersion' }) softwareVersion: string;
  @Field() vnfdVersion: string;
  @Field({ description: 'The commit it was on-boarded from.' }) commit: string;
  @Field({ description: 'onboarded.' }) onboardingState: string;
  @Field({ description: 'enabled or disabled: a disabled package cannot be deployed; only a disabled package can be deleted.' }) operationalState: string;
  @Field({ description: 'in_use or not_in_use.' }) usageState: string;
  @Field(() => [String], { description: 'What uses it.' }) usedBy: string[];
  @Field(() => String, { nullable: true, description: 'pending: deleted while in use; it goes once nothing uses it, unless the deletion is aborted.' })
  deletionState: string | null;
  @Field({ description: 'True once deleted (the answer of deleteVnfPackage).' }) deleted: boolean;
  @Field(() => [VnfArtifactModel]) artifacts: VnfArtifactModel[];
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}
