import { plainZodError } from '../common/plain-zod.js';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { type Document, LineCounter, parseAllDocuments } from 'yaml';
import { z } from 'zod';
import { JOB_OPTION_NAMES, jobOptionsSchema } from '../jobs/job-options.js';
import { parseDialog } from '../dialogs/dialog.schema.js';
import { assertYamlDepth, catalogIconProblem, type DialogDefinition, dialogFields, forbiddenVariable, YamlLimitError } from '@superfluid/dialogs';
import { DIMENSION_NAME, isBuiltInDimension } from '../quotas/quota-dimensions.js';
import { parseQuotaExpression } from '../quotas/quota-expression.js';
import { type ApprovalSpec, type LifetimeSpec, type BundleItemSpec, type ProvisionSpec, type RetirementSpec, type SiteSpec } from './catalog.types.js';
import { stateMachineSchema, toStateMachine } from '../state-machines/state-machine.schema.js';
import type { StateMachineDef } from '../state-machines/state-machine.types.js';

const valueSource = z.union([z.string().min(1), z.object({ field: z.string().min(1) }).strict()]);

const provisionSchema = z
  .object({
    repo: z.string().min(1),
    playbook: valueSource,
    provider: valueSource,
    extraVarsField: z.string().optional(),
    vars: z
      .record(z.string(), z.string())
      .superRefine((vars, ctx) => {
        for (const name of Object.values(vars)) {
          const why = forbiddenVariable(name);
          if (why) ctx.addIssue({ code: 'custom', message: why });
        }
      })
      .optional(),
    options: jobOptionsSchema.optional(),
    overridable: z.array(z.enum(JOB_OPTION_NAMES)).optional(),
    vaultCredential: z.string().min(1).max(100).optional(),
  })
  .strict();

const retirementSchema = z.object({ playbook: z.string().min(1) }).strict();

const ITEM_NAME = /^[a-z][a-z0-9_-]{0,62}$/;

const itemSchema = z
  .object({
    name: z.string().regex(ITEM_NAME, 'item names are lower case letters, digits, _ or -, starting with a letter'),
    index: z.number().int().min(0).max(1000).optional(),
    site: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,62}$/, 'site names are lower_snake_case (they name inventory groups)')
      .optional(),
    needs: z.array(z.string().regex(ITEM_NAME)).max(100).optional(),
    provision: provisionSchema.omit({ overridable: true }),
    retirement: retirementSchema.optional(),
    reconfigure: retirementSchema.optional(),
    heal: retirementSchema.optional(),
    /** The item deploys a VDU of a VNF package of its repository (vnf-packages/<package>/). */
    vnf: z
      .object({
        package: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'a package is named by its folder under vnf-packages/'),
        vdu: z.string().trim().min(1).max(200),
      })
      .strict()
      .optional(),
    inputs: z
      .record(z.string(), z.string().regex(/^[a-z][a-z0-9_-]*\.[A-Za-z_][A-Za-z0-9_]*$/, 'write "<item>.<output>"'))
      .superRefine((inputs, ctx) => {
        for (const name of Object.keys(inputs)) {
          const why = forbiddenVariable(name);
          if (why) ctx.addIssue({ code: 'custom', message: why });
        }
      })
      .optional(),
  })
  .strict();

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const approvalSchema = z
  .object({
    mode: z.enum(['automatic', 'manual', 'rules']).default('manual'),
    approvals: z.number().int().min(1).max(10).default(1),
    timeoutHours: z
      .number()
      .positive()
      .max(24 * 366)
      .default(168),
    rules: z
      .array(
        z.union([
          z.object({ field: z.string().min(1), equals: scalar }).strict(),
          z.object({ field: z.string().min(1), in: z.array(scalar).min(1).max(100) }).strict(),
          z.object({ field: z.string().min(1), atLeast: z.number() }).strict(),
          z.object({ group: z.string().min(1).max(200) }).strict(),
          z.object({ quotaExceeded: z.literal(true) }).strict(),
        ]),
      )
      .max(50)
      .optional(),
  })
  .strict()
  .refine((a) => a.mode !== 'rules' || (a.rules?.length ?? 0) > 0, { message: 'mode "rules" needs at least one rule', path: ['rules'] })
  .refine((a) => a.mode === 'rules' || !a.rules?.length, { message: 'rules apply only with mode "rules"', path: ['rules'] });

