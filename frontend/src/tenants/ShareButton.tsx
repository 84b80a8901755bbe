// "Share": a dialog with a multi-select of tenants, prefilled with what the object is shared with,
// that replaces its shares (shareServiceTemplate, shareProvider). The object's own tenant is not
// offered: it has it already. Sharing with a tenant shares with those below it too.
import { useState } from 'react';
import ShareIcon from '@mui/icons-material/Share';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { AutocompleteArrayInput, Form, HttpError, SaveButton, useNotify, useRefresh } from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import type { ApiErrorBody } from '../api/graphql';
import { nameOf, useTenants } from './useTenants';

/** A long tenant path shortens with an ellipsis instead of widening the dialog (on a phone). */
const LONG_CHIPS = { minWidth: 0, '& .MuiChip-root': { maxWidth: 260 } };

export interface ShareButtonProps {
  /** What is shared, as the dialog names it: `catalog item Run a playbook`. */
  what: string;
  ownerTenantId: string;
  sharedWith: readonly string[];
  /** Replaces the shares with `tenantIds`. */
  share: (tenantIds: string[]) => Promise<unknown>;
  size?: 'small' | 'medium';
}

export const ShareButton = ({ what, ownerTenantId, sharedWith, share, size = 'small' }: ShareButtonProps) => {
  const { tenants } = useTenants();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const choices = tenants.filter((t) => t.id !== ownerTenantId);

  const submit = async (values: FieldValues) => {
    const tenantIds = Array.isArray(values.tenantIds) ? values.tenantIds.map(String) : [];
    try {
      await share(tenantIds);
    } catch (error) {
      const body = error instanceof HttpError ? (error.body as ApiErrorBody | undefined) : undefined;
      if (body?.errors) return body.errors;
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
      return undefined;
    }
    setOpen(false);
    const names = tenantIds.map((id) => nameOf(tenants, id));
    notify(names.length > 0 ? `Shared ${what} with ${names.join(', ')}` : `${what} is shared with no other tenant`, { type: 'success' });
    refresh();
    return undefined;
  };

  return (
    <>
      <Button
        size={size}
        startIcon={<ShareIcon />}
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
        data-testid="share-button"
      >
        Share
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        onClick={(event) => event.stopPropagation()}
        fullWidth
        maxWidth="sm"
        aria-labelledby="share-title"
        data-testid="share-dialog"
      >
        <DialogTitle id="share-title" sx={{ overflowWrap: 'anywhere' }}>
          Share {what}
        </DialogTitle>
        <Form onSubmit={submit} defaultValues={{ tenantIds: [...sharedWith] }}>
          <DialogContent sx={{ pt: 0 }}>
            <DialogContentText variant="body2" sx={{ mb: 2 }}>
              It belongs to {nameOf(tenants, ownerTenantId)}. The tenants picked here, and those below them, may use it too.
            </DialogContentText>
            <AutocompleteArrayInput
              source="tenantIds"
              label="Tenants"
              choices={choices}
              optionText="path"
              helperText="Leave empty to share it with no other tenant"
              fullWidth
              sx={LONG_CHIPS}
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>Cancel</Button>
            <SaveButton label="Share" icon={<ShareIcon />} alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
