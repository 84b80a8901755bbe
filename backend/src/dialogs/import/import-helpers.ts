import { assertYamlDepth, type DialogDefinition, dialogFields, isSecretField, patternProblem, validateFieldValue, YamlLimitError } from '@superfluid/dialogs';
import { parse } from 'yaml';
import { parseDialog } from '../dialog.schema.js';

/** Thrown by the importers: every problem, each naming its dialog and field. */
export class DialogImportError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'DialogImportError';
  }
}

export const MAX_IMPORT_CHARS = 1_000_000;

/** YAML or JSON (JSON is YAML) with alias expansion bounded. */
export function parseDocument(content: string, what: string): unknown {
  if (content.length > MAX_IMPORT_CHARS) throw new DialogImportError([`the ${what} is larger than ${MAX_IMPORT_CHARS} characters`]);
  // The parser recurses into nested collections: a document nested thousands deep is refused before it.
  try {
    assertYamlDepth(content);
  } catch (err) {
    if (err instanceof YamlLimitError) throw new DialogImportError([`the ${what} is nested too deeply: ${err.message}`]);
    throw err;
  }
  try {
    return parse(content, { maxAliasCount: 100 });
  } catch (err) {
    throw new DialogImportError([`the ${what} is not valid YAML or JSON: ${(err as Error).message.split('\n')[0]}`]);
  }
}

/** A dialog name (lower-kebab-case) from a label: "Transform VM" → "transform-vm". */
export function slug(label: string): string {
  return label
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A number given as a number or a numeric string; "" and null mean none. */
export function optionalNumber(v: unknown): number | undefined | 'invalid' {
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim()) : NaN;
  return Number.isFinite(n) ? n : 'invalid';
}

/** true for true, "true", "t", "yes", "1" (Ruby and AWX spellings). */
export const truthy = (v: unknown): boolean =>
  v === true || v === 1 || (typeof v === 'string' && ['true', 't', 'yes', 'y', '1'].includes(v.trim().toLowerCase()));

export const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** What an import brings: its dialogs, checked, and what was changed to import them, by dialog name. */
export interface ImportedDialogs {
  dialogs: DialogDefinition[];
  warnings: Record<string, string[]>;
}

/**
 * Drops the defaults that break their own field's rules (too short, not among the choices,
 * outside min/max: exports of AWX and ManageIQ have such, AWX's documented example survey among
 * them), as parseDialog would refuse them; returns a warning for each.
 */
function dropBrokenDefaults(d: DialogDefinition, where: string): string[] {
  const warnings: string[] = [];
  for (const f of dialogFields(d)) {
    if (f.default === undefined || f.dataSource || isSecretField(f) || (f.pattern !== undefined && patternProblem(f.pattern))) continue;
    const problem = validateFieldValue(f, f.default);
    if (!problem) continue;
    const shown = JSON.stringify(f.default);
    const why = problem.message.includes(shown) ? problem.message : `${shown}: ${problem.message}`;
    warnings.push(`${where}, field "${f.name}": its default was dropped — ${why}`);
    delete (f as { default?: unknown }).default;
  }
  return warnings;
}

/**
 * Checks converted dialogs with the same rules as catalog files, once the defaults that break
 * their own field's rules are dropped (each with a warning); names must be unique within one import.
 */
export function parseAll(dialogs: DialogDefinition[], where: (d: DialogDefinition) => string): ImportedDialogs {
  const problems: string[] = [];
  const warnings: Record<string, string[]> = {};
  const seen = new Set<string>();
  const parsed = dialogs.map((d) => {
    if (seen.has(d.name)) problems.push(`${where(d)}: another dialog of this import has the name "${d.name}"`);
    seen.add(d.name);
    const dropped = dropBrokenDefaults(d, where(d));
    if (dropped.length) warnings[d.name] = dropped;
    try {
      return parseDialog(d);
    } catch (err) {
      problems.push(`${where(d)}: ${(err as Error).message}`);
      return d;
    }
  });
  if (problems.length) throw new DialogImportError(problems);
  return { dialogs: parsed, warnings };
}
