import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { z } from 'zod';
import { forbiddenVariable } from '../common/ansible-variables.js';
import { JOB_OPTION_NAMES, jobOptionsSchema } from '../jobs/job-options.js';
import { parseDialog } from '../dialogs/dialog.schema.js';
import { type DialogDefinition, dialogFields } from '../dialogs/dialog.types.js';
import type { ProvisionSpec } from './catalog.types.js';

const valueSource = z.union([z.string().min(1), z.object({ field: z.string().min(1) }).strict()]);

const templateSchema = z
  .object({
    kind: z.literal('ServiceTemplate'),
    name: z.string().min(1).max(200),
    description: z.string().optional(),
    type: z.literal('ansible_playbook'),
    dialog: z.string().min(1),
    published: z.boolean().default(true),
    provision: z
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
      })
      .strict(),
  })
  .strict();

export interface TemplateFile {
  name: string;
  description: string | null;
  type: 'ansible_playbook';
  dialog: string;
  published: boolean;
  provision: ProvisionSpec;
  source: string;
}

export interface CatalogFiles {
  dialogs: DialogDefinition[];
  templates: TemplateFile[];
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
  const problems: string[] = [];
  const result: CatalogFiles = { dialogs: [], templates: [] };
  for (const file of await yamlFiles(dir)) {
    const source = `catalog/${relative(dir, file)}`;
    const docs = parseAllDocuments(await readFile(file, 'utf8'));
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
            const parsed = templateSchema.safeParse(body);
            if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
            const t = parsed.data;
            result.templates.push({ name: t.name, description: t.description ?? null, type: t.type, dialog: t.dialog, published: t.published, provision: t.provision, source });
            break;
          }
          default:
            throw new Error(`unknown kind "${String(body.kind)}" (expected Dialog or ServiceTemplate)`);
        }
      } catch (err) {
        problems.push(`${source}: ${(err as Error).message}`);
      }
    }
  }
  for (const t of result.templates) {
    const dialog = result.dialogs.find((d) => d.name === t.dialog);
    if (!dialog) {
      problems.push(`${t.source}: template "${t.name}" uses dialog "${t.dialog}", which no catalog file defines`);
      continue;
    }
    const names = new Set(dialogFields(dialog).map((f) => f.name));
    const used = [t.provision.playbook, t.provision.provider].flatMap((v) => (typeof v === 'string' ? [] : [v.field]));
    if (t.provision.extraVarsField) used.push(t.provision.extraVarsField);
    used.push(...Object.keys(t.provision.vars ?? {}));
    for (const field of used) {
      if (!names.has(field)) problems.push(`${t.source}: template "${t.name}" refers to field "${field}", which dialog "${dialog.name}" lacks`);
    }
  }
  if (problems.length) throw new Error(`The catalog has errors:\n  ${problems.join('\n  ')}`);
  return result;
}
