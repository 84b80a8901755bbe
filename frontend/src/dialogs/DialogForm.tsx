// The one renderer of dialogs (order forms): tabs -> boxes -> fields. It renders a react-admin
// form that saves through the surrounding controller (Create for an order; an Edit-like
// controller for later forms), so client-side rules, server field errors (VALIDATION_FAILED ->
// HttpError body.errors) and the save button behave the same everywhere. Without a controller
// (the dialog preview) it takes an onSubmit.
// Fields with visibleWhen are shown only while their condition holds; fields with dependsOn
// (or a repoField data source) ask the server for fresh choices when those fields change.
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { Alert, Box, Link as MuiLink, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  BooleanInput,
  DateInput,
  DateTimeInput,
  NumberInput,
  PasswordInput,
  RadioButtonGroupInput,
  SaveButton,
  SelectArrayInput,
  SelectInput,
  SimpleForm,
  TabbedForm,
  TextArrayInput,
  TextInput,
  Toolbar,
  useDataProvider,
  usePermissions,
  type Validator,
} from 'react-admin';
import { can } from '../authProvider';
import type { SuperfluidDataProvider } from '../dataProvider';
import { refreshTriggers, visibilityChain, type Dialog, type DialogBox, type DialogChoice, type DialogField, type DialogValues } from './types';
import { initialDialogValues, isFieldVisible, validateDialogValue } from './validation';

const DialogContext = createContext<Dialog | null>(null);
const useDialog = (): Dialog => {
  const dialog = useContext(DialogContext);
  if (!dialog) throw new Error('dialog fields must be rendered inside DialogForm');
  return dialog;
};

/** How long a dependent field waits after the last change before asking the server. */
const REFRESH_DELAY_MS = 300;

/** A react-admin validator for one field; flagged as required so the label shows an asterisk. */
const fieldValidator = (field: DialogField): Validator => {
  const validate: Validator & { isRequired?: boolean } = (value: unknown) => validateDialogValue(field, value);
  validate.isRequired = field.required === true;
  return validate;
};

const toChoices = (choices: DialogChoice[] | undefined) => (choices ?? []).map((c) => ({ id: c.value, name: c.label }));

/** datetime-local gives local time without a zone; the dialog stores an ISO instant. */
const toInstant = (value: string | null): string | null => {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString().replace('.000Z', 'Z');
};

