// Import dialogs from a ManageIQ service dialog export or an AWX survey spec: paste or upload,
// then see the dialogs created (links to their preview) or every problem the server found.
import { useState, type ChangeEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  FormControl,
  FormControlLabel,
  FormLabel,
  List,
  ListItem,
  ListItemText,
  Radio,
  RadioGroup,
  TextField,
  Typography,
} from '@mui/material';
import UploadIcon from '@mui/icons-material/Upload';
import { HttpError, Title, useDataProvider } from 'react-admin';
import { Link } from 'react-router-dom';
import type { ApiErrorBody } from '../api/graphql';
import type { SuperfluidDataProvider } from '../dataProvider';
import type { DialogImportFormat, DialogRecord } from './types';

const FORMATS: { value: DialogImportFormat; label: string; hint: string }[] = [
  { value: 'AWX_SURVEY', label: 'AWX survey', hint: 'The JSON of /api/v2/job_templates/<id>/survey_spec/: { name, description, spec: [...] }' },
  { value: 'MANAGEIQ', label: 'ManageIQ service dialog', hint: 'A ManageIQ export (YAML): a list of dialogs with dialog_tabs → dialog_groups → dialog_fields' },
];

interface Failure {
  message: string;
  problems: string[];
}

const failureOf = (err: unknown): Failure => {
  if (err instanceof HttpError) {
    const body = err.body as ApiErrorBody | undefined;
    const problems = body?.graphqlErrors?.[0]?.extensions?.problems;
    return { message: err.message, problems: Array.isArray(problems) ? problems.map(String) : [] };
  }
  return { message: err instanceof Error ? err.message : String(err), problems: [] };
};

export const DialogImportPage = () => {
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const [format, setFormat] = useState<DialogImportFormat>('AWX_SURVEY');
  const [content, setContent] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<(DialogRecord & { importWarnings: string[] })[] | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) setContent(await file.text());
    event.target.value = '';
  };

  const submit = async () => {
    setBusy(true);
    setCreated(null);
    setFailure(null);
    try {
      setCreated((await dataProvider.importDialog(format, content, format === 'AWX_SURVEY' ? name.trim() : undefined)).data);
    } catch (err) {
      setFailure(failureOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="Import dialog" />
      <CardContent sx={{ display: 'grid', gap: 2, maxWidth: 900 }}>
        <FormControl>
          <FormLabel id="import-format">Format</FormLabel>
          <RadioGroup row aria-labelledby="import-format" value={format} onChange={(e) => setFormat(e.target.value as DialogImportFormat)}>
            {FORMATS.map((f) => (
              <FormControlLabel key={f.value} value={f.value} control={<Radio />} label={f.label} />
            ))}
          </RadioGroup>
          <Typography variant="caption" color="text.secondary">
            {FORMATS.find((f) => f.value === format)?.hint}
          </Typography>
        </FormControl>
        {format === 'AWX_SURVEY' && (
          <TextField
            label="Dialog name (optional)"
            helperText="Defaults to the survey's name, in lower-kebab-case"
            value={name}
            onChange={(e) => setName(e.target.value)}
            size="small"
            slotProps={{ htmlInput: { 'data-testid': 'import-name' } }}
          />
        )}
        <TextField
          label="Content"
          multiline
          minRows={12}
          maxRows={30}
          value={content}
          onChange={(e) => setContent(e.target.value)}
          slotProps={{ htmlInput: { 'data-testid': 'import-content', spellCheck: false, style: { fontFamily: 'ui-monospace, monospace', fontSize: 13 } } }}
        />
        <Box sx={{ display: 'flex', gap: 1 }}>
          <Button component="label" variant="outlined" startIcon={<UploadIcon />}>
            Upload file
            <input hidden type="file" accept=".yml,.yaml,.json,application/json,text/yaml" onChange={(e) => void upload(e)} />
          </Button>
          <Button variant="contained" onClick={() => void submit()} disabled={busy || content.trim() === ''} data-testid="import-submit">
            Import
          </Button>
        </Box>
        {failure && (
          <Alert severity="error" data-testid="import-errors">
            <Typography variant="body2">{failure.problems.length ? 'The import has errors; nothing was stored.' : failure.message}</Typography>
            {failure.problems.length > 0 && (
              <Box component="ul" sx={{ m: 0, pl: 2 }}>
                {failure.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </Box>
            )}
          </Alert>
        )}
        {created && (
          <Alert severity="success" data-testid="import-created">
            <Typography variant="body2">{created.length === 1 ? '1 dialog imported' : `${created.length} dialogs imported`}</Typography>
            <List dense>
              {created.map((d) => (
                <ListItem key={d.id} component={Link} to={`/dialogs/${d.id}/show`} data-testid={`import-created-${d.name}`}>
                  <ListItemText
                    primary={d.label}
                    secondary={`${d.name} · ${d.fields.length} fields: ${d.fields.map((f) => `${f.name} (${f.type})`).join(', ')}`}
                  />
                </ListItem>
              ))}
            </List>
          </Alert>
        )}
        {created && created.some((d) => d.importWarnings.length > 0) && (
          <Alert severity="warning" data-testid="import-warnings">
            <Typography variant="body2">Imported with changes: check these fields.</Typography>
            <Box component="ul" sx={{ m: 0, pl: 2 }}>
              {created
                .flatMap((d) => d.importWarnings)
                .map((w) => (
                  <li key={w}>{w}</li>
                ))}
            </Box>
          </Alert>
        )}
      </CardContent>
    </Card>
  );
};
