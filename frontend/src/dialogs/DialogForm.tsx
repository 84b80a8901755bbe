// The one renderer of dialogs (order forms): tabs -> boxes -> fields. It renders a react-admin
// form that saves through the surrounding controller (Create for an order; an Edit-like
// controller for later forms), so client-side rules, server field errors (VALIDATION_FAILED ->
// HttpError body.errors) and the save button behave the same everywhere.
import { useMemo, type ReactElement } from 'react';
import { Box, Typography } from '@mui/material';
import {
  BooleanInput,
  NumberInput,
  RadioButtonGroupInput,
  SaveButton,
  SelectArrayInput,
  SelectInput,
  SimpleForm,
  TabbedForm,
  TextInput,
  Toolbar,
  type Validator,
} from 'react-admin';
import type { Dialog, DialogBox, DialogField, DialogValues } from './types';
import { initialDialogValues, validateDialogValue } from './validation';

/** A react-admin validator for one field; flagged as required so the label shows an asterisk. */
const fieldValidator = (field: DialogField): Validator => {
  const validate: Validator & { isRequired?: boolean } = (value: unknown) => validateDialogValue(field, value);
  validate.isRequired = field.required === true;
  return validate;
};

const toChoices = (field: DialogField) => (field.choices ?? []).map((c) => ({ id: c.value, name: c.label }));

export const DialogFieldInput = ({ field }: { field: DialogField }): ReactElement => {
  const validate = useMemo(() => fieldValidator(field), [field]);
  const common = {
    source: field.name,
    label: field.label,
    validate,
    readOnly: field.readOnly === true,
    helperText: field.help ?? false,
  } as const;
  switch (field.type) {
    case 'text':
      return <TextInput {...common} fullWidth />;
    case 'textarea':
      return <TextInput {...common} fullWidth multiline minRows={3} />;
    case 'integer':
      return <NumberInput {...common} step={1} min={field.min} max={field.max} />;
    case 'checkbox':
      return <BooleanInput {...common} />;
    case 'radio':
      return <RadioButtonGroupInput {...common} choices={toChoices(field)} />;
    case 'dropdown':
      return field.multiple ? (
        <SelectArrayInput {...common} choices={toChoices(field)} fullWidth />
      ) : (
        <SelectInput {...common} choices={toChoices(field)} fullWidth emptyText="—" />
      );
    default: {
      const unreachable: never = field.type;
      return <Typography color="error">Unsupported field type {String(unreachable)}</Typography>;
    }
  }
};

const DialogBoxView = ({ box }: { box: DialogBox }): ReactElement => (
  <Box
    component="fieldset"
    data-testid={`dialog-box-${box.label}`}
    sx={{ border: 1, borderColor: 'divider', borderRadius: 1, px: 2, pt: 1, pb: 0, mb: 2, width: '100%', minWidth: 0 }}
  >
    <Typography component="legend" variant="subtitle2" sx={{ px: 0.5, color: 'text.secondary' }}>
      {box.label}
    </Typography>
    {box.fields.map((field) => (
      <Box key={field.name} data-testid={`dialog-field-${field.name}`} sx={{ maxWidth: 640 }}>
        <DialogFieldInput field={field} />
      </Box>
    ))}
  </Box>
);

export interface DialogFormProps {
  dialog: Dialog;
  /** Values to start from (e.g. a service's current values); fields' defaults fill the rest. */
  values?: DialogValues;
  submitLabel?: string;
  submitIcon?: ReactElement;
}

export const DialogForm = ({ dialog, values, submitLabel = 'Submit', submitIcon }: DialogFormProps) => {
  const defaultValues = useMemo(() => initialDialogValues(dialog, values), [dialog, values]);
  const toolbar = (
    <Toolbar>
      <SaveButton label={submitLabel} icon={submitIcon} alwaysEnable />
    </Toolbar>
  );
  if (dialog.tabs.length === 1) {
    const [tab] = dialog.tabs;
    return (
      <SimpleForm defaultValues={defaultValues} toolbar={toolbar} warnWhenUnsavedChanges={false}>
        {tab?.boxes.map((box) => <DialogBoxView key={box.label} box={box} />)}
      </SimpleForm>
    );
  }
  return (
    <TabbedForm defaultValues={defaultValues} toolbar={toolbar} syncWithLocation={false}>
      {dialog.tabs.map((tab) => (
        <TabbedForm.Tab key={tab.label} label={tab.label}>
            {tab.boxes.map((box) => (
            <DialogBoxView key={box.label} box={box} />
          ))}
        </TabbedForm.Tab>
      ))}
    </TabbedForm>
  );
};
