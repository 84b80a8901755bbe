// The dialog model is the package @superfluid/dialogs, shared with the frontend. This module
// re-exports it for the rest of the backend (import from the package in new code).
export {
  type Choice,
  type DataSource,
  type DialogBox,
  type DialogDefinition,
  type DialogField,
  type DialogTab,
  type FieldType,
  type VisibleWhen,
  FIELD_TYPES,
  dialogFields,
  fieldPrerequisites,
  isSecretField,
  reconfigurableFieldNames,
  secretFieldNames,
} from '@superfluid/dialogs';
