// Changes the signed-in user's password: the current one, the new one twice. A user whose password
// an administrator set is kept here (MustChangePasswordGuard) until they changed it; then their
// permissions are read again and the menu shows what they may use.
import LockResetIcon from '@mui/icons-material/LockReset';
import { Alert, Box, Card, CardContent, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { Form, HttpError, PasswordInput, required, SaveButton, Title, useDataProvider, useGetIdentity, useNotify } from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import type { ApiErrorBody } from '../api/graphql';
import { forgetPermissions, type Identity } from '../authProvider';
import type { SuperfluidDataProvider } from '../dataProvider';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const sameAsNew = (value: unknown, values: FieldValues) => (value === values.newPassword ? undefined : 'The two new passwords differ');

export const ChangePasswordPage = () => {
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const navigate = useNavigate();
  const { identity } = useGetIdentity();
  const forced = (identity as Identity | undefined)?.mustChangePassword === true;

  /** Returns the server's field errors, which the form shows under its fields. */
  const submit = async (values: FieldValues) => {
    try {
      await dataProvider.changePassword(text(values.currentPassword), text(values.newPassword));
    } catch (error) {
      const body = error instanceof HttpError ? (error.body as ApiErrorBody | undefined) : undefined;
      if (body?.errors) return body.errors;
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
      return undefined;
    }
    forgetPermissions();
    await queryClient.invalidateQueries({ queryKey: ['auth'] });
    notify('Password changed', { type: 'success' });
    await navigate('/');
    return undefined;
  };

  return (
    <Box sx={{ display: 'flex', justifyContent: 'center', mt: { xs: 1, sm: 3 } }}>
      <Title title="Change password" />
      <Card sx={{ width: '100%', maxWidth: 480 }}>
        <CardContent>
          <Typography variant="h6" component="h1" gutterBottom sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
            <LockResetIcon fontSize="small" /> Change password
          </Typography>
          {forced ? (
            <Alert severity="info" sx={{ mb: 2 }} data-testid="must-change-password">
              An administrator set your password: choose your own before you go on.
            </Alert>
          ) : null}
          <Form onSubmit={submit} defaultValues={{ currentPassword: '', newPassword: '', confirmPassword: '' }}>
            <Box sx={{ display: 'flex', flexDirection: 'column' }}>
              <PasswordInput source="currentPassword" label="Current password" validate={required()} autoComplete="current-password" fullWidth />
              <PasswordInput
                source="newPassword"
                label="New password"
                validate={required()}
                autoComplete="new-password"
                helperText="At least 10 characters, not a common password, not containing your user name"
                fullWidth
              />
              <PasswordInput source="confirmPassword" label="Confirm new password" validate={[required(), sameAsNew]} autoComplete="new-password" fullWidth />
            </Box>
            <SaveButton label="Change password" icon={<LockResetIcon />} alwaysEnable />
          </Form>
        </CardContent>
      </Card>
    </Box>
  );
};
