// Playbook outputs (set_stats data) as a person reads them: one row per key, nested objects as
// small key/value lists under their key (two levels, then compact JSON), lists of plain values
// joined by commas, links for http(s) URLs. "Show JSON" shows the raw document instead.
import { useState, type ReactNode } from 'react';
import { Box, Button, Link, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import type { JsonObject, JsonValue } from '../types';
import { JsonView } from './JsonView';

/** Nested objects shown as lists up to this depth; deeper ones as one line of JSON. */
const MAX_DEPTH = 2;

const isObject = (value: JsonValue | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const isPlain = (value: JsonValue): value is string | number | boolean | null => value === null || typeof value !== 'object';
const isUrl = (value: string) => /^https?:\/\/[^\s]+$/i.test(value);

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 13, overflowWrap: 'anywhere' } as const;

const Plain = ({ value }: { value: string | number | boolean | null }) => {
  if (value === null)
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        —
      </Typography>
    );
  if (typeof value === 'string' && isUrl(value)) {
    return (
      <Link href={value} target="_blank" rel="noopener noreferrer" sx={{ overflowWrap: 'anywhere' }}>
        {value}
      </Link>
    );
  }
  if (typeof value === 'string')
    return (
      <Box component="span" sx={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
        {value}
      </Box>
    );
  return (
    <Box component="span" sx={mono}>
      {String(value)}
    </Box>
  );
};

/** Nested keys and values as a compact definition list. */
const Entries = ({ value, depth }: { value: JsonObject; depth: number }) => {
  const keys = Object.keys(value);
  if (keys.length === 0)
    return (
      <Box component="span" sx={mono}>
        {'{}'}
      </Box>
    );
  return (
    // Side by side from tablet width; on a phone each key is a caption above its value.
    <Box
      component="dl"
      sx={{ m: 0, display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', sm: 'minmax(0, max-content) minmax(0, 1fr)' }, columnGap: 1.5, rowGap: 0.25 }}
    >
      {keys.map((key) => (
        <Box key={key} sx={{ display: 'contents' }}>
          <Box component="dt" sx={{ color: 'text.secondary', overflowWrap: 'anywhere', fontSize: { xs: 12, sm: 'inherit' } }}>
            {key}
          </Box>
          <Box component="dd" sx={{ m: 0, minWidth: 0, pl: { xs: 1.5, sm: 0 }, mb: { xs: 0.5, sm: 0 } }}>
            <Value value={value[key]} depth={depth + 1} />
          </Box>
        </Box>
      ))}
    </Box>
  );
};

const Value = ({ value, depth }: { value: JsonValue; depth: number }): ReactNode => {
  if (isPlain(value)) return <Plain value={value} />;
  if (Array.isArray(value)) {
    if (value.length === 0)
      return (
        <Box component="span" sx={mono}>
          []
        </Box>
      );
    if (value.every(isPlain)) {
      return (
        <Box component="span" sx={{ overflowWrap: 'anywhere' }}>
          {value.map((v, i) => (
            <span key={i}>
              {i > 0 ? ', ' : ''}
              <Plain value={v} />
            </span>
          ))}
        </Box>
      );
    }
  }
  if (isObject(value) && depth < MAX_DEPTH) return <Entries value={value} depth={depth} />;
  return (
    <Box component="code" sx={mono}>
      {JSON.stringify(value)}
    </Box>
  );
};

// A row per key from tablet width; on a phone the key is a caption above its value (the row a block).
const KEY_CELL = {
  verticalAlign: 'top',
  width: { sm: 220 },
  display: { xs: 'block', sm: 'table-cell' },
  borderBottom: { xs: 'none', sm: undefined },
  pb: { xs: 0, sm: undefined },
  fontSize: { xs: 12, sm: undefined },
} as const;
const VALUE_CELL = { verticalAlign: 'top', display: { xs: 'block', sm: 'table-cell' }, pt: { xs: 0.25, sm: undefined } } as const;

/**
 * Outputs as a key/value table with a "Show JSON" toggle; `testId` names the whole (the table and the
 * JSON view are inside it), `empty` is what an empty document says.
 */
export const OutputsTable = ({ value, testId, empty = 'No outputs.' }: { value: JsonValue | undefined; testId?: string; empty?: string }) => {
  const [json, setJson] = useState(false);
  const doc = value ?? {};
  // Plain values first, in the document's order, then the nested ones (which take more room).
  const keys = isObject(doc) ? [...Object.keys(doc).filter((k) => !isObject(doc[k])), ...Object.keys(doc).filter((k) => isObject(doc[k]))] : null;
  if (keys && keys.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid={testId} data-empty="true">
        {empty}
      </Typography>
    );
  }
  return (
    <Box data-testid={testId} data-view={json ? 'json' : 'table'}>
      {json || !keys ? (
        <JsonView value={doc} testId={testId ? `${testId}-json` : undefined} />
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label="Outputs" sx={{ tableLayout: 'fixed', display: { xs: 'block', sm: 'table' } }}>
            <TableBody sx={{ display: { xs: 'block', sm: 'table-row-group' } }}>
              {keys.map((key) => (
                <TableRow key={key} data-testid="output" data-key={key} sx={{ display: { xs: 'block', sm: 'table-row' } }}>
                  <TableCell component="th" scope="row" sx={{ ...KEY_CELL, color: 'text.secondary', overflowWrap: 'anywhere' }}>
                    {key}
                  </TableCell>
                  <TableCell sx={VALUE_CELL} data-testid="output-value">
                    <Value value={(doc as JsonObject)[key]} depth={0} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      {keys && (
        <Button size="small" onClick={() => setJson(!json)} data-testid="outputs-json-toggle" aria-pressed={json} sx={{ mt: 0.5 }}>
          {json ? 'Show table' : 'Show JSON'}
        </Button>
      )}
    </Box>
  );
};
