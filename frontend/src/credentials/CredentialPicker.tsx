// A credential picker: only credentials of the types the field takes; when there is none, a link to add one.
import { Box, Link as MuiLink, Typography } from '@mui/material';
import { SelectInput } from 'react-admin';
import { Link } from 'react-router-dom';
import type { Credential } from './api';
import { requiredAs } from '../common/requiredAs';

export const CredentialPicker = ({
  source,
  label,
  types,
  credentials,
  requiredPick,
  helperText,
  testId,
}: {
  source: string;
  label: string;
  types: string[];
  credentials: Credential[];
  requiredPick: boolean;
  helperText: string;
  testId?: string;
}) => {
  const choices = credentials.filter((c) => types.includes(c.type)).map((c) => ({ id: c.id, name: `${c.name} (${c.type})` }));
  return (
    <Box sx={{ width: '100%' }}>
      <SelectInput
        source={source}
        label={label}
        choices={choices}
        validate={requiredPick ? requiredAs(label) : undefined}
        emptyText={requiredPick ? undefined : 'None'}
        helperText={helperText}
        fullWidth
        data-testid={testId ?? `provider-${source}`}
      />
      {choices.length === 0 && (
        // Said apart from the helper text, so a "Credential is required" under the input does not hide it.
        <Typography variant="body2" sx={{ mt: -1, mb: 2 }} data-testid={`${testId ?? `provider-${source}`}-none`}>
          No {types.join(' or ')} credential yet:{' '}
          <MuiLink component={Link} to={`/credentials/create?source=${encodeURIComponent(JSON.stringify({ type: types[0] }))}`}>
            add one
          </MuiLink>
          .
        </Typography>
      )}
    </Box>
  );
};
