// "Advanced" on an order form: the ansible-playbook options the item lets an order set (its
// orderOptions) — a host limit, tags to run or skip, check mode, diff, verbosity, forks. Values
// live under `jobOptions.*` in the form, away from the dialog's own fields.
import { Accordion, AccordionDetails, AccordionSummary, Box, Typography } from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { BooleanInput, NumberInput, TextInput } from 'react-admin';
import type { JobOptionsInput } from '../gql/graphql';

const INPUTS: Record<string, { label: string; help: string; kind: 'text' | 'list' | 'boolean' | 'number'; min?: number; max?: number }> = {
  limit: { label: 'Limit (--limit)', help: 'Host pattern: only these hosts', kind: 'text' },
  tags: { label: 'Tags (--tags)', help: 'Comma-separated: run only the tasks with these tags', kind: 'list' },
  skipTags: { label: 'Skip tags (--skip-tags)', help: 'Comma-separated: skip the tasks with these tags', kind: 'list' },
  check: { label: 'Check mode (--check): report what would change, change nothing', help: '', kind: 'boolean' },
  diff: { label: 'Show differences (--diff)', help: '', kind: 'boolean' },
  verbosity: { label: 'Verbosity (0 to 4: -v to -vvvv)', help: '', kind: 'number', min: 0, max: 4 },
  forks: { label: 'Forks (--forks)', help: 'Hosts worked on in parallel', kind: 'number', min: 1, max: 100 },
};

export const JobOptionsBox = ({ options }: { options: readonly string[] }) => {
  const shown = options.filter((name) => name in INPUTS);
  if (!shown.length) return null;
  return (
    <Accordion variant="outlined" disableGutters sx={{ width: '100%', mt: 1 }} data-testid="job-options">
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <Typography variant="subtitle2">Advanced</Typography>
      </AccordionSummary>
      <AccordionDetails>
        <Box sx={{ display: 'grid', gap: 0.5 }}>
          {shown.map((name) => {
            const input = INPUTS[name];
            const source = `jobOptions.${name}`;
            if (input.kind === 'boolean') return <BooleanInput key={name} source={source} label={input.label} />;
            if (input.kind === 'number')
              return <NumberInput key={name} source={source} label={input.label} min={input.min} max={input.max} helperText={input.help || false} />;
            return <TextInput key={name} source={source} label={input.label} helperText={input.help} />;
          })}
        </Box>
      </AccordionDetails>
    </Accordion>
  );
};

/** The options set on the form, as orderService takes them; undefined when none is. */
export function jobOptionsOf(values: Record<string, unknown>, allowed: readonly string[]): JobOptionsInput | undefined {
  const raw = (values.jobOptions ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const name of allowed) {
    const value = raw[name];
    const kind = INPUTS[name]?.kind;
    if (value === undefined || value === null || value === '') continue;
    if (kind === 'list') {
      const list = String(value)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (list.length) out[name] = list;
    } else if (kind === 'boolean') {
      if (value === true) out[name] = true;
    } else if (kind === 'number') {
      if (typeof value === 'number' && Number.isFinite(value)) out[name] = value;
    } else {
      out[name] = String(value).trim();
    }
  }
  return Object.keys(out).length ? (out as JobOptionsInput) : undefined;
}
