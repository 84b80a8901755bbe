import { plainZodError } from '../common/plain-zod.js';
import { z } from 'zod';
import { credentialType, credentialTypes } from '../credentials/credential-types.js';
import {
  FIELD_TYPES,
  type DialogDefinition,
  type DialogField,
  dialogFields,
  fieldPrerequisites,
  isSecretField,
  patternProblem,
  validateFieldValue,
} from '@superfluid/dialogs';

/** Field names become Ansible variables: an identifier (ManageIQ and AWX names such as `param_vmName` are kept as they are). */
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const choice = z.object({ value: z.string(), label: z.string() }).strict();
const scalar = z.union([z.string(), z.number(), z.boolean()]);

const dataSource = z.discriminatedUnion('type', [
  z.object({ type: z.literal('static'), choices: z.array(choice).min(1) }).strict(),
  z.object({ type: z.literal('providers'), providerType: z.enum(['local', 'ssh', 'openstack', 'kubernetes']).optional() }).strict(),
  z.object({ type: z.literal('gitRepos') }).strict(),
  z
    .object({ type: z.literal('playbooks'), repo: z.string().min(1).optional(), repoField: z.string().min(1).optional() })
    .strict()
    .refine((s) => (s.repo === undefined) !== (s.repoField === undefined), {
      message: 'a playbooks data source names either a repo or a repoField (the field whose value is the repo), not both',
    }),
  z
    .object({ type: z.literal('credentials'), credentialType: z.string().min(1) })
    .strict()
    .refine((s) => credentialType(s.credentialType) !== undefined, {
      path: ['credentialType'],
      message: `is not a credential type (expected one of ${credentialTypes()
        .map((t) => t.name)
        .join(', ')})`,
    }),
  z.object({ type: z.literal('pending'), automateMethod: z.string().min(1) }).strict(),
]);

const visibleWhen = z.union([
  z.object({ field: z.string().min(1), equals: scalar }).strict(),
  z.object({ field: z.string().min(1), in: z.array(scalar).min(1) }).strict(),
  z.object({ field: z.string().min(1), notEmpty: z.literal(true) }).strict(),
]);

const field = z
  .object({
    name: z.string().regex(NAME, 'field names are identifiers: letters, digits and _, not starting with a digit (they become Ansible variables)'),
    label: z.string().min(1),
    type: z.string().refine((t) => (FIELD_TYPES as readonly string[]).includes(t), {
      error: (issue) => `unknown field type "${String(issue.input)}" (expected one of ${FIELD_TYPES.join(', ')})`,
    }),
    help: z.string().optional(),
    required: z.boolean().optional(),
    default: z.unknown().optional(),
    readOnly: z.boolean().optional(),
    multiple: z.boolean().optional(),
    pattern: z.string().optional(),
    patternMessage: z.string().optional(),
    minLength: z.number().int().min(0).optional(),
    maxLength: z.number().int().min(0).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    format: z.literal('yaml_mapping').optional(),
    choices: z.array(choice).optional(),
    dataSource: dataSource.optional(),
    visibleWhen: visibleWhen.optional(),
    reconfigurable: z.boolean().optional(),
    dependsOn: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict()
  .superRefine((f, ctx) => {
    // Patterns run on a linear-time engine (RE2); what it cannot run is refused here, naming the field.
    const badPattern = f.pattern === undefined ? undefined : patternProblem(f.pattern);
    if (badPattern) ctx.addIssue({ code: 'custom', path: ['pattern'], message: badPattern });
    const hasChoices = f.choices !== undefined || f.dataSource !== undefined;
    if ((f.type === 'dropdown' || f.type === 'radio') && !hasChoices) {
      ctx.addIssue({ code: 'custom', path: ['choices'], message: `a ${f.type} needs choices or a dataSource` });
    }
    if (f.multiple !== undefined && f.type !== 'dropdown') {
      ctx.addIssue({ code: 'custom', path: ['multiple'], message: `only a dropdown may be multiple (this is a ${f.type}; use tags for a free list)` });
    }
    if (f.type === 'password' && f.default !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['default'], message: 'a password field has no default: it would be shown to everyone who opens the form' });
    }
    if (f.min !== undefined && f.max !== undefined && f.min > f.max) {
      ctx.addIssue({ code: 'custom', path: ['min'], message: `is greater than max (${f.max})` });
    }
    if (f.dataSource?.type === 'playbooks' && f.dataSource.repoField && !(f.dependsOn ?? []).includes(f.dataSource.repoField)) {
      ctx.addIssue({ code: 'custom', path: ['dependsOn'], message: `must list "${f.dataSource.repoField}", the repoField of its data source` });
    }
  });

/** `tabs.0.boxes.1.fields.2 ("hostname").type`: the path, with the field's name where there is one. */
function describePath(path: PropertyKey[], input: unknown): string {
  const parts: string[] = [];
  let node: unknown = input;
  path.forEach((key, i) => {
    node = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    const name = path[i - 1] === 'fields' && node !== null && typeof node === 'object' ? (node as { name?: unknown }).name : undefined;
    parts.push(typeof name === 'string' ? `${String(key)} ("${name}")` : String(key));
  });
  return parts.join('.') || '(dialog)';
}

