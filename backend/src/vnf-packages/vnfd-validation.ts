/**
 * Validates a VNF descriptor: the YAML parses (with the portal's YAML limits), matches the
 * descriptor's schema (vnfd.schema.ts), and its references hold — what a JSON Schema cannot
 * say: a vduParent names another VDU of the descriptor and the parents form no cycle, the
 * VduNestedDesc, SwImageDesc, VirtualComputeDesc and connection points named exist, and the
 * files named (a Kubernetes template, an env file) are files of the package.
 *
 * Every problem names the element by its path in the descriptor, with the id of each list
 * item it passes through: `vdu[1] (pod1).vduParent: "vm9" names no VDU of this descriptor`.
 * Pure: no I/O; runs in the push hook as in the portal.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { assertYamlDepth, YamlLimitError } from '../common/yaml-limits.js';
import { plainZodError } from '../common/plain-zod.js';
import { type Vnfd, vnfdSchema } from './vnfd.schema.js';

/** A descriptor larger than this is not read. */
export const MAX_VNFD_BYTES = 1024 * 1024;

export type VnfdResult = { ok: true; vnfd: Vnfd } | { ok: false; problems: string[] };

/** The id of an item of one of the descriptor's lists, shown after its index. */
const ID_KEYS = ['vduId', 'cpdId', 'virtualComputeDescId', 'flavourId', 'id'];

function labelOf(item: unknown): string | null {
  if (!item || typeof item !== 'object') return null;
  for (const key of ID_KEYS) {
    const value = (item as Record<string, unknown>)[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return null;
}

/** `vdu[1] (pod1).vduParent`: the path in the descriptor, each list item with its id when it has one. */
export function elementPath(root: unknown, path: readonly PropertyKey[]): string {
  let out = '';
  let node: unknown = root;
  for (const key of path) {
    if (typeof key === 'number') {
      node = Array.isArray(node) ? node[key] : undefined;
      const label = labelOf(node);
      out += `[${key}]${label ? ` (${label})` : ''}`;
    } else {
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[String(key)] : undefined;
      out += `${out ? '.' : ''}${String(key)}`;
    }
  }
  return out || '(the descriptor)';
}

function schemaProblems(root: unknown, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    // A missing key is named by its own path; zod puts it on the object for unrecognized keys.
    return `${elementPath(root, issue.path)}: ${issue.message}`;
  });
}

