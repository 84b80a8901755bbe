/**
 * The VNF descriptor (VNFD) a package's vnfd.yaml holds: ETSI NFV IFA 011's information
 * elements as the seed uses them (clause 7.1.2 Vnfd, 7.1.6 Vdu, VduCpd, SwImageDesc,
 * VirtualComputeDesc, 7.1.3 VnfExtCpd, 7.1.8 VnfDf), with the Superfluidity extensions of the
 * seed's section 4.8:
 *  - Vdu: vduParent, vduParentBareMetal, vduParentMandatory, vduNestedDesc (4.8.1);
 *  - VduNestedDesc, a new element: id, name, version, checksum, vduNestedDescriptor,
 *    vduNestedDescriptorType, envVars (4.8.4);
 *  - VduCpd: internalIfRef (4.8.5);
 *  - K8SServiceCpd, a Cpd describing a Kubernetes service: serviceDescriptor, exposedPod
 *    (4.8.8) and, so that the service it describes can be built, the ports it exposes;
 *  - SwImageDesc: envVars (4.8.9), and supportedVirtualisationEnvironment "docker" with
 *    swImage naming a container image (4.8.11).
 * and one of Superfluid's own: Vdu heatTemplate, the Heat template that deploys a VM VDU.
 *
 * Element names are the seed's, in the lower camel case of ETSI's YAML and JSON forms.
 * Elements of the IFA 011 VNFD that the portal does not use are accepted as they are (an
 * object's extra settings are kept): the schema checks what the portal reads. What a
 * schema cannot say (a reference names an element that exists) is checked in
 * vnfd-validation.ts. docs/vnfd.schema.json is this schema as JSON Schema.
 */
import { z } from 'zod';

const id = z.string().trim().min(1).max(200);
/** The id of a VDU or a connection point: it names Heat stacks, Kubernetes objects and URL paths at deployment. */
const unitId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/, 'is letters, digits, dots, dashes and underscores (at most 63), starting with a letter or a digit');
const text = z.string().max(4000);

/** A file of the package, relative to its folder (4.8.4: "relative to the root of the VNF Package"), or a URL. */
const fileRef = z.string().trim().min(1).max(1000);

export const NESTED_DESCRIPTOR_TYPES = ['kubernetes', 'click', 'dockerfile', 'ansibledocker'] as const;

export const vduCpdSchema = z.looseObject({
  cpdId: unitId,
  description: text.optional(),
  layerProtocol: z.array(z.string()).optional(),
  /** 4.8.5: the VDU's network interface this connection point is bound to. */
  internalIfRef: z.string().max(200).optional(),
  intVirtualLinkDesc: id.optional(),
});

export const vduSchema = z.looseObject({
  vduId: unitId,
  name: z.string().trim().min(1).max(200),
  description: text.optional(),
  intCpd: z.array(vduCpdSchema).optional(),
  virtualComputeDesc: id.optional(),
  swImageDesc: id.optional(),
  /** 4.8.1: the VDU that contains this one (a pod inside a VM); a vduId of this descriptor. */
  vduParent: id.optional(),
  /** 4.8.1: deployed on bare metal; overrides vduParent. */
  vduParentBareMetal: z.boolean().optional(),
  /** 4.8.1: whether the parent must be present (false: may also run without it). */
  vduParentMandatory: z.boolean().optional(),
  /** 4.8.1: the VduNestedDesc(s) describing what runs in this VDU ("multiple vduNestedDesc objects can be referenced"). */
  vduNestedDesc: z.union([id, z.array(id).min(1)]).optional(),
  /**
   * Superfluid's: the Heat template (a file of the package) that creates this VDU as a VM on an
   * OpenStack provider; its outputs (e.g. address, node_name) are given to the VDUs it contains.
   */
  heatTemplate: fileRef.optional(),
});

export const vduNestedDescSchema = z.looseObject({
  id,
  name: z.string().trim().min(1).max(200),
  version: z.string().trim().min(1).max(100),
  checksum: z.string().trim().min(1).max(200),
  /** The descriptor deployed in the VDU: a file of the package or a URL. */
  vduNestedDescriptor: fileRef.optional(),
  vduNestedDescriptorType: z.enum(NESTED_DESCRIPTOR_TYPES).optional(),
  /** A file of environment variables (docker --env-file, or Ansible variables). */
  envVars: fileRef.optional(),
});

