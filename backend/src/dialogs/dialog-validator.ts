// The validator of dialog values is the package @superfluid/dialogs, the same code the order form
// runs in the browser. This module re-exports it for the rest of the backend (import from the
// package in new code).
export {
  type CompiledDialog,
  type FieldErrors,
  type ValidationResult,
  compileDialog,
  conditionHolds,
  isCalendarDate,
  isDateTime,
  isEmpty,
  parseYamlMapping,
  validateDialogValues,
  visibleFields,
} from '@superfluid/dialogs';
