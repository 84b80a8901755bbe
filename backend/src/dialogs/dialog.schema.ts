import { z } from 'zod';
import { FIELD_TYPES, type DialogDefinition } from './dialog.types.js';

const NAME = /^[a-z_][a-z0-9_]*$/;

const choice = z.object({ value: z.string(), label: z.string() });

const dataSource = z.discriminatedUnion('type', [
  z.object({ type: z.literal('static'), choices: z.array(choice).min(1) }),
  z.object({ type: z.literal('providers') }),
  z.object({ type: z.literal('playbooks'), repo: z.string().min(1) }),
]);

const field = z
  .object({
    name: z.string().regex(NAME, 'field names are lower_snake_case (they become Ansible variables)'),
    label: z.string().min(1),
    type: z.enum(FIELD_TYPES),
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
  })
  .strict()
  .superRefine((f, ctx) => {
    if (f.pattern !== undefined) {
      try {
        new RegExp(f.pattern, 'u');
      } catch (err) {
        ctx.addIssue({ code: 'custom', path: ['pattern'], message: `is not a valid regular expression: ${(err as Error).message}` });
      }
    }
    const hasChoices = f.choices !== undefined || f.dataSource !== undefined;
    if ((f.type === 'dropdown' || f.type === 'radio') && !hasChoices) {
      ctx.addIssue({ code: 'custom', path: ['choices'], message: `a ${f.type} needs choices or a dataSource` });
    }
  });

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
    const seen = new Set<string>();
    for (const tab of d.tabs)
      for (const box of tab.boxes)
        for (const f of box.fields) {
          if (seen.has(f.name)) ctx.addIssue({ code: 'custom', path: ['tabs'], message: `field "${f.name}" appears twice` });
          seen.add(f.name);
        }
  });

/** Parses a dialog definition; throws with every problem listed by path. */
export function parseDialog(input: unknown): DialogDefinition {
  const result = dialogSchema.safeParse(input);
  if (!result.success) {
    throw new Error(result.error.issues.map((i) => `${i.path.join('.') || '(dialog)'}: ${i.message}`).join('; '));
  }
  return result.data as DialogDefinition;
}