export const swImageDescSchema = z.looseObject({
  id,
  name: z.string().trim().min(1).max(200),
  version: z.string().trim().min(1).max(100),
  checksum: z.string().max(200).optional(),
  containerFormat: z.string().max(100).optional(),
  diskFormat: z.string().max(100).optional(),
  minDisk: z.number().nonnegative().optional(),
  minRam: z.number().nonnegative().optional(),
  size: z.number().nonnegative().optional(),
  /** The image, by name (a Glance image, or a container image such as "nginx:1.27"). */
  swImage: z.string().trim().min(1).max(500),
  operatingSystem: z.string().max(200).optional(),
  /** 4.8.11: "docker" for a container image. */
  supportedVirtualisationEnvironment: z.array(z.string().max(100)).or(z.string().max(100)).optional(),
  /** 4.8.9: a file of environment variables, as docker run --env-file reads it. */
  envVars: fileRef.optional(),
});

export const virtualComputeDescSchema = z.looseObject({
  virtualComputeDescId: id,
  virtualCpu: z.looseObject({ numVirtualCpu: z.int().min(1).max(1024) }).optional(),
  virtualMemory: z.looseObject({ virtualMemSize: z.number().positive() }).optional(),
});

export const K8S_PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;

export const k8sServicePortSchema = z.looseObject({
  name: z.string().max(63).optional(),
  port: z.int().min(1).max(65535),
  protocol: z.enum(K8S_PROTOCOLS),
  targetPort: z.union([z.int().min(1).max(65535), z.string().min(1).max(63)]).optional(),
});

/** 4.8.6–4.8.8: a Cpd describing a Kubernetes service, exposing pods (VDUs described by a Kubernetes template). */
export const k8sServiceCpdSchema = z.looseObject({
  cpdId: unitId,
  description: text.optional(),
  layerProtocol: z.array(z.string()).optional(),
  serviceDescriptor: fileRef.optional(),
  exposedPod: z.array(id).optional(),
  ports: z.array(k8sServicePortSchema).min(1),
});

export const extCpdSchema = z.looseObject({
  cpdId: unitId,
  description: text.optional(),
  layerProtocol: z.array(z.string()).optional(),
  /** The VduCpd or K8SServiceCpd this external connection point exposes. */
  intCpd: id.optional(),
});

export const deploymentFlavourSchema = z.looseObject({
  flavourId: id,
  description: text.optional(),
  vduProfile: z
    .array(
      z.looseObject({
        vduId: unitId,
        minNumberOfInstances: z.int().min(0).max(1000),
        maxNumberOfInstances: z.int().min(1).max(1000),
      }),
    )
    .optional(),
});

export const vnfdSchema = z
  .looseObject({
    vnfdId: id,
    vnfProvider: z.string().trim().min(1).max(200),
    vnfProductName: z.string().trim().min(1).max(200),
    vnfSoftwareVersion: z.string().trim().min(1).max(100),
    vnfdVersion: z.string().trim().min(1).max(100),
    vnfProductInfoName: z.string().max(200).optional(),
    vnfProductInfoDescription: text.optional(),
    vdu: z.array(vduSchema).min(1),
    vduNestedDesc: z.array(vduNestedDescSchema).optional(),
    virtualComputeDesc: z.array(virtualComputeDescSchema).optional(),
    swImageDesc: z.array(swImageDescSchema).optional(),
    k8sServiceCpd: z.array(k8sServiceCpdSchema).optional(),
    extCpd: z.array(extCpdSchema).optional(),
    deploymentFlavour: z.array(deploymentFlavourSchema).min(1),
  })
  .meta({
    $id: 'https://superfluid.example/schemas/vnfd.schema.json',
    title: 'VNF descriptor (ETSI NFV IFA 011 with the Superfluidity extensions)',
  });

export type Vnfd = z.infer<typeof vnfdSchema>;
export type Vdu = z.infer<typeof vduSchema>;

/** The descriptor's JSON Schema (draft 2020-12), as docs/vnfd.schema.json holds it and the vnfdSchema query returns it. */
export function vnfdJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(vnfdSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
}
