// The dialog editor's model: pure, immutable operations on a dialog definition (tabs → boxes →
// fields) — add, remove, move, update — and the definition sent to saveDialog. The server checks
// what is saved with the parser of catalog files; nothing here duplicates its rules.
import { dialogProblemPlace } from '@superfluid/dialogs';
import { endsSentence } from '../common/serverErrors';
import type { Dialog, DialogBox, DialogField, DialogFieldType, DialogTab } from './types';
import { dialogFields } from './types';

/** Where an element is: a tab, a box in it, a field in that box. */
export type EditorPath = { tab: number } | { tab: number; box: number } | { tab: number; box: number; field: number };

export const isFieldPath = (p: EditorPath | null): p is { tab: number; box: number; field: number } => p !== null && 'field' in p;
export const isBoxPath = (p: EditorPath | null): p is { tab: number; box: number } => p !== null && 'box' in p && !('field' in p);

const moved = <T>(list: T[], from: number, by: -1 | 1): T[] => {
  const to = from + by;
  if (from < 0 || to < 0 || to >= list.length) return list;
  const out = [...list];
  [out[from], out[to]] = [out[to] as T, out[from] as T];
  return out;
};

const without = <T>(list: T[], at: number): T[] => list.filter((_, i) => i !== at);

const withTab = (dialog: Dialog, t: number, change: (tab: DialogTab) => DialogTab): Dialog => ({
  ...dialog,
  tabs: dialog.tabs.map((tab, i) => (i === t ? change(tab) : tab)),
});

const withBox = (dialog: Dialog, t: number, b: number, change: (box: DialogBox) => DialogBox): Dialog =>
  withTab(dialog, t, (tab) => ({ ...tab, boxes: tab.boxes.map((box, i) => (i === b ? change(box) : box)) }));

/** A field name not used yet: field_1, field_2, ... */
export const freshFieldName = (dialog: Dialog): string => {
  const used = new Set(dialogFields(dialog).map((f) => f.name));
  let n = 1;
  while (used.has(`field_${n}`)) n += 1;
  return `field_${n}`;
};

export const newField = (dialog: Dialog): DialogField => {
  const name = freshFieldName(dialog);
  return { name, label: `Field ${name.slice('field_'.length)}`, type: 'text' };
};

export const newBox = (dialog: Dialog): DialogBox => ({ label: 'Box', fields: [newField(dialog)] });

export const newDialog = (): Dialog => {
  const empty: Dialog = { name: 'new-dialog', label: 'New dialog', tabs: [] };
  return { ...empty, tabs: [{ label: 'Main', boxes: [newBox(empty)] }] };
};

export const addTab = (dialog: Dialog): Dialog => ({
  ...dialog,
  tabs: [...dialog.tabs, { label: `Tab ${dialog.tabs.length + 1}`, boxes: [newBox(dialog)] }],
});
export const removeTab = (dialog: Dialog, t: number): Dialog => ({ ...dialog, tabs: without(dialog.tabs, t) });
export const moveTab = (dialog: Dialog, t: number, by: -1 | 1): Dialog => ({ ...dialog, tabs: moved(dialog.tabs, t, by) });
export const updateTab = (dialog: Dialog, t: number, label: string): Dialog => withTab(dialog, t, (tab) => ({ ...tab, label }));

export const addBox = (dialog: Dialog, t: number): Dialog => withTab(dialog, t, (tab) => ({ ...tab, boxes: [...tab.boxes, newBox(dialog)] }));
export const removeBox = (dialog: Dialog, t: number, b: number): Dialog => withTab(dialog, t, (tab) => ({ ...tab, boxes: without(tab.boxes, b) }));
export const moveBox = (dialog: Dialog, t: number, b: number, by: -1 | 1): Dialog => withTab(dialog, t, (tab) => ({ ...tab, boxes: moved(tab.boxes, b, by) }));
export const updateBox = (dialog: Dialog, t: number, b: number, label: string): Dialog => withBox(dialog, t, b, (box) => ({ ...box, label }));

export const addField = (dialog: Dialog, t: number, b: number): Dialog =>
  withBox(dialog, t, b, (box) => ({ ...box, fields: [...box.fields, newField(dialog)] }));
export const removeField = (dialog: Dialog, t: number, b: number, f: number): Dialog =>
  withBox(dialog, t, b, (box) => ({ ...box, fields: without(box.fields, f) }));
export const moveField = (dialog: Dialog, t: number, b: number, f: number, by: -1 | 1): Dialog =>
  withBox(dialog, t, b, (box) => ({ ...box, fields: moved(box.fields, f, by) }));

/**
 * Replaces a field. A renamed field's references (visibleWhen, dependsOn, repoField) follow it, so
 * that renaming does not break the fields that point at it.
 */
