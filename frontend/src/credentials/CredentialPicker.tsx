// A credential picker: only credentials of the types the field takes; when there is none, a link to add one.
import { Box, Link as MuiLink } from '@mui/material';
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
        helperText={
          choices.length === 0 ? (
            <>
              No {types.join(' or ')} credential yet:{' '}
              <MuiLink component={Link} to="/credentials/create">
                add one
              </MuiLink>
              .
            </>
          ) : (
            helperText
          )
        }
        fullWidth
        data-testid={testId ?? `provider-${source}`}
      />
    </Box>
  );
};
