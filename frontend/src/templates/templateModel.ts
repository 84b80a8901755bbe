// Pure helpers of the template and bundle editors: new definitions and items, moving items, and
// where the server's problems land (its extensions.fields are keyed by path in the definition).
import type { BundleItemDefinition, ProvisionDefinition, TemplateDefinition } from './types';
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
  return found.length ? found.map(([at, message]) => (at === path ? message : `${at.slice(path.length + 1)}: ${message}`)).join('; ') : undefined;
};

/** Drops optional keys left empty, so the definition says only what was set. */
export const cleaned = (definition: TemplateDefinition): TemplateDefinition =>
  JSON.parse(JSON.stringify(definition, (_, v: unknown) => (v === '' ? undefined : v))) as TemplateDefinition;
