// Where a problem is, in the editors' own words: the server names a place in a definition by its
// path (`tabs.0.boxes.0.fields.3.name`, `items.1.provision.playbook`), which the editors show as
// "Tab 1 › Box 1 › Field 4 (name)" and "Item 2 › Provision › Playbook".

/** The inputs of the catalog item editor, by the key the definition gives them. */
const TEMPLATE_WORDS: Record<string, string> = {
  name: 'Item name',
  description: 'Description',
  catalog: 'Catalog',
  icon: 'Icon',
  longDescription: 'Long description',
  type: 'Type',
  dialog: 'Dialog',
  published: 'Published',
  visibility: 'Visibility',
  approval: 'Approval',
  mode: 'Mode',
  approvals: 'Approvals',
  timeoutHours: 'Timeout (hours)',
  rules: 'Rules',
  provision: 'Provision',
  repo: 'Repository',
  playbook: 'Playbook',
  provider: 'Provider',
  extraVarsField: 'Extra variables field',
  vars: 'Variables',
  options: 'Job options',
  overridable: 'Overridable options',
  vaultCredential: 'Vault credential',
  retirement: 'Retirement playbook',
  reconfigure: 'Reconfigure playbook',
  stateMachine: 'Provision state machine',
  onFailure: 'When an item fails',
  inventory: 'Inventory',
  index: 'Provision index',
  site: 'Site',
  needs: 'Needs',
  inputs: 'Inputs',
  variables: 'Variables',
  providerTypes: 'Provider types',
  quota: 'Quota',
  lifetime: 'Lifetime',
};

/** `extraVarsField` → "Extra vars field": a key the editor has no word for, spelled out. */
const spelled = (key: string): string => {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * A path in a catalog item's definition as the editor says it: `items.1.provision.playbook` →
 * "Item 2 › Provision › Playbook", `sites.epc.provider` → "Site epc › Provider".
 */
export function plainTemplatePath(path: string): string {
  const keys = path.split('.').filter((k) => k !== '');
  const parts: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const next = keys[i + 1];
    if (key === 'items' && next !== undefined && /^\d+$/.test(next)) {
      parts.push(`Item ${Number(next) + 1}`);
      i++;
    } else if (key === 'sites' && next !== undefined) {
      parts.push(`Site ${next}`);
      i++;
    } else if (/^\d+$/.test(key)) {
      parts.push(`#${Number(key) + 1}`);
    } else {
      parts.push(TEMPLATE_WORDS[key] ?? spelled(key));
    }
  }
  return parts.join(' › ') || 'The item';
}

/** A problem of a catalog item ("items.0.name: is required") with its path in the editor's words. */
export function plainTemplateProblem(problem: string): string {
  const at = /^([\w.-]+): ([\s\S]*)$/.exec(problem);
  if (!at) return problem;
  // "is required" ends a sentence about the input: "Item 1 › Item name is required".
  return /^(is|are|should|needs|has|must)\b/.test(at[2]) ? `${plainTemplatePath(at[1])} ${at[2]}` : `${plainTemplatePath(at[1])}: ${at[2]}`;
}

/**
 * A place in a dialog definition as the server writes it: `tabs.0.boxes.1.fields.2 ("hostname").pattern`,
 * or without the field's name when it has none (`tabs.0.boxes.0.fields.3.name`).
 */
const DIALOG_PATH = /\btabs\.(\d+)(?:\.boxes\.(\d+)(?:\.fields\.(\d+)(?: \("([^"]*)"\))?)?)?((?:\.[A-Za-z_]\w*)*)/g;

/** One dialog path in the editor's words: "Tab 1 › Box 2 › Field 3 "hostname" (pattern)". */
const dialogPlace = (tab: string, box: string | undefined, field: string | undefined, name: string | undefined, rest: string): string => {
  const parts = [`Tab ${Number(tab) + 1}`];
  if (box !== undefined) parts.push(`Box ${Number(box) + 1}`);
  if (field !== undefined) parts.push(`Field ${Number(field) + 1}${name ? ` "${name}"` : ''}`);
  const property = rest.replace(/^\./, '');
  return property ? `${parts.join(' › ')} (${property})` : parts.join(' › ');
};

/**
 * A dialog's problem (or any text naming places in a dialog) with every path in the editor's
 * words: `tabs.0.boxes.0.fields.3.name: is required` → `Tab 1 › Box 1 › Field 4 (name): is required`.
 */
export function plainDialogProblem(text: string): string {
  return text.replace(DIALOG_PATH, (_, tab: string, box?: string, field?: string, name?: string, rest = '') => dialogPlace(tab, box, field, name, rest));
}

/** Where a dialog problem is: the tab, box and field (by position) and the property named, or null when it names no place. */
export interface DialogProblemPlace {
  tab: number;
  box?: number;
  field?: number;
  property?: string;
}

/** The first place a dialog problem names (`tabs.0.boxes.1.label: …` → tab 0, box 1, property "label"). */
export function dialogProblemPlace(problem: string): DialogProblemPlace | null {
  const at = new RegExp(DIALOG_PATH.source).exec(problem);
  if (!at) return null;
  const place: DialogProblemPlace = { tab: Number(at[1]) };
  if (at[2] !== undefined) place.box = Number(at[2]);
  if (at[3] !== undefined) place.field = Number(at[3]);
  const property = (at[5] ?? '').replace(/^\./, '');
  if (property) place.property = property;
  return place;
}
