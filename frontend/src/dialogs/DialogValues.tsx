// Read-only view of submitted dialog values, labelled by the dialog they were entered in.
import { Box, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import type { JsonObject, JsonValue } from '../types';
import { dialogFields, type Dialog, type DialogField } from './types';

const choiceLabel = (field: DialogField, value: JsonValue): string => field.choices?.find((c) => String(c.value) === String(value))?.label ?? String(value);

const display = (field: DialogField | undefined, value: JsonValue): string => {
  if (value === null) return '—';
  if (field?.type === 'password') return '••••••••';
  if (field?.type === 'checkbox') return value === true ? 'Yes' : 'No';
  if ((field?.type === 'dropdown' || field?.type === 'radio') && field.choices) {
    return Array.isArray(value) ? value.map((v) => choiceLabel(field, v)).join(', ') : choiceLabel(field, value);
  }
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
};

export const DialogValues = ({ dialog, values }: { dialog?: Dialog; values: JsonObject }) => {
  const fields = dialog ? dialogFields(dialog) : [];
  const known = new Set(fields.map((f) => f.name));
  const rows: { name: string; label: string; field?: DialogField }[] = [
    ...fields.filter((f) => f.name in values).map((f) => ({ name: f.name, label: f.label, field: f })),
    ...Object.keys(values)
      .filter((name) => !known.has(name))
      .map((name) => ({ name, label: name })),
  ];
  if (rows.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="dialog-values">
        No values.
      </Typography>
    );
  }
  return (
    <Table size="small" data-testid="dialog-values" aria-label="Dialog values">
      <TableBody>
        {rows.map(({ name, label, field }) => {
          const value = values[name] ?? null;
          return (
            <TableRow key={name} data-testid={`dialog-value-${name}`} data-value={JSON.stringify(value)}>
              <TableCell component="th" scope="row" sx={{ width: 220, color: 'text.secondary', verticalAlign: 'top' }}>
                {label}
              </TableCell>
              <TableCell>
                {field?.type === 'textarea' ? (
                  <Box component="pre" sx={{ m: 0, fontFamily: 'ui-monospace, monospace', fontSize: 13, whiteSpace: 'pre-wrap' }}>
                    {display(field, value)}
                  </Box>
                ) : (
                  display(field, value)
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};