export const updateField = (dialog: Dialog, t: number, b: number, f: number, field: DialogField): Dialog => {
  const before = dialog.tabs[t]?.boxes[b]?.fields[f];
  let next = withBox(dialog, t, b, (box) => ({ ...box, fields: box.fields.map((x, i) => (i === f ? field : x)) }));
  if (before && before.name !== field.name) {
    const rename = (name: string) => (name === before.name ? field.name : name);
    next = {
      ...next,
      tabs: next.tabs.map((tab) => ({
        ...tab,
        boxes: tab.boxes.map((box) => ({
          ...box,
          fields: box.fields.map((x) => ({
            ...x,
            ...(x.visibleWhen ? { visibleWhen: { ...x.visibleWhen, field: rename(x.visibleWhen.field) } } : {}),
            ...(x.dependsOn ? { dependsOn: x.dependsOn.map(rename) } : {}),
            ...(x.dataSource?.type === 'playbooks' && x.dataSource.repoField
              ? { dataSource: { type: 'playbooks' as const, repoField: rename(x.dataSource.repoField) } }
              : {}),
          })),
        })),
      })),
    };
  }
  return next;
};

export const TEXT_TYPES: DialogFieldType[] = ['text', 'textarea', 'password', 'tags'];
export const NUMBER_TYPES: DialogFieldType[] = ['integer', 'float'];
export const CHOICE_TYPES: DialogFieldType[] = ['dropdown', 'radio'];

/** A field given a new type keeps only what that type takes (and a default only when the type is unchanged in kind). */
export const changeFieldType = (field: DialogField, type: DialogFieldType): DialogField => {
  const { name, label, help, required, readOnly, reconfigurable, visibleWhen } = field;
  const out: DialogField = { name, label, type, help, required, readOnly, reconfigurable, visibleWhen };
  if (TEXT_TYPES.includes(type) && TEXT_TYPES.includes(field.type)) {
    Object.assign(out, { pattern: field.pattern, patternMessage: field.patternMessage, minLength: field.minLength, maxLength: field.maxLength });
  }
  if (NUMBER_TYPES.includes(type) && NUMBER_TYPES.includes(field.type)) Object.assign(out, { min: field.min, max: field.max, default: field.default });
  if (CHOICE_TYPES.includes(type)) {
    Object.assign(out, { choices: field.choices, dataSource: field.dataSource, dependsOn: field.dependsOn });
    if (!field.choices && !field.dataSource) out.choices = [{ value: 'a', label: 'A' }];
    if (type === 'dropdown' && field.type === 'dropdown') out.multiple = field.multiple;
  }
  if ((type === 'text' || type === 'textarea') && field.type === type) out.default = field.default;
  if (type === 'textarea' && field.type === 'textarea') out.format = field.format;
  return stripEmpty(out);
};

/** Drops undefined, empty strings and empty lists, so the definition holds only what was set. */
export const stripEmpty = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0))) as T;

/** Static choices of a data source become the field's own choices: the editor has one list to edit. */
export const forEditing = (definition: Dialog): Dialog => ({
  ...definition,
  tabs: definition.tabs.map((tab) => ({
    ...tab,
    boxes: tab.boxes.map((box) => ({
      ...box,
      fields: box.fields.map((f) => {
        if (f.dataSource?.type !== 'static') return f;
        const { dataSource, ...rest } = f;
        return { ...rest, choices: (dataSource as { choices?: DialogField['choices'] }).choices ?? [] };
      }),
    })),
  })),
});

/** The definition sent to saveDialog: every field stripped of unset properties. */
export const toDefinition = (dialog: Dialog): Dialog =>
  stripEmpty({
    ...dialog,
    tabs: dialog.tabs.map((tab) => ({ ...tab, boxes: tab.boxes.map((box) => ({ ...box, fields: box.fields.map((f) => stripEmpty(f)) })) })),
  });

/** Why the preview cannot render the draft yet (names it keys its inputs by), or null. */
export const previewProblem = (dialog: Dialog): string | null => {
  const names = dialogFields(dialog).map((f) => f.name);
  if (names.some((n) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(n))) return 'Every field needs a name (letters, digits and _) to be previewed.';
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) return `Two fields are named "${twice}".`;
  if (dialog.tabs.length === 0) return 'Add a tab to preview the form.';
  return null;
};

/**
 * The draft as the preview renders it: fields with a data source get the choices the stored dialog
 * resolved for them (when it was opened), since an unsaved draft cannot be resolved by the server.
 */
export const forPreview = (definition: Dialog, knownChoices: Record<string, DialogField['choices']>): Dialog => ({
  ...definition,
  tabs: definition.tabs.map((tab) => ({
    ...tab,
    boxes: tab.boxes.map((box) => ({
      ...box,
      fields: box.fields.map((f) => (f.dataSource ? { ...f, choices: knownChoices[f.name] ?? [] } : f)),
    })),
  })),
});

/**
 * What is wrong where, for the editor: by path in the definition (`name`, `tabs.0.label`,
 * `tabs.0.boxes.1.fields.2.label`; `tabs.0.boxes.1.fields.2` for a field's other problems), each
 * message in plain words with the input's name in front ("Field label is required").
 */