/** Dimensions of quotas an order of the item uses: name → an expression over its dialog fields (`cpu * count`). */
const quotaSchema = z
  .record(
    z
      .string()
      .regex(DIMENSION_NAME, 'a dimension is a lower_snake_case name')
      .refine((name) => !isBuiltInDimension(name), 'services and requests_per_day are counted for every order: declare only your own dimensions'),
    z
      .string()
      .min(1)
      .max(500)
      .superRefine((source, ctx) => {
        try {
          parseQuotaExpression(source);
        } catch (err) {
          ctx.addIssue({ code: 'custom', message: `the expression ${(err as Error).message}` });
        }
      }),
  )
  .refine((q) => Object.keys(q).length <= 20, 'at most 20 dimensions');

/** How long an item's services live, in days: by default, at most, and the warning before. */
const lifetimeSchema = z
  .object({
    defaultDays: z.number().positive().max(3650).optional(),
    maxDays: z.number().positive().max(3650).optional(),
    warnDays: z.number().min(0).max(365).default(7),
  })
  .strict()
  .refine((l) => l.defaultDays !== undefined || l.maxDays !== undefined, { message: 'give defaultDays, maxDays or both' })
  .refine((l) => l.defaultDays === undefined || l.maxDays === undefined || l.defaultDays <= l.maxDays, {
    message: 'defaultDays is longer than maxDays',
    path: ['defaultDays'],
  });

