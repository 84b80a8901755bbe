// Dialogs (order forms) over GraphQL: the dialogs resource (list, show, delete), the editor's save,
// imports, binding an imported field, and a dependent field's choices. The dialog model itself (the
// JSON of Dialog.form and Dialog.definition) is typed in ./types.
import { graphqlRequest } from '../api/graphql';
import { localPage, type ResourceApi } from '../api/resource';
import { graphql } from '../gql';
import type { DialogDetailFieldsFragment, DialogFieldsFragment } from '../gql/graphql';
import type { Dialog, DialogChoice, DialogDataSource, DialogImportFormat, DialogRecord } from './types';

graphql(`
  fragment DialogFields on Dialog {
    id
    name
    label
    description
    origin
    updatedAt
    tenantId
    sharedWith
    fields {
      name
      label
      type
      required
      dynamic
      pending
      dependsOn
      boundFrom
    }
  }
`);
// A dialog read by id carries its resolved form (dynamic choices filled in) for the preview, and its
// definition as stored for the editor.
graphql(`
  fragment DialogDetailFields on Dialog {
    ...DialogFields
    form
    definition
  }
`);
const DialogsQuery = graphql(`
  query Dialogs {
    dialogs {
      ...DialogFields
    }
  }
`);
const DialogQuery = graphql(`
  query Dialog($id: ID!) {
    dialog(id: $id) {
      ...DialogDetailFields
    }
  }
`);
const DeleteDialogMutation = graphql(`
  mutation DeleteDialog($id: ID!) {
    deleteDialog(id: $id)
  }
`);
const ImportDialogMutation = graphql(`
  mutation ImportDialog($f: DialogImportFormat!, $c: String!, $n: String) {
    importDialog(format: $f, content: $c, name: $n) {
      ...DialogFields
      importWarnings
    }
  }
`);
const SaveDialogMutation = graphql(`
  mutation SaveDialog($d: JSON!) {
    saveDialog(definition: $d) {
      ...DialogDetailFields
    }
  }
`);
const BindDialogFieldMutation = graphql(`
  mutation BindDialogField($id: ID!, $f: String!, $s: JSON, $d: [String!]) {
    bindDialogField(dialogId: $id, field: $f, dataSource: $s, dependsOn: $d) {
      ...DialogDetailFields
    }
  }
`);
const ShareDialogMutation = graphql(`
  mutation ShareDialog($id: ID!, $tenantIds: [ID!]!) {
    shareDialog(id: $id, tenantIds: $tenantIds) {
      ...DialogDetailFields
    }
  }
`);
const RefreshDialogFieldQuery = graphql(`
  query RefreshDialogField($d: String!, $f: String!, $v: JSON!) {
    refreshDialogField(dialog: $d, field: $f, values: $v) {
      choices {
        value
        label
      }
      default
    }
  }
`);

/** The schema types `origin` and a field's `type` as String and `form` and `definition` as JSON:
 * DialogRecord (./types) says which values they take. */
const asDialogRecord = (row: DialogFieldsFragment | DialogDetailFieldsFragment): DialogRecord => row as DialogRecord;

export const dialogsApi = {
  getList: (params) => localPage(params, async () => (await graphqlRequest(DialogsQuery, {})).dialogs.map(asDialogRecord)),
  getOne: async (id) => {
    const { dialog } = await graphqlRequest(DialogQuery, { id: String(id) });
    return dialog ? asDialogRecord(dialog) : null;
  },
  // CONFLICT for a dialog from catalog files or one a catalog item uses, with the server's message.
  delete: async (id) => {
    await graphqlRequest(DeleteDialogMutation, { id: String(id) });
  },
  /** Imports dialogs (all or none); VALIDATION_FAILED lists the problems, CONFLICT names a catalog dialog. */
  /** The dialogs imported, each with what the import changed to take it (a default its own field refused, dropped). */
  import: async (format: DialogImportFormat, content: string, name?: string): Promise<(DialogRecord & { importWarnings: string[] })[]> =>
    (await graphqlRequest(ImportDialogMutation, { f: format, c: content, n: name || null })).importDialog.map((d) => ({
      ...asDialogRecord(d),
      importWarnings: d.importWarnings,
    })),
  /** Saves a dialog made in the editor (origin editor). VALIDATION_FAILED names every problem (extensions.problems,
   * extensions.fields by field name); CONFLICT for the name of a dialog from catalog files. */
  save: async (definition: Dialog): Promise<DialogRecord> => asDialogRecord((await graphqlRequest(SaveDialogMutation, { d: definition })).saveDialog),
  /** Binds a field of an imported ManageIQ dialog (pending, or bound before) to a data source in place; null makes it a plain
   * field. VALIDATION_FAILED names the problem (extensions.problems); CONFLICT for a dialog that is not imported. */
  bindField: async (dialogId: string, field: string, dataSource: DialogDataSource | null, dependsOn: string[]): Promise<DialogRecord> =>
    asDialogRecord((await graphqlRequest(BindDialogFieldMutation, { id: dialogId, f: field, s: dataSource, d: dependsOn })).bindDialogField),
  /** Shares the dialog with these tenants (replacing its shares): their designers, and those of the tenants below, may use it. */
  share: async (id: string, tenantIds: string[]): Promise<DialogRecord> =>
    asDialogRecord((await graphqlRequest(ShareDialogMutation, { id, tenantIds })).shareDialog),
  /** A dependent field's choices and default for the current values of the fields it depends on. */
  refreshField: async (dialog: string, field: string, values: Record<string, unknown>): Promise<{ choices: DialogChoice[]; default: unknown }> =>
    (await graphqlRequest(RefreshDialogFieldQuery, { d: dialog, f: field, v: values })).refreshDialogField,
} satisfies ResourceApi<DialogRecord> & Record<string, unknown>;
