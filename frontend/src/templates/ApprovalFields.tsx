// The editor's approval policy of an item: nobody (automatic), every order (manual), or the orders
// matching rules (a dialog value equal to / one of / at least, or the requester's group); how many
// approvers, and the hours after which an undecided order is denied.
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { Box, Button, IconButton, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { errorsUnder } from './templateModel';
import type { ApprovalDefinition, ApprovalRuleDefinition } from './types';

type Kind = 'equals' | 'in' | 'atLeast' | 'group' | 'quotaExceeded';

const kindOf = (rule: ApprovalRuleDefinition): Kind =>
  'quotaExceeded' in rule ? 'quotaExceeded' : 'group' in rule ? 'group' : 'in' in rule ? 'in' : 'atLeast' in rule ? 'atLeast' : 'equals';

/** A rule's value as typed: a list is comma-separated. */
const valueText = (rule: ApprovalRuleDefinition): string =>
  'quotaExceeded' in rule
    ? ''
    : 'group' in rule
      ? rule.group
      : 'in' in rule
        ? rule.in.join(', ')
        : 'atLeast' in rule
          ? String(rule.atLeast)
          : String(rule.equals);

const ruleOf = (kind: Kind, field: string, value: string): ApprovalRuleDefinition => {
  if (kind === 'quotaExceeded') return { quotaExceeded: true };
  if (kind === 'group') return { group: value };
  if (kind === 'in')
    return {
      field,
      in: value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    };
  if (kind === 'atLeast') return { field, atLeast: value.trim() === '' ? 0 : Number(value) };
  return { field, equals: value };
};

const numberOr = (text: string, fallback: number) => (text.trim() === '' || Number.isNaN(Number(text)) ? fallback : Number(text));

export const ApprovalFields = ({
  value,
  onChange,
  errors,
  fields,
}: {
  value: ApprovalDefinition | undefined;
  onChange: (value: ApprovalDefinition | undefined) => void;
  errors: Record<string, string>;
  /** The dialog's field names, offered for rules. */
  fields: string[];
}) => {
  const mode = value?.mode ?? 'automatic';
  const rules = value?.rules ?? [];
  const set = (patch: Partial<ApprovalDefinition>) =>
    onChange({ mode, approvals: value?.approvals ?? 1, timeoutHours: value?.timeoutHours ?? 168, ...value, ...patch });
  const setRule = (i: number, rule: ApprovalRuleDefinition) => set({ rules: rules.map((r, j) => (j === i ? rule : r)) });
  return (
    <Stack spacing={1.5} component="fieldset" sx={{ border: 0, p: 0, m: 0 }} data-testid="approval-fields">
      <TextField
        select
        size="small"
        label="Approval"
        value={mode}
        onChange={(e) => {
          const next = e.target.value as ApprovalDefinition['mode'];
          if (next === 'automatic') onChange(undefined);
          else set({ mode: next, rules: next === 'rules' ? (rules.length ? rules : [{ group: '' }]) : undefined });
        }}
        error={!!errorsUnder(errors, 'approval.mode')}
        helperText={errorsUnder(errors, 'approval.mode') ?? 'Who approves an order before it runs'}
        slotProps={{ htmlInput: { 'data-testid': 'approval-mode' } }}
      >
        <MenuItem value="automatic">nobody: orders run at once</MenuItem>
        <MenuItem value="manual">approvers, for every order</MenuItem>
        <MenuItem value="rules">approvers, for orders matching rules</MenuItem>
      </TextField>
      {mode !== 'automatic' ? (
        <Stack direction="row" spacing={1}>
          <TextField
            size="small"
            type="number"
            label="Approvers needed"
            value={value?.approvals ?? 1}
            onChange={(e) => set({ approvals: numberOr(e.target.value, 1) })}
            error={!!errors['approval.approvals']}
            helperText={errors['approval.approvals'] ?? 'Distinct approvers of the tenant'}
            slotProps={{ htmlInput: { min: 1, max: 10 } }}
            fullWidth
          />
          <TextField
            size="small"
            type="number"
            label="Denied after (hours)"
            value={value?.timeoutHours ?? 168}
            onChange={(e) => set({ timeoutHours: numberOr(e.target.value, 168) })}
            error={!!errors['approval.timeoutHours']}
            helperText={errors['approval.timeoutHours'] ?? 'When nobody decided'}
            slotProps={{ htmlInput: { min: 1 } }}
            fullWidth
          />
        </Stack>
      ) : null}
      {mode === 'rules' ? (
        <Box>
          <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 1 }}>
            An order needs approval when it matches any of these
          </Typography>
          <Stack spacing={1}>
            {rules.map((rule, i) => {
              const kind = kindOf(rule);
              const error = errorsUnder(errors, `approval.rules.${i}`);
              return (
                <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }} useFlexGap data-testid="approval-rule">
                  <TextField
                    select
                    size="small"
                    label="When"
                    value={kind}
                    onChange={(e) => setRule(i, ruleOf(e.target.value as Kind, 'field' in rule ? rule.field : (fields[0] ?? ''), ''))}
                    sx={{ minWidth: 150 }}
                  >
                    <MenuItem value="group">requester in group</MenuItem>
                    <MenuItem value="equals">field equals</MenuItem>
                    <MenuItem value="in">field is one of</MenuItem>
                    <MenuItem value="atLeast">field at least</MenuItem>
                    <MenuItem value="quotaExceeded">it would exceed a quota</MenuItem>
                  </TextField>
                  {kind !== 'group' && kind !== 'quotaExceeded' ? (
                    <TextField
                      select
                      size="small"
                      label="Field"
                      value={'field' in rule ? rule.field : ''}
                      onChange={(e) => setRule(i, ruleOf(kind, e.target.value, valueText(rule)))}
                      sx={{ minWidth: 140 }}
                    >
                      {[...new Set(['field' in rule ? rule.field : '', ...fields])].filter(Boolean).map((f) => (
                        <MenuItem key={f} value={f}>
                          {f}
                        </MenuItem>
                      ))}
                    </TextField>
                  ) : null}
                  {kind === 'quotaExceeded' ? null : (
                    <TextField
                      size="small"
                      label={kind === 'group' ? 'Group' : kind === 'in' ? 'Values (comma-separated)' : 'Value'}
                      value={valueText(rule)}
                      onChange={(e) => setRule(i, ruleOf(kind, 'field' in rule ? rule.field : '', e.target.value))}
                      error={!!error}
                      helperText={error}
                      sx={{ flex: 1, minWidth: 140 }}
                    />
                  )}
                  <IconButton aria-label={`Remove rule ${i + 1}`} onClick={() => set({ rules: rules.filter((_, j) => j !== i) })}>
                    <DeleteIcon />
                  </IconButton>
                </Stack>
              );
            })}
          </Stack>
          {errors['approval.rules'] ? (
            <Typography variant="caption" color="error">
              {errors['approval.rules']}
            </Typography>
          ) : null}
          <Button size="small" startIcon={<AddIcon />} onClick={() => set({ rules: [...rules, { group: '' }] })}>
            Add rule
          </Button>
        </Box>
      ) : null}
    </Stack>
  );
};
