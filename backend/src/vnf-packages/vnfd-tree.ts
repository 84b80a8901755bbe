/** The descriptor as the package page shows it: VDUs in the tree of vduParent, and the connection points. */
import type { Vnfd } from './vnfd.schema.js';

export interface VduNode {
  vduId: string;
  name: string;
  description: string | null;
  vduParent: string | null;
  parentMandatory: boolean;
  bareMetal: boolean;
  technology: string;
  image: string | null;
  descriptors: string[];
  depth: number;
}

export interface ConnectionPoint {
  cpdId: string;
  kind: 'vduCpd' | 'k8sServiceCpd' | 'extCpd';
  of: string | null;
  exposedPods: string[];
  ports: { name: string | null; port: number; protocol: string; targetPort: string | null }[];
}

const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** The VDUs depth first: each parent followed by its nested VDUs (a validated descriptor has no cycle). */
export function vduTree(vnfd: Vnfd): VduNode[] {
  const nested = new Map((vnfd.vduNestedDesc ?? []).map((n) => [n.id, n]));
  const images = new Map((vnfd.swImageDesc ?? []).map((s) => [s.id, s]));
  const ids = new Set(vnfd.vdu.map((v) => v.vduId));
  const children = new Map<string | null, Vnfd['vdu']>();
  for (const vdu of vnfd.vdu) {
    const parent = vdu.vduParent && ids.has(vdu.vduParent) && vdu.vduParent !== vdu.vduId ? vdu.vduParent : null;
    children.set(parent, [...(children.get(parent) ?? []), vdu]);
  }
  const out: VduNode[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    for (const vdu of children.get(parent) ?? []) {
      if (seen.has(vdu.vduId)) continue;
      seen.add(vdu.vduId);
      const descs = list(vdu.vduNestedDesc).map((id) => nested.get(id));
      const image = vdu.swImageDesc ? images.get(vdu.swImageDesc) : undefined;
      const nestedType = descs.find((d) => d?.vduNestedDescriptorType)?.vduNestedDescriptorType;
      const docker = list(image?.supportedVirtualisationEnvironment).some((e) => e.toLowerCase() === 'docker');
      out.push({
        vduId: vdu.vduId,
        name: vdu.name,
        description: vdu.description ?? null,
        vduParent: vdu.vduParent ?? null,
        parentMandatory: vdu.vduParentMandatory ?? false,
        bareMetal: vdu.vduParentBareMetal ?? false,
        technology: nestedType ?? (docker ? 'container' : 'vm'),
        image: image?.swImage ?? null,
        descriptors: [...(vdu.heatTemplate ? [vdu.heatTemplate] : []), ...descs.flatMap((d) => (d?.vduNestedDescriptor ? [d.vduNestedDescriptor] : []))],
        depth,
      });
      visit(vdu.vduId, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

export function connectionPoints(vnfd: Vnfd): ConnectionPoint[] {
  return [
    ...vnfd.vdu.flatMap((vdu) => (vdu.intCpd ?? []).map((c) => ({ cpdId: c.cpdId, kind: 'vduCpd' as const, of: vdu.vduId, exposedPods: [], ports: [] }))),
    ...(vnfd.k8sServiceCpd ?? []).map((c) => ({
      cpdId: c.cpdId,
      kind: 'k8sServiceCpd' as const,
      of: null,
      exposedPods: c.exposedPod ?? [],
      ports: c.ports.map((p) => ({
        name: p.name ?? null,
        port: p.port,
        protocol: p.protocol,
        targetPort: p.targetPort === undefined ? null : String(p.targetPort),
      })),
    })),
    ...(vnfd.extCpd ?? []).map((c) => ({ cpdId: c.cpdId, kind: 'extCpd' as const, of: c.intCpd ?? null, exposedPods: [], ports: [] })),
  ];
}