const isUrl = (ref: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(ref);

/** Why a file reference cannot name a file of the package, or null when it can. */
export function badFileRef(ref: string): string | null {
  if (ref.startsWith('/')) return 'is an absolute path: name a file of the package, relative to its folder';
  if (ref.split('/').includes('..')) return 'goes outside the package (..): name a file of the package, relative to its folder';
  if (ref.includes('\\') || ref.includes('\0')) return 'is not a file path of the package';
  return null;
}

/**
 * The references of a descriptor that matched the schema. `files` are the package's files
 * (paths relative to its folder).
 */
export function referenceProblems(vnfd: Vnfd, files: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const at = (path: PropertyKey[], message: string) => problems.push(`${elementPath(vnfd, path)}: ${message}`);
  const duplicates = <T>(list: T[] | undefined, key: (t: T) => string, name: string, what: string) => {
    const seen = new Set<string>();
    (list ?? []).forEach((item, i) => {
      const value = key(item);
      if (seen.has(value)) at([name, i], `${what} "${value}" is used by an earlier item: ${what}s are unique in a descriptor`);
      seen.add(value);
    });
  };
  const fileRef = (path: PropertyKey[], ref: string | undefined, urlAllowed: boolean) => {
    if (ref === undefined) return;
    if (urlAllowed && isUrl(ref)) return;
    const bad = badFileRef(ref);
    if (bad) return at(path, `"${ref}" ${bad}`);
    const clean = ref.replace(/^\.\//, '');
    if (!files.has(clean)) at(path, `"${ref}" names no file of the package`);
  };

  const vdus = new Map(vnfd.vdu.map((v) => [v.vduId, v]));
  const nested = new Map((vnfd.vduNestedDesc ?? []).map((n) => [n.id, n]));
  const images = new Set((vnfd.swImageDesc ?? []).map((s) => s.id));
  const computes = new Set((vnfd.virtualComputeDesc ?? []).map((c) => c.virtualComputeDescId));
  const intCpds = new Set(vnfd.vdu.flatMap((v) => (v.intCpd ?? []).map((c) => c.cpdId)));
  const serviceCpds = new Set((vnfd.k8sServiceCpd ?? []).map((c) => c.cpdId));

  duplicates(vnfd.vdu, (v) => v.vduId, 'vdu', 'vduId');
  duplicates(vnfd.vduNestedDesc, (n) => n.id, 'vduNestedDesc', 'id');
  duplicates(vnfd.swImageDesc, (s) => s.id, 'swImageDesc', 'id');
  duplicates(vnfd.virtualComputeDesc, (c) => c.virtualComputeDescId, 'virtualComputeDesc', 'virtualComputeDescId');
  duplicates(vnfd.k8sServiceCpd, (c) => c.cpdId, 'k8sServiceCpd', 'cpdId');
  duplicates(vnfd.extCpd, (c) => c.cpdId, 'extCpd', 'cpdId');
  duplicates(vnfd.deploymentFlavour, (f) => f.flavourId, 'deploymentFlavour', 'flavourId');

  vnfd.vdu.forEach((vdu, i) => {
    if (vdu.vduParent !== undefined) {
      if (vdu.vduParent === vdu.vduId) at(['vdu', i, 'vduParent'], `"${vdu.vduParent}" is this VDU itself: a VDU cannot contain itself`);
      else if (!vdus.has(vdu.vduParent)) at(['vdu', i, 'vduParent'], `"${vdu.vduParent}" names no VDU of this descriptor`);
    }
    if (vdu.vduParentMandatory !== undefined && vdu.vduParent === undefined && !vdu.vduParentBareMetal) {
      at(['vdu', i, 'vduParentMandatory'], 'may only be set with vduParent (or vduParentBareMetal)');
    }
    const refs = vdu.vduNestedDesc === undefined ? [] : Array.isArray(vdu.vduNestedDesc) ? vdu.vduNestedDesc : [vdu.vduNestedDesc];
    refs.forEach((ref, j) => {
      const path = Array.isArray(vdu.vduNestedDesc) ? ['vdu', i, 'vduNestedDesc', j] : ['vdu', i, 'vduNestedDesc'];
      if (!nested.has(ref)) at(path, `"${ref}" names no vduNestedDesc of this descriptor`);
    });
    if (vdu.swImageDesc !== undefined && !images.has(vdu.swImageDesc))
      at(['vdu', i, 'swImageDesc'], `"${vdu.swImageDesc}" names no swImageDesc of this descriptor`);
    if (vdu.virtualComputeDesc !== undefined && !computes.has(vdu.virtualComputeDesc)) {
      at(['vdu', i, 'virtualComputeDesc'], `"${vdu.virtualComputeDesc}" names no virtualComputeDesc of this descriptor`);
    }
  });

  // Parents form a tree: following vduParent from any VDU never comes back to it.
  const reported = new Set<string>();
  vnfd.vdu.forEach((vdu, i) => {
    const chain = [vdu.vduId];
    let parent = vdu.vduParent;
    while (parent !== undefined && parent !== vdu.vduId && vdus.has(parent) && !chain.includes(parent)) {
      chain.push(parent);
      parent = vdus.get(parent)?.vduParent;
    }
    if (parent === vdu.vduId && chain.length > 1 && !chain.some((c) => reported.has(c))) {
      chain.forEach((c) => reported.add(c));
      at(['vdu', i, 'vduParent'], `the parents form a cycle: ${[...chain, vdu.vduId].join(' → ')}`);
    }
  });

  (vnfd.vduNestedDesc ?? []).forEach((n, i) => {
    fileRef(['vduNestedDesc', i, 'vduNestedDescriptor'], n.vduNestedDescriptor, true);
    fileRef(['vduNestedDesc', i, 'envVars'], n.envVars, false);
  });
  (vnfd.swImageDesc ?? []).forEach((s, i) => fileRef(['swImageDesc', i, 'envVars'], s.envVars, false));
  vnfd.vdu.forEach((vdu, i) => {
    fileRef(['vdu', i, 'heatTemplate'], vdu.heatTemplate, false);
    if (vdu.heatTemplate !== undefined && vdu.vduNestedDesc !== undefined) {
      at(['vdu', i, 'heatTemplate'], 'a VDU is either a VM (heatTemplate) or described by a vduNestedDesc, not both');
    }
  });

  const podTypes = (vdu: Vnfd['vdu'][number]) => {
    const refs = vdu.vduNestedDesc === undefined ? [] : Array.isArray(vdu.vduNestedDesc) ? vdu.vduNestedDesc : [vdu.vduNestedDesc];
    return refs.map((r) => nested.get(r)?.vduNestedDescriptorType);
  };
  (vnfd.k8sServiceCpd ?? []).forEach((cpd, i) => {
    fileRef(['k8sServiceCpd', i, 'serviceDescriptor'], cpd.serviceDescriptor, true);
    (cpd.exposedPod ?? []).forEach((pod, j) => {
      const vdu = vdus.get(pod);
      if (!vdu) at(['k8sServiceCpd', i, 'exposedPod', j], `"${pod}" names no VDU of this descriptor`);
      else if (!podTypes(vdu).includes('kubernetes')) {
        at(['k8sServiceCpd', i, 'exposedPod', j], `"${pod}" is not a Kubernetes pod: its vduNestedDesc has no vduNestedDescriptorType kubernetes`);
      }
    });
    const ports = new Set<string>();
    (cpd.ports ?? []).forEach((p, j) => {
      const key = `${p.port}/${p.protocol}`;
      if (ports.has(key)) at(['k8sServiceCpd', i, 'ports', j], `port ${key} is listed twice`);
      ports.add(key);
    });
  });
  (vnfd.extCpd ?? []).forEach((cpd, i) => {
    if (cpd.intCpd !== undefined && !intCpds.has(cpd.intCpd) && !serviceCpds.has(cpd.intCpd)) {
      at(['extCpd', i, 'intCpd'], `"${cpd.intCpd}" names no intCpd of a VDU nor k8sServiceCpd of this descriptor`);
    }
  });
  (vnfd.deploymentFlavour ?? []).forEach((df, i) =>
    (df.vduProfile ?? []).forEach((p, j) => {
      if (!vdus.has(p.vduId)) at(['deploymentFlavour', i, 'vduProfile', j, 'vduId'], `"${p.vduId}" names no VDU of this descriptor`);
      if (p.minNumberOfInstances > p.maxNumberOfInstances)
        at(['deploymentFlavour', i, 'vduProfile', j], 'minNumberOfInstances is more than maxNumberOfInstances');
    }),
  );
  return problems;
}

/** Parses and validates a descriptor's text; `files` are the package's files, relative to its folder. */
export function validateVnfd(text: string, files: ReadonlySet<string>): VnfdResult {
  try {
    assertYamlDepth(text);
  } catch (err) {
    if (err instanceof YamlLimitError) return { ok: false, problems: [err.message] };
    throw err;
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: true, lineCounter: lines });
  if (doc.errors.length) {
    const error = doc.errors[0];
    const at = error.linePos?.[0];
    return {
      ok: false,
      problems: [`${at ? `line ${at.line}: ` : ''}not valid YAML: ${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`],
    };
  }
  const root: unknown = doc.toJS({ maxAliasCount: 100 });
  if (!root || typeof root !== 'object' || Array.isArray(root))
    return { ok: false, problems: ['(the descriptor): should be a set of named values (vnfdId, vdu, ...)'] };
  const parsed = vnfdSchema.safeParse(root, { error: plainZodError });
  if (!parsed.success) {
    // The references are checked too, as far as the descriptor's shape lets them be read, so one
    // push names every problem; a reference under an element the schema refused is not repeated.
    const problems = schemaProblems(root, parsed.error);
    let more: string[] = [];
    try {
      more = referenceProblems(root as Vnfd, files);
    } catch {
      // Too far from the schema to follow its references.
    }
    const refused = problems.map((p) => p.slice(0, p.indexOf(': ')));
    return {
      ok: false,
      problems: [...problems, ...more.filter((m) => !refused.some((r) => m.startsWith(`${r}:`) || m.startsWith(`${r}.`) || m.startsWith(`${r}[`)))],
    };
  }
  const problems = referenceProblems(parsed.data, files);
  return problems.length ? { ok: false, problems } : { ok: true, vnfd: parsed.data };
}
