// Bindings of imported ManageIQ fields: a field imported with an automate method (data source
// `pending`) is bound in place to one of our data sources by an administrator. The binding is
// remembered with the automate method it replaced, so that a re-import of the same export keeps it
// for every field whose automate method is unchanged.
import { DialogDefinitionError, parseDialog } from './dialog.schema.js';
import { type DataSource, type DialogDefinition, type DialogField, dialogFields } from '@superfluid/dialogs';

/** How one imported field was bound: `dataSource: null` makes it a plain field (the requester types or picks its value). */
export interface DialogBinding {
  automateMethod: string;
  dataSource: Exclude<DataSource, { type: 'pending' }> | null;
  /** Replaces the field's dependsOn; absent keeps the imported one, empty removes it. */
  dependsOn?: string[];
}

/** Bindings of one dialog by field name. */
export type DialogBindings = Record<string, DialogBinding>;

/** The ManageIQ automate method a field was imported with, if it is pending or was bound from one; otherwise null. */
export function importedAutomateMethod(field: DialogField, bindings: DialogBindings): string | null {
  if (field.dataSource?.type === 'pending') return field.dataSource.automateMethod;
  return bindings[field.name]?.automateMethod ?? null;
}

/** The definition with one field's data source (and dependsOn) replaced; not checked here (see parseDialog). */
export function applyBinding(definition: DialogDefinition, fieldName: string, binding: DialogBinding): DialogDefinition {
  const bind = (f: DialogField): DialogField => {
    if (f.name !== fieldName) return f;
    const { dataSource: _old, dependsOn: imported, ...rest } = f;
    const dependsOn = binding.dependsOn ?? imported;
    return { ...rest, ...(binding.dataSource ? { dataSource: binding.dataSource } : {}), ...(dependsOn?.length ? { dependsOn } : {}) };
  };
  return { ...definition, tabs: definition.tabs.map((tab) => ({ ...tab, boxes: tab.boxes.map((box) => ({ ...box, fields: box.fields.map(bind) })) })) };
}

/**
 * A fresh import of a dialog with the earlier bindings applied again: a binding is kept when its field
 * is still pending with the same automate method and the dialog still checks with it (a repoField or
 * dependsOn may name a field the new export dropped). The others are dropped, their fields stay pending.
 */
export function reapplyBindings(
  fresh: DialogDefinition,
  earlier: DialogBindings,
): { definition: DialogDefinition; bindings: DialogBindings; dropped: string[] } {
  let definition = fresh;
  const bindings: DialogBindings = {};
  const dropped: string[] = [];
  for (const [name, binding] of Object.entries(earlier)) {
    const field = dialogFields(definition).find((f) => f.name === name);
    if (field?.dataSource?.type !== 'pending' || field.dataSource.automateMethod !== binding.automateMethod) {
      dropped.push(name);
      continue;
    }
    try {
      definition = parseDialog(applyBinding(definition, name, binding));
      bindings[name] = binding;
    } catch (err) {
      if (!(err instanceof DialogDefinitionError)) throw err;
      dropped.push(name);
    }
  }
  return { definition, bindings, dropped };
}
