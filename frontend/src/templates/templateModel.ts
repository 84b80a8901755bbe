// Pure helpers of the template and bundle editors: new definitions and items, moving items, and
// where the server's problems land (its extensions.fields are keyed by path in the definition).
import { plainTemplatePath } from '@superfluid/dialogs';
import type { BundleItemDefinition, ProvisionDefinition, TemplateDefinition, ValueSource } from './types';
import type { TemplateRecord } from './api';

export const newProvision = (): ProvisionDefinition => ({ repo: 'playbooks', playbook: '', provider: { field: 'provider' } });

export const newTemplate = (type: TemplateDefinition['type'] = 'ansible_playbook'): TemplateDefinition =>
  type === 'bundle'
    ? { name: '', catalog: 'General', type, dialog: '', published: true, stateMachine: 'provision', onFailure: 'keep', items: [newItem([])] }
    : { name: '', catalog: 'General', type, dialog: '', published: true, provision: newProvision() };

/** A child item named item-N, N the first number no item has. */
export const newItem = (items: BundleItemDefinition[]): BundleItemDefinition => {
  let n = items.length + 1;
  while (items.some((i) => i.name === `item-${n}`)) n++;
  return { name: `item-${n}`, provision: newProvision() };
};

/** The items with item `index` moved one place up (-1) or down (1). */
export const moveItem = <T>(items: T[], index: number, by: -1 | 1): T[] => {
  const to = index + by;
  if (to < 0 || to >= items.length) return items;
  const next = [...items];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
};

/** A copy of a stored item under a name of its own, to save as a new item made in the editor. */
export const copyOf = (record: TemplateRecord): TemplateDefinition => ({ ...record.definition, name: `${record.name} (copy)`.slice(0, 200) });

/** Whether the editor may change the item in place: items from catalog files or a repository are changed there. */
export const editable = (record: Pick<TemplateRecord, 'source'>) => !record.source?.startsWith('catalog/') && !record.source?.startsWith('git:');

/** Where a non-editable item comes from, in words. */
export const origin = (source: string | null): string => {
  const git = source ? /^git:([^:]+):(.*)$/.exec(source) : null;
  if (git) return `git repository "${git[1]}" (${git[2]})`;
  return source?.startsWith('catalog/') ? `the catalog file ${source}` : (source ?? 'the editor');
};

/** The problems at `path` or inside it (an item's problems show on its card). */
export const errorsUnder = (errors: Record<string, string>, path: string): string | undefined => {
  const found = Object.entries(errors).filter(([at]) => at === path || at.startsWith(`${path}.`));
  return found.length
    ? found.map(([at, message]) => (at === path ? message : `${plainTemplatePath(at.slice(path.length + 1))}: ${message}`)).join('; ')
    : undefined;
};

/** Drops optional keys left empty, so the definition says only what was set. */
export const cleaned = (definition: TemplateDefinition): TemplateDefinition =>
  JSON.parse(JSON.stringify(definition, (_, v: unknown) => (v === '' ? undefined : v))) as TemplateDefinition;

const blank = (value: ValueSource | undefined) => value === undefined || (typeof value === 'string' ? value.trim() === '' : value.field.trim() === '');

/** What a playbook run lacks, by path: the repository, the playbook and the provider are required. */
const missingInProvision = (provision: ProvisionDefinition | undefined, path: string, out: Record<string, string>) => {
  if (!provision?.repo?.trim()) out[`${path}.repo`] = 'is required';
  if (blank(provision?.playbook)) out[`${path}.playbook`] = 'is required';
  if (blank(provision?.provider)) out[`${path}.provider`] = 'is required';
};

/**
 * The required inputs left empty, by their path in the definition, each with its message ("is required":
 * the editor puts the input's name in front): checked before saving, so the editor marks them without asking the server.
 */
export const missingInputs = (definition: TemplateDefinition): Record<string, string> => {
  const out: Record<string, string> = {};
  if (!definition.name?.trim()) out.name = 'is required';
  if (!definition.dialog?.trim()) out.dialog = 'is required';
  if (definition.type === 'ansible_playbook') missingInProvision(definition.provision, 'provision', out);
  else
    (definition.items ?? []).forEach((item, i) => {
      if (!item.name?.trim()) out[`items.${i}.name`] = 'is required';
      missingInProvision(item.provision, `items.${i}.provision`, out);
    });
  return out;
};