/** Where each field is, for messages: `tabs.0.boxes.1.fields.2 ("hostname")`. */
function fieldPaths(d: { tabs: { boxes: { fields: { name: string }[] }[] }[] }): Map<DialogField['name'], string> {
  const paths = new Map<string, string>();
  d.tabs.forEach((tab, t) =>
    tab.boxes.forEach((box, b) =>
      box.fields.forEach((f, i) => {
        if (!paths.has(f.name)) paths.set(f.name, `tabs.${t}.boxes.${b}.fields.${i} ("${f.name}")`);
      }),
    ),
  );
  return paths;
}

/** The first cycle among field prerequisites, as names in order (the first name repeated at the end), or null. */
export function findDependencyCycle(fields: DialogField[]): string[] | null {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string): string[] | null => {
    if (state.get(name) === 'done') return null;
    if (state.get(name) === 'visiting') return [...stack.slice(stack.indexOf(name)), name];
    state.set(name, 'visiting');
    stack.push(name);
    const f = byName.get(name);
    for (const next of f ? fieldPrerequisites(f) : []) {
      if (!byName.has(next)) continue;
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(name, 'done');
    return null;
  };
  for (const f of fields) {
    const cycle = visit(f.name);
    if (cycle) return cycle;
  }
  return null;
}

export const dialogSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'dialog names are lower-kebab-case'),
    label: z.string().min(1),
    description: z.string().optional(),
    tabs: z
      .array(
        z
          .object({
            label: z.string().min(1),
            boxes: z.array(z.object({ label: z.string().min(1), fields: z.array(field).min(1) }).strict()).min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict()
  .superRefine((d, ctx) => {
    const definition = d as DialogDefinition;
    const paths = fieldPaths(d);
    const fields = dialogFields(definition);
    const byName = new Map<string, DialogField>();
    d.tabs.forEach((tab, t) =>
      tab.boxes.forEach((box, b) =>
        box.fields.forEach((f, i) => {
          if (byName.has(f.name)) {
            ctx.addIssue({
              code: 'custom',
              path: ['tabs', t, 'boxes', b, 'fields', i, 'name'],
              message: `field "${f.name}" appears twice (first at ${paths.get(f.name)})`,
            });
          }
          byName.set(f.name, f as DialogField);
        }),
      ),
    );
    for (const f of fields) {
      const at = paths.get(f.name)!;
      const refer = (what: string, other: string) => {
        if (other === f.name) ctx.addIssue({ code: 'custom', path: [], message: `${at}.${what}: names the field itself` });
        else if (!byName.has(other))
          ctx.addIssue({ code: 'custom', path: [], message: `${at}.${what}: names "${other}", which is not a field of this dialog` });
      };
      if (f.visibleWhen) refer('visibleWhen.field', f.visibleWhen.field);
      for (const other of f.dependsOn ?? []) refer('dependsOn', other);
      if (f.dataSource?.type === 'playbooks' && f.dataSource.repoField) refer('dataSource.repoField', f.dataSource.repoField);
      // A default that breaks the field's own rules would make the untouched form fail.
      // (A pattern refused above is reported once, not again through the default.)
      if (f.default !== undefined && !f.dataSource && !isSecretField(f) && (f.pattern === undefined || !patternProblem(f.pattern))) {
        const problem = validateFieldValue(f, f.default);
        if (problem) ctx.addIssue({ code: 'custom', path: [], message: `${at}.default: ${problem.message}` });
      }
    }
    const cycle = findDependencyCycle(fields.filter((f) => byName.get(f.name) === f));
    if (cycle) ctx.addIssue({ code: 'custom', path: [], message: `field dependencies (dependsOn, visibleWhen, repoField) form a cycle: ${cycle.join(' → ')}` });
  });

const FIELD_AT = /fields\.\d+ \("([A-Za-z_][A-Za-z0-9_]*)"\)(?:\.([\w.]+))?: ([\s\S]*)$/;

/**
 * A refused definition: `message` lists every problem by path; `problems` has them one by one and
 * `fields` by field name (`{ hostname: 'pattern: is not a valid regular expression: …' }`), for forms.
 */
export class DialogDefinitionError extends Error {
  readonly fields: Record<string, string>;

  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'DialogDefinitionError';
    const fields: Record<string, string> = {};
    for (const problem of problems) {
      const at = FIELD_AT.exec(problem);
      if (!at) continue;
      const said = at[2] ? `${at[2]}: ${at[3]}` : at[3];
      fields[at[1]] = fields[at[1]] ? `${fields[at[1]]}; ${said}` : said;
    }
    this.fields = fields;
  }
}

/** Parses a dialog definition; throws a DialogDefinitionError with every problem listed by path. */
export function parseDialog(input: unknown): DialogDefinition {
  const result = dialogSchema.safeParse(input, { error: plainZodError });
  if (!result.success) {
    throw new DialogDefinitionError(result.error.issues.map((i) => (i.path.length ? `${describePath(i.path, input)}: ${i.message}` : i.message)));
  }
  return result.data as DialogDefinition;
}