/** A Material icon name the web UI draws (its list is in @superfluid/dialogs), or an https:// image URL. */
const iconSchema = z.string().superRefine((icon, ctx) => {
  const problem = catalogIconProblem(icon);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const templateSchema = z.discriminatedUnion('type', [
  z
    .object({
      kind: z.literal('ServiceTemplate'),
      name: z.string().min(1).max(200),
      description: z.string().optional(),
      type: z.literal('ansible_playbook'),
      catalog: z.string().min(1).max(100).default('General'),
      longDescription: z.string().max(100_000).optional(),
      icon: iconSchema.optional(),
      dialog: z.string().min(1),
      published: z.boolean().default(true),
      visibility: z.enum(['requester', 'group']).default('requester'),
      approval: approvalSchema.optional(),
      quota: quotaSchema.optional(),
      lifetime: lifetimeSchema.optional(),
      provision: provisionSchema,
      retirement: retirementSchema.optional(),
      reconfigure: retirementSchema.optional(),
      heal: retirementSchema.optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('ServiceTemplate'),
      name: z.string().min(1).max(200),
      description: z.string().optional(),
      type: z.literal('bundle'),
      catalog: z.string().min(1).max(100).default('General'),
      longDescription: z.string().max(100_000).optional(),
      icon: iconSchema.optional(),
      dialog: z.string().min(1),
      published: z.boolean().default(true),
      visibility: z.enum(['requester', 'group']).default('requester'),
      approval: approvalSchema.optional(),
      quota: quotaSchema.optional(),
      lifetime: lifetimeSchema.optional(),
      stateMachine: z.string().min(1).default('provision'),
      sites: z
        .record(
          z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'site names are lower_snake_case (they name inventory groups)'),
          z
            .object({
              provider: valueSource,
              providerTypes: z
                .array(z.enum(['local', 'ssh', 'openstack', 'kubernetes']))
                .min(1)
                .optional(),
              variables: z.record(z.string().regex(/^[a-z_][a-z0-9_]*$/), z.union([z.string(), z.number(), z.boolean()])).optional(),
            })
            .strict(),
        )
        .optional(),
      /** A multi-site inventory document of the portal, instead of `sites`. */
      inventory: z.string().min(1).max(100).optional(),
      onFailure: z.enum(['keep', 'rollback']).default('keep'),
      items: z.array(itemSchema).min(1).max(100),
    })
    .strict()
    .refine((t) => !(t.sites && t.inventory), { message: 'name sites or an inventory, not both', path: ['inventory'] }),
]);

/** `requester`: the requester alone sees an order's request and service (and operators); `group`: their groups too. */
export type TemplateVisibility = 'requester' | 'group';

export interface TemplateFile {
  name: string;
  description: string | null;
  catalog: string;
  longDescription: string | null;
  icon: string | null;
  type: 'ansible_playbook' | 'bundle';
  dialog: string;
  published: boolean;
  /** Who sees its requests and services besides operators: the requester only, or the requester's groups too. */
  visibility: TemplateVisibility;
  /** Who approves an order; null: nobody. */
  approval: ApprovalSpec | null;
  /** Quota dimensions an order uses, from its dialog values; null: none but services and requests_per_day. */
  quota: Record<string, string> | null;
  /** How long its services live; null: until retired by hand. */
  lifetime: LifetimeSpec | null;
  /** For ansible_playbook templates. */
  provision: ProvisionSpec | null;
  /** For bundles. */
  items: BundleItemSpec[] | null;
  stateMachine: string | null;
  /** For ansible_playbook templates: how their services are retired. */
  retirement: RetirementSpec | null;
  /** For ansible_playbook templates: the playbook that applies a reconfiguration. */
  reconfigure: RetirementSpec | null;
  /** For ansible_playbook templates: the playbook that repairs a service (none: its provision playbook runs again). */
  heal: RetirementSpec | null;
  /** Bundles: the sites of their multi-site inventory. */
  sites: Record<string, SiteSpec> | null;
  /** Bundles: or the name of an inventory document of the portal. */
  inventory: string | null;
  /** Bundles: when an item fails, keep what was deployed, or roll it back by its retirement playbooks. */
  onFailure: 'keep' | 'rollback';
  source: string;
}

export interface CatalogFiles {
  dialogs: DialogDefinition[];
  templates: TemplateFile[];
  stateMachines: (StateMachineDef & { source: string })[];
}

type ParsedItem = Omit<BundleItemSpec, 'index'> & { index?: number };

/**
 * The items with their index: as written, or, when left out, one more than the latest
 * item it needs (`needs`, and the items its `inputs` come from). A cycle is an error
 * naming it; so is an unknown item.
 */
export function orderItems(items: ParsedItem[]): { items: BundleItemSpec[]; problems: string[] } {
  const byName = new Map(items.map((i) => [i.name, i]));
  const deps = (i: ParsedItem) => [...new Set([...(i.needs ?? []), ...Object.values(i.inputs ?? {}).map((s) => s.split('.')[0])])];
  const problems: string[] = [];
  const index = new Map<string, number>();
  const visiting: string[] = [];
  const visit = (item: ParsedItem): number => {
    const known = index.get(item.name);
    if (known !== undefined) return known;
    if (visiting.includes(item.name)) {
      const cycle = [...visiting.slice(visiting.indexOf(item.name)), item.name];
      problems.push(`items depend on each other in a cycle: ${cycle.join(' → ')}`);
      index.set(item.name, 0);
      return 0;
    }
    visiting.push(item.name);
    let level = 0;
    for (const name of deps(item)) {
      const dep = byName.get(name);
      if (dep) level = Math.max(level, visit(dep) + 1);
    }
    visiting.pop();
    const value = item.index ?? level;
    index.set(item.name, value);
    return value;
  };
  for (const item of items) visit(item);
  return { items: items.map((i) => ({ ...i, index: index.get(i.name) ?? 0 })), problems: [...new Set(problems)] };
}

/**
 * Problems of a bundle's items: duplicate names, unknown or later items needed, unknown sites.
 * `sites`: the bundle's site names; null when it has none; undefined when an inventory
 * document gives them at order time (no default: undefined must not turn into null).
 */
export function bundleProblems(items: BundleItemSpec[], sites: string[] | null | undefined): string[] {
  const problems: string[] = [];
  const byName = new Map<string, BundleItemSpec>();
  for (const item of items) {
    if (byName.has(item.name)) problems.push(`item "${item.name}" is defined twice`);
    byName.set(item.name, item);
  }
  for (const item of items) {
    if (item.site && sites && !sites.includes(item.site))
      problems.push(`item "${item.name}" deploys site "${item.site}", which the bundle's sites do not name`);
    if (item.site && sites === null) problems.push(`item "${item.name}" deploys site "${item.site}", but the bundle has no sites`);
    for (const name of item.needs ?? []) {
      const from = byName.get(name);
      if (!from) problems.push(`item "${item.name}" needs unknown item "${name}"`);
      else if (from.index >= item.index) {
        problems.push(`item "${item.name}" (index ${item.index}) needs "${from.name}" (index ${from.index}), which does not run before it`);
      }
    }
    for (const [variable, source] of Object.entries(item.inputs ?? {})) {
      const from = byName.get(source.split('.')[0]);
      if (!from) problems.push(`item "${item.name}" takes ${variable} from unknown item "${source.split('.')[0]}"`);
      else if (from.index >= item.index) {
        problems.push(
          `item "${item.name}" (index ${item.index}) takes ${variable} from "${from.name}" (index ${from.index}), which does not run before it: give "${from.name}" a lower index (a cycle or a same-index dependency cannot be ordered)`,
        );
      }
    }
  }
  return problems;
}

async function yamlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * Reads every YAML document under the catalog folder. Throws one error listing every
 * problem with its file, so a broken catalog never half-loads.
 */
export async function readCatalog(dir: string): Promise<CatalogFiles> {
  const files: CatalogText[] = [];
  for (const file of await yamlFiles(dir)) files.push({ path: relative(dir, file), text: await readFile(file, 'utf8') });
  return parseCatalog(files);
}

/** One catalog file: its path inside the catalog (e.g. `templates/x.yaml`) and its YAML. */
export interface CatalogText {
  path: string;
  text: string;
}

/** Where a zod issue's path points in the YAML document: "line N" of the value, or of its nearest parent. */
function lineOf(doc: Document, counter: LineCounter, path: PropertyKey[]): string {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as (string | number)[], true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return `, line ${counter.linePos(node.range[0]).line}`;
  }
  return '';
}

