// What a request itself ran with: the dialog values it was ordered, previewed or changed with (as
// stored with it, secrets masked), and — for a single playbook — the outputs its run returned. A
// service's outputs change with each reconfiguration; the request keeps its own.
import { Box, Typography } from '@mui/material';
import { OutputsTable } from '../common/OutputsTable';
import { DialogValues } from '../dialogs/DialogValues';
import type { RequestAction, ServiceRequest } from './api';

const VALUES_TITLE: Record<RequestAction, string> = {
  provision: 'Ordered with',
  preview: 'Previewed with',
  reconfigure: 'Reconfigured with',
  retire: 'Retired with',
  rollback: 'Rolled back with',
  heal: 'Healed with',
  migrate: 'Migrated with',
  measure: 'Measured with',
};

export const RequestValues = ({ request }: { request: ServiceRequest }) => (
  <Box component="section" aria-label="Dialog values" data-testid="request-values" data-action={request.action}>
    <Typography variant="subtitle1" component="h3" gutterBottom>
      {VALUES_TITLE[request.action]}
    </Typography>
    <DialogValues dialog={request.template?.dialog} values={request.dialogValues} />
  </Box>
);

/** The outputs a single playbook's run returned (a bundle's items show theirs); nothing until it returned some. */
export const RequestOutputs = ({ request }: { request: ServiceRequest }) => {
  const outputs = request.items[0]?.outputs;
  if (outputs === null || outputs === undefined) return null;
  return (
    <Box component="section" aria-label="Outputs">
      <Typography variant="subtitle1" component="h3" gutterBottom>
        Outputs of this run
      </Typography>
      <OutputsTable value={outputs} testId="request-outputs" empty="The playbook returned no outputs." />
    </Box>
  );
};