/** Choices of a dependent field, recomputed by the server when a field it depends on changes. */
const useDependentChoices = (field: DialogField): DialogChoice[] | undefined => {
  const dialog = useDialog();
  const triggers = useMemo(() => refreshTriggers(field), [field]);
  const watched = useWatch({ name: triggers }) as unknown[];
  const key = JSON.stringify(watched);
  const { setValue, getValues } = useFormContext();
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const [choices, setChoices] = useState<DialogChoice[] | undefined>(field.choices);
  const first = useRef(true);
  useEffect(() => {
    if (triggers.length === 0) return undefined;
    // The form opens with choices resolved for the defaults; refresh only on a change.
    if (first.current) {
      first.current = false;
      return undefined;
    }
    let canceled = false;
    const timer = setTimeout(() => {
      const values = Object.fromEntries(triggers.map((name, i) => [name, watched[i] ?? null]));
      dataProvider
        .refreshDialogField(dialog.name, field.name, values)
        .then(({ data }) => {
          if (canceled) return;
          setChoices(data.choices);
          const allowed = new Set(data.choices.map((c) => String(c.value)));
          const current: unknown = getValues(field.name);
          const stale = Array.isArray(current)
            ? current.some((v) => !allowed.has(String(v)))
            : current != null && current !== '' && !allowed.has(String(current));
          if (stale || current == null || current === '') {
            const fallback = data.default ?? (field.multiple ? [] : '');
            setValue(field.name, fallback, { shouldValidate: stale, shouldDirty: true });
          }
        })
        .catch(() => {
          if (!canceled) setChoices([]);
        });
    }, REFRESH_DELAY_MS);
    return () => {
      canceled = true;
      clearTimeout(timer);
    };
    // `key` stands for the watched values.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return choices;
};

/** Where what a data source lists is added, and the permission that may add it. */
/** A create page with its type picked already (react-admin reads the record's defaults from `?source=`). */
const createWith = (resource: string, type: string | undefined) =>
  type ? `/${resource}/create?source=${encodeURIComponent(JSON.stringify({ type }))}` : `/${resource}/create`;

const SOURCES: Partial<Record<string, { what: (field: DialogField) => string; path: (field: DialogField) => string; permission: string; page: string }>> = {
  providers: {
    what: (f) => (f.dataSource?.type === 'providers' && f.dataSource.providerType ? `${f.dataSource.providerType} provider` : 'provider'),
    path: (f) => createWith('providers', f.dataSource?.type === 'providers' ? f.dataSource.providerType : undefined),
    permission: 'providers:write',
    page: 'Providers',
  },
  credentials: {
    what: (f) => (f.dataSource?.type === 'credentials' && f.dataSource.credentialType ? `${f.dataSource.credentialType} credential` : 'credential'),
    path: (f) => createWith('credentials', f.dataSource?.type === 'credentials' ? f.dataSource.credentialType : undefined),
    permission: 'providers:write',
    page: 'Credentials',
  },
  gitRepos: { what: () => 'git repository', path: () => '/gitRepos/create', permission: 'git:write', page: 'Git repos' },
};

/** Said under a field whose data source offers nothing the caller may use: what is missing, and where it is added. */
const MissingChoices = ({ field }: { field: DialogField }): ReactElement | null => {
  const { permissions } = usePermissions();
  const source = field.dataSource && SOURCES[field.dataSource.type];
  if (!source) return null;
  const what = source.what(field);
  return (
    <Alert severity="warning" sx={{ mb: 2 }} data-testid={`missing-choices-${field.name}`}>
      There is no {what} you may use yet, so this cannot be ordered.{' '}
      {can(permissions, source.permission) ? (
        <MuiLink component={Link} to={source.path(field)} data-testid={`missing-choices-link-${field.name}`}>
          Add a {what} on the {source.page} page.
        </MuiLink>
      ) : (
        `Ask an operator of your tenant to add or share a ${what}.`
      )}
    </Alert>
  );
};

export const DialogFieldInput = ({ field }: { field: DialogField }): ReactElement => {
  const choices = useDependentChoices(field);
  const input = <DialogFieldControl field={field} choices={choices} />;
  if (
    !field.dataSource ||
    !choices ||
    choices.length > 0 ||
    (field.dataSource.type !== 'providers' && field.dataSource.type !== 'credentials' && field.dataSource.type !== 'gitRepos')
  )
    return input;
  return (
    <>
      {input}
      <MissingChoices field={field} />
    </>
  );
};

const DialogFieldControl = ({ field, choices }: { field: DialogField; choices: DialogChoice[] | undefined }): ReactElement => {
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
    case 'password':
      return <PasswordInput {...common} fullWidth autoComplete="new-password" />;
    case 'integer':
      return <NumberInput {...common} step={1} min={field.min} max={field.max} />;
    case 'float':
      return <NumberInput {...common} step="any" min={field.min} max={field.max} />;
    case 'date':
      return <DateInput {...common} />;
    case 'datetime':
      return <DateTimeInput {...common} parse={toInstant} />;
    case 'tags':
      return field.choices ? <SelectArrayInput {...common} choices={toChoices(choices)} fullWidth /> : <TextArrayInput {...common} fullWidth />;
    case 'checkbox':
      return <BooleanInput {...common} />;
    case 'radio':
      return <RadioButtonGroupInput {...common} choices={toChoices(choices)} />;
    case 'dropdown':
      return field.multiple ? (
        <SelectArrayInput {...common} choices={toChoices(choices)} fullWidth />
      ) : (
        <SelectInput {...common} choices={toChoices(choices)} fullWidth emptyText="—" />
      );
    default: {
      const unreachable: never = field.type;
      return <Typography color="error">Unsupported field type {String(unreachable)}</Typography>;
    }
  }
};

/** A field, shown only while its visibleWhen holds (down the chain of fields that control it). */
const DialogFieldSlot = ({ field }: { field: DialogField }): ReactElement | null => {
  const dialog = useDialog();
  const chain = useMemo(() => visibilityChain(dialog, field), [dialog, field]);
  const watched = useWatch({ name: chain }) as unknown[];
  const visible = chain.length === 0 || isFieldVisible(dialog, field, Object.fromEntries(chain.map((name, i) => [name, watched[i]])));
  if (!visible) return null;
  return (
    <Box data-testid={`dialog-field-${field.name}`} sx={{ maxWidth: 640 }}>
      <DialogFieldInput field={field} />
    </Box>
  );
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
      <DialogFieldSlot key={field.name} field={field} />
    ))}
  </Box>
);

export interface DialogFormProps {
  dialog: Dialog;
  /** Values to start from (e.g. a service's current values); fields' defaults fill the rest. */
  values?: DialogValues;
  submitLabel?: string;
  submitIcon?: ReactElement;
  /** For a form without a save controller (the preview): called with the form's values. */
  onSubmit?: (values: Record<string, unknown>) => void;
  /** Inputs of the page's own after the dialog's boxes (in its last tab): the order page's job options. */
  extra?: ReactNode;
  /** Buttons beside the submit button: the order page's Preview. */
  actions?: ReactNode;
}

export const DialogForm = ({ dialog, values, submitLabel = 'Submit', submitIcon, onSubmit, extra, actions }: DialogFormProps) => {
  const defaultValues = useMemo(() => initialDialogValues(dialog, values), [dialog, values]);
  const toolbar = (
    <Toolbar sx={{ gap: 1 }}>
      <SaveButton label={submitLabel} icon={submitIcon} alwaysEnable />
      {actions}
    </Toolbar>
  );
  const submit = onSubmit ? { onSubmit } : {};
  if (dialog.tabs.length === 1) {
    const [tab] = dialog.tabs;
    return (
      <DialogContext.Provider value={dialog}>
        <SimpleForm defaultValues={defaultValues} toolbar={toolbar} warnWhenUnsavedChanges={false} {...submit}>
          {tab?.boxes.map((box) => (
            <DialogBoxView key={box.label} box={box} />
          ))}
          {extra}
        </SimpleForm>
      </DialogContext.Provider>
    );
  }
  return (
    <DialogContext.Provider value={dialog}>
      <TabbedForm defaultValues={defaultValues} toolbar={toolbar} syncWithLocation={false} {...submit}>
        {dialog.tabs.map((tab, index) => (
          <TabbedForm.Tab key={tab.label} label={tab.label}>
            {tab.boxes.map((box) => (
              <DialogBoxView key={box.label} box={box} />
            ))}
            {index === dialog.tabs.length - 1 ? extra : null}
          </TabbedForm.Tab>
        ))}
      </TabbedForm>
    </DialogContext.Provider>
  );
};