const issuesText = (doc: Document, counter: LineCounter, issues: { path: PropertyKey[]; message: string }[]) =>
  issues.map((i) => (i.path.length ? `${i.path.map(String).join('.')}${lineOf(doc, counter, i.path)}: ${i.message}` : i.message)).join('; ');

/** A problem of a template document: where in it (empty: the whole item) and why. */
export interface TemplateIssue {
  path: (string | number)[];
  message: string;
}

/** A template document was refused; `issues` say where and why, so a file names lines and the editor names fields. */
export class TemplateError extends Error {
  constructor(readonly issues: TemplateIssue[]) {
    super(issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; '));
    this.name = 'TemplateError';
  }
}

/** Checks one ServiceTemplate document, as a catalog file holds it, and gives what is stored of it. Throws a TemplateError. */
export function parseTemplate(body: unknown, source: string): TemplateFile {
  const parsed = templateSchema.safeParse(body, { error: plainZodError });
  if (!parsed.success)
    throw new TemplateError(parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'number' ? p : String(p))), message: i.message })));
  const t = parsed.data;
  const common = {
    name: t.name,
    description: t.description ?? null,
    catalog: t.catalog,
    longDescription: t.longDescription ?? null,
    icon: t.icon ?? null,
    dialog: t.dialog,
    published: t.published,
    visibility: t.visibility,
    approval: t.approval && t.approval.mode !== 'automatic' ? t.approval : null,
    quota: t.quota && Object.keys(t.quota).length ? t.quota : null,
    lifetime: t.lifetime ?? null,
    source,
  };
  if (t.type === 'ansible_playbook') {
    return {
      ...common,
      type: 'ansible_playbook',
      provision: t.provision,
      items: null,
      stateMachine: null,
      retirement: t.retirement ?? null,
      reconfigure: t.reconfigure ?? null,
      heal: t.heal ?? null,
      sites: null,
      inventory: null,
      onFailure: 'keep',
    };
  }
  const ordered = orderItems(t.items);
  // With an inventory document, its sites are known when ordering, not here.
  const siteNames = t.sites ? Object.keys(t.sites) : t.inventory ? undefined : null;
  const wrong = [...ordered.problems, ...(ordered.problems.length ? [] : bundleProblems(ordered.items, siteNames))];
  if (wrong.length) throw new TemplateError(wrong.map((message) => ({ path: [], message })));
  return {
    ...common,
    type: 'bundle',
    provision: null,
    items: ordered.items,
    stateMachine: t.stateMachine,
    retirement: null,
    reconfigure: null,
    heal: null,
    sites: t.sites ?? null,
    inventory: t.inventory ?? null,
    onFailure: t.onFailure,
  };
}

/**
 * What a checked template refers to that is missing: its dialog (`undefined`: unknown; `null`:
 * known by name only, its fields unchecked), its state machine, the dialog fields it reads.
 */
