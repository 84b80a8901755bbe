// The dialog (order form) definition served as ServiceTemplate.dialog and Dialog.form: tabs -> boxes -> fields.
// The model is the package @superfluid/dialogs, the same the server validates orders with; this
// file gives it the frontend's names and adds the shapes of the Dialogs resource.
import type { Choice, DataSource, DialogDefinition, FieldType } from '@superfluid/dialogs';

export {
  FIELD_TYPES as DIALOG_FIELD_TYPES,
  dialogFields,
  refreshTriggers,
  visibilityChain,
  type DialogBox,
  type DialogField,
  type DialogScalar,
  type DialogTab,
  type DialogValue,
  type DialogValues,
  type VisibleWhen,
} from '@superfluid/dialogs';

export type Dialog = DialogDefinition;
export type DialogFieldType = FieldType;
export type DialogChoice = Choice;
export type DialogDataSource = DataSource;

export type DialogImportFormat = 'MANAGEIQ' | 'AWX_SURVEY';

/** A stored dialog as the Dialogs resource lists it; `form` (the resolved definition) and `definition`
 * (as stored) only when read by id. */
export interface DialogRecord {
  id: string;
  name: string;
  label: string;
  description: string | null;
  /** catalog (files under catalog/dialogs), imported, or editor (the dialog editor). */
  origin: 'catalog' | 'imported' | 'editor';
  updatedAt: string;
  /** The tenant it belongs to (its designers change it) and those it is shared with (their designers use it). */
  tenantId: string;
  sharedWith: string[];
  fields: {
    name: string;
    label: string;
    type: DialogFieldType;
    required: boolean;
    dynamic: boolean;
    /** Imported with a ManageIQ automate method and not bound yet: the dialog cannot be ordered. */
    pending: boolean;
    dependsOn: string[];
    /** The automate method a bound field was imported with (it may be bound again). */
    boundFrom: string | null;
  }[];
  form?: Dialog;
  definition?: Dialog;
}
