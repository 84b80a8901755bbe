// Enable, disable, delete a package and abort its deletion, each after a confirmation.
import { useState } from 'react';
import { Button } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { Confirm, useDataProvider, useNotify, useRefresh } from 'react-admin';
import type { SuperfluidDataProvider } from '../dataProvider';
import type { VnfPackage } from './api';

type Action = 'enable' | 'disable' | 'delete' | 'abort';

const CONFIRM: Record<Action, { title: string; content: string; confirm: string }> = {
  enable: { title: 'Enable', content: 'It may be deployed again.', confirm: 'Enable' },
  disable: { title: 'Disable', content: 'It may no longer be deployed; what runs stays. A disabled package may be deleted.', confirm: 'Disable' },
  delete: {
    title: 'Delete',
    content:
      'It leaves the list. While something uses it, its deletion waits (and may be aborted). A refresh brings it back only if its content in the repository changes.',
    confirm: 'Delete',
  },
  abort: { title: 'Abort the deletion of', content: 'The package stays, disabled.', confirm: 'Abort deletion' },
};

export const VnfPackageActions = ({ pkg, canWrite }: { pkg: VnfPackage; canWrite: boolean }) => {
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const navigate = useNavigate();
  const [asking, setAsking] = useState<Action | null>(null);
  const { mutate, isPending } = useMutation({
    mutationFn: async (action: Action) => {
      if (action === 'enable') return (await dataProvider.enableVnfPackage(pkg.id)).data;
      if (action === 'disable') return (await dataProvider.disableVnfPackage(pkg.id)).data;
      if (action === 'delete') return (await dataProvider.deleteVnfPackage(pkg.id)).data;
      return (await dataProvider.abortVnfPackageDeletion(pkg.id)).data;
    },
    onSuccess: (after: VnfPackage, action) => {
      if (action === 'delete' && after.deleted) {
        notify(`VNF package ${pkg.name} deleted`, { type: 'info' });
        void navigate('/vnfPackages');
        return;
      }
      notify(action === 'delete' ? `${pkg.name} is in use: it will be deleted once nothing uses it` : `VNF package ${pkg.name}: ${after.operationalState}`, {
        type: 'info',
      });
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (!canWrite) return null;
  const pending = pkg.deletionState === 'pending';
  const shown: Action[] = pending ? ['abort'] : pkg.operationalState === 'enabled' ? ['disable'] : ['enable', 'delete'];
  const ask = asking ? CONFIRM[asking] : null;
  return (
    <>
      {shown.map((action) => (
        <Button
          key={action}
          size="small"
          variant="outlined"
          color={action === 'delete' ? 'error' : 'primary'}
          disabled={isPending}
          data-testid={`vnf-${action}`}
          onClick={() => setAsking(action)}
        >
          {CONFIRM[action].confirm}
        </Button>
      ))}
      <Confirm
        isOpen={ask !== null}
        title={ask ? `${ask.title} ${pkg.name}?` : ''}
        content={ask?.content ?? ''}
        confirm={ask?.confirm ?? 'OK'}
        cancel="Cancel"
        confirmColor={asking === 'delete' ? 'warning' : 'primary'}
        onConfirm={() => {
          const action = asking;
          setAsking(null);
          if (action) mutate(action);
        }}
        onClose={() => setAsking(null)}
      />
    </>
  );
};