export function templateReferences(t: TemplateFile, dialog: DialogDefinition | null | undefined, machineKnown: boolean): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  if (t.stateMachine && t.stateMachine !== 'provision' && !machineKnown) {
    issues.push({ path: ['stateMachine'], message: `template "${t.name}" uses state machine "${t.stateMachine}", which does not exist` });
  }
  if (dialog === undefined) issues.push({ path: ['dialog'], message: `template "${t.name}" uses dialog "${t.dialog}", which does not exist` });
  if (!dialog) return issues;
  const used: { path: (string | number)[]; field: string }[] = Object.entries(t.sites ?? {}).flatMap(([name, site]) =>
    typeof site.provider === 'string' ? [] : [{ path: ['sites', name, 'provider'], field: site.provider.field }],
  );
  const specs = t.provision
    ? [{ at: ['provision'], spec: t.provision }]
    : (t.items ?? []).map((item, i) => ({ at: ['items', i, 'provision'], spec: item.provision }));
  for (const { at, spec } of specs) {
    for (const key of ['playbook', 'provider'] as const) {
      const value = spec[key];
      if (typeof value !== 'string') used.push({ path: [...at, key], field: value.field });
    }
    if (spec.extraVarsField) used.push({ path: [...at, 'extraVarsField'], field: spec.extraVarsField });
    for (const field of Object.keys(spec.vars ?? {})) used.push({ path: [...at, 'vars', field], field });
  }
  for (const [dimension, source] of Object.entries(t.quota ?? {})) {
    for (const field of parseQuotaExpression(source).fields) used.push({ path: ['quota', dimension], field });
  }
  (t.approval?.rules ?? []).forEach((rule, i) => {
    if ('field' in rule) used.push({ path: ['approval', 'rules', i, 'field'], field: rule.field });
  });
  const names = new Set(dialogFields(dialog).map((f) => f.name));
  const reported = new Set<string>();
  for (const { path, field } of used) {
    if (names.has(field) || reported.has(field)) continue;
    reported.add(field);
    issues.push({ path, message: `template "${t.name}" refers to field "${field}", which dialog "${dialog.name}" lacks` });
  }
  return issues;
}

/**
 * Checks a template document made outside the files (the editor) by the same rules as a
 * catalog file, against the portal's dialogs and state machines. Throws a TemplateError.
 */
export function checkTemplate(body: unknown, source: string, known: { dialogs: DialogDefinition[]; stateMachines: string[] }): TemplateFile {
  const t = parseTemplate(body, source);
  const issues = templateReferences(
    t,
    known.dialogs.find((d) => d.name === t.dialog),
    !!t.stateMachine && known.stateMachines.includes(t.stateMachine),
  );
  if (issues.length) throw new TemplateError(issues);
  return t;
}

/**
 * Parses catalog files (dialogs, templates, state machines, several documents per file
 * allowed). Throws one error listing every problem with its file, line and reason, so a
 * broken catalog never half-loads.
 */
export function parseCatalog(
  files: CatalogText[],
  known: { dialogs?: string[]; stateMachines?: string[] } = {},
  /** What a file's `source` starts with: `catalog/`, or `git:<repo>:catalog/` for a repository's catalog. */
  origin = 'catalog/',
): CatalogFiles {
  const problems: string[] = [];
  const result: CatalogFiles = { dialogs: [], templates: [], stateMachines: [] };
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const source = `${origin}${file.path}`;
    // The parser recurses into nested collections: a file nested thousands deep is refused before it.
    try {
      assertYamlDepth(file.text);
    } catch (err) {
      if (!(err instanceof YamlLimitError)) throw err;
      problems.push(`${source}: ${err.message}`);
      continue;
    }
    const counter = new LineCounter();
    const docs = parseAllDocuments(file.text, { lineCounter: counter });
    for (const doc of Array.isArray(docs) ? docs : [docs]) {
      if (doc.errors.length) {
        problems.push(`${source}: ${doc.errors[0].message}`);
        continue;
      }
      const body = doc.toJS() as { kind?: string } | null;
      if (!body) continue;
      try {
        switch (body.kind) {
          case 'Dialog': {
            const { kind: _kind, ...definition } = body;
            result.dialogs.push(parseDialog(definition));
            break;
          }
          case 'ServiceTemplate': {
            try {
              result.templates.push(parseTemplate(body, source));
            } catch (err) {
              if (!(err instanceof TemplateError)) throw err;
              throw new Error(issuesText(doc, counter, err.issues));
            }
            break;
          }
          case 'StateMachine': {
            const parsed = stateMachineSchema.safeParse(body);
            if (!parsed.success) throw new Error(issuesText(doc, counter, parsed.error.issues));
            result.stateMachines.push({ ...toStateMachine(parsed.data), source });
            break;
          }
          default:
            throw new Error(`unknown kind "${String(body.kind)}" (expected Dialog, ServiceTemplate or StateMachine)`);
        }
      } catch (err) {
        problems.push(`${source}: ${(err as Error).message}`);
      }
    }
  }
  for (const t of result.templates) {
    const dialog = result.dialogs.find((d) => d.name === t.dialog) ?? (known.dialogs?.includes(t.dialog) ? null : undefined);
    const machineKnown = !t.stateMachine || result.stateMachines.some((m) => m.name === t.stateMachine) || !!known.stateMachines?.includes(t.stateMachine);
    for (const issue of templateReferences(t, dialog, machineKnown)) problems.push(`${t.source}: ${issue.message}`);
  }
  if (problems.length) throw new Error(`The catalog has errors:\n  ${problems.join('\n  ')}`);
  return result;
}