export type DialogErrors = Record<string, string>;

const LABELS: Record<string, string> = { name: 'name', label: 'label' };

/** The path of an element of the structure: `tabs.0`, `tabs.0.boxes.1`, `tabs.0.boxes.1.fields.2`. */
export const pathOf = (p: EditorPath): string =>
  isFieldPath(p) ? `tabs.${p.tab}.boxes.${p.box}.fields.${p.field}` : isBoxPath(p) ? `tabs.${p.tab}.boxes.${p.box}` : `tabs.${p.tab}`;

/** Whether anything at `path` or inside it is wrong. */
export const hasErrorUnder = (errors: DialogErrors, path: string): boolean => Object.keys(errors).some((at) => at === path || at.startsWith(`${path}.`));

/** The required inputs left empty, checked before saving: dialog name and label, every tab, box and field label, every field name. */
export const missingInDialog = (dialog: Dialog): DialogErrors => {
  const out: DialogErrors = {};
  if (!dialog.name.trim()) out.name = 'Dialog name is required';
  if (!dialog.label.trim()) out.label = 'Dialog label is required';
  dialog.tabs.forEach((tab, t) => {
    if (!tab.label.trim()) out[`tabs.${t}.label`] = 'Tab label is required';
    tab.boxes.forEach((box, b) => {
      if (!box.label.trim()) out[`tabs.${t}.boxes.${b}.label`] = 'Box label is required';
      if (box.fields.length === 0) out[`tabs.${t}.boxes.${b}`] = 'A box needs at least one field: add one or remove the box';
      box.fields.forEach((field, f) => {
        if (!field.name.trim()) out[`tabs.${t}.boxes.${b}.fields.${f}.name`] = 'Field name is required';
        if (!field.label.trim()) out[`tabs.${t}.boxes.${b}.fields.${f}.label`] = 'Field label is required';
      });
    });
    if (tab.boxes.length === 0) out[`tabs.${t}`] = 'A tab needs at least one box: add one or remove the tab';
  });
  if (dialog.tabs.length === 0) out.tabs = 'A dialog needs at least one tab';
  return out;
};

/**
 * The server's problems placed in the structure: each problem's path (`tabs.0.boxes.1.fields.2
 * ("x").pattern: …`) names the element and property; a name or label goes to its input, any other
 * property to the field as a whole ("pattern: …"); top-level `name:` and `label:` to the dialog's.
 */
export const serverDialogErrors = (problems: string[], byField: Record<string, string>, dialog: Dialog): DialogErrors => {
  const out: DialogErrors = {};
  const add = (at: string, message: string) => (out[at] = out[at] ? `${out[at]}; ${message}` : message);
  for (const problem of problems) {
    const message = problem.replace(/^[^:]*: /, '');
    const top = /^(name|label|description|tabs): /.exec(problem);
    if (top) {
      add(top[1], endsSentence(message) ? `${top[1] === 'tabs' ? 'Tabs' : `Dialog ${top[1]}`} ${message}` : message);
      continue;
    }
    const place = dialogProblemPlace(problem);
    if (!place || !problem.startsWith('tabs.')) continue;
    const base = pathOf(place as EditorPath);
    const property = place.property?.split('.')[0];
    const what = place.field !== undefined ? 'Field' : place.box !== undefined ? 'Box' : 'Tab';
    const fieldName = place.field === undefined ? undefined : dialog.tabs[place.tab]?.boxes[place.box ?? 0]?.fields[place.field]?.name;
    if (property === 'name' || property === 'label') add(`${base}.${property}`, endsSentence(message) ? `${what} ${LABELS[property]} ${message}` : message);
    else if (fieldName === undefined || !(fieldName in byField)) add(base, place.property ? `${place.property}: ${message}` : message);
  }
  // A field's problems by its name (pattern, choices, …), as the server grouped them.
  dialog.tabs.forEach((tab, t) =>
    tab.boxes.forEach((box, b) =>
      box.fields.forEach((field, f) => {
        const said = byField[field.name];
        if (said && !/^(name|label): /.test(said)) out[`tabs.${t}.boxes.${b}.fields.${f}`] ??= said;
      }),
    ),
  );
  return out;
};

/** The first element of the structure with a problem, to select it. */
export const firstErrorPath = (errors: DialogErrors, dialog: Dialog): EditorPath | null => {
  for (let t = 0; t < dialog.tabs.length; t++) {
    for (let b = 0; b < dialog.tabs[t].boxes.length; b++) {
      for (let f = 0; f < dialog.tabs[t].boxes[b].fields.length; f++) {
        if (hasErrorUnder(errors, `tabs.${t}.boxes.${b}.fields.${f}`)) return { tab: t, box: b, field: f };
      }
      if (hasErrorUnder(errors, `tabs.${t}.boxes.${b}`)) return { tab: t, box: b };
    }
    if (hasErrorUnder(errors, `tabs.${t}`)) return { tab: t };
  }
  return null;
};
