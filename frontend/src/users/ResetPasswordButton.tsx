// Sets a user's password in a dialog: their sessions end, and they must change it at their next
// sign-in. The server's reason for refusing a password (too short, common...) shows under the field.
import { useState } from 'react';
import LockResetIcon from '@mui/icons-material/LockReset';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { Form, HttpError, PasswordInput, required, SaveButton, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import type { ApiErrorBody } from '../api/graphql';
import type { SuperfluidDataProvider } from '../dataProvider';
import type { User } from './api';

export const ResetPasswordButton = () => {
  const record = useRecordContext<User>();
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  if (!record) return null;

  const submit = async (values: FieldValues) => {
    try {
      await dataProvider.resetUserPassword(record.id, typeof values.password === 'string' ? values.password : '');
    } catch (error) {
      const body = error instanceof HttpError ? (error.body as ApiErrorBody | undefined) : undefined;
      if (body?.errors) return body.errors;
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
      return undefined;
    }
    setOpen(false);
    notify(`Password of ${record.username} set: they must change it at their next sign-in`, { type: 'success' });
    refresh();
    return undefined;
  };

  return (
    <>
      <Button size="small" startIcon={<LockResetIcon />} onClick={() => setOpen(true)}>
        Reset password
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs" aria-labelledby="reset-password-title">
        <DialogTitle id="reset-password-title">Reset the password of {record.username}</DialogTitle>
        <Form onSubmit={submit} defaultValues={{ password: '' }}>
          <DialogContent sx={{ pt: 0 }}>
            <DialogContentText variant="body2" sx={{ mb: 1 }}>
              Their sessions end at once; they must choose their own password at their next sign-in.
            </DialogContentText>
            <PasswordInput
              source="password"
              label="New password"
              validate={required()}
              autoComplete="new-password"
              helperText="At least 10 characters"
              autoFocus
              fullWidth
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>Cancel</Button>
            <SaveButton label="Set password" icon={<LockResetIcon />} alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
