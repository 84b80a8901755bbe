// A bundle request's state machine: what it does (provision; retire a service; roll back a failed
// request), then every state of its machine as a step — done, current, failed or waiting (not entered
// yet) — with its attempts and latest message, and the full history of transitions below.
import { useState } from 'react';
import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import {
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Chip,
  Collapse,
  Step,
  StepLabel,
  Stepper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
  useMediaQuery,
  type Theme,
  Link as MuiLink,
} from '@mui/material';
import { Link } from 'react-router-dom';
import { RelativeTime } from '../common/RelativeTime';
import { isTerminalRequestStatus, type RequestMachine, type ServiceRequest } from './api';
import { stateSteps, type StepStatus } from './bundleState';
import { LinkedMessage, requestPath, servicePath } from './RequestLinks';

const STEP_WORDS: Record<StepStatus, string> = { done: 'done', current: 'in progress', failed: 'failed', waiting: 'waiting' };

const EVENT_COLOURS: Record<string, 'default' | 'success' | 'error' | 'warning' | 'info'> = {
  entered: 'info',
  ok: 'success',
  retry: 'warning',
  error: 'error',
  resumed: 'info',
  hook: 'default',
};

/** What the request does, with a link to the service it retires or reconfigures, or the request it rolls back. */
const MachineAction = ({ machine }: { machine: RequestMachine }) => {
  const onFailure = machine.onFailure === 'rollback' ? 'what was deployed is rolled back' : 'what was deployed is kept';
  let action;
  if (machine.action === 'retire' && machine.serviceId) {
    action = (
      <>
        Retires{' '}
        <MuiLink component={Link} to={servicePath(machine.serviceId)} data-testid="machine-target">
          service {machine.serviceId.slice(0, 8)}
        </MuiLink>
      </>
    );
  } else if (machine.action === 'reconfigure' && machine.serviceId) {
    action = (
      <>
        Reconfigures{' '}
        <MuiLink component={Link} to={servicePath(machine.serviceId)} data-testid="machine-target">
          service {machine.serviceId.slice(0, 8)}
        </MuiLink>
      </>
    );
  } else if ((machine.action === 'heal' || machine.action === 'migrate' || machine.action === 'measure') && machine.serviceId) {
    action = (
      <>
        {machine.action === 'heal' ? 'Heals' : machine.action === 'migrate' ? 'Migrates' : 'Measures (changing nothing of)'}{' '}
        <MuiLink component={Link} to={servicePath(machine.serviceId)} data-testid="machine-target">
          service {machine.serviceId.slice(0, 8)}
        </MuiLink>
      </>
    );
  } else if (machine.action === 'rollback' && machine.rollbackOf) {
    action = (
      <>
        Rolls back what{' '}
        <MuiLink component={Link} to={requestPath(machine.rollbackOf)} data-testid="machine-target">
          request {machine.rollbackOf.slice(0, 8)}
        </MuiLink>{' '}
        deployed before it failed
      </>
    );
  } else {
    action = (
      <>
        {machine.action === 'preview' ? 'Previews in check mode (--check --diff)' : `Provisions${machine.action === 'provision' ? '' : ` (${machine.action})`}`}
        ; if an item fails, {onFailure}
      </>
    );
  }
  return (
    <Typography variant="body2" color="text.secondary" component="div" data-testid="machine-action" data-action={machine.action}>
      Machine <strong>{machine.name}</strong> · {action}
    </Typography>
  );
};

export const StateMachineProgress = ({ request }: { request: ServiceRequest }) => {
  const [showHistory, setShowHistory] = useState(false);
  // On a phone the states go down the page: side by side, seven of them crowd their labels together.
  const small = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const steps = stateSteps(request);
  const ended = isTerminalRequestStatus(request.status);
  // Without the machine (not read yet) the states after the current one are unknown.
  const more = !ended && !request.machine;
  const active = steps.findIndex((s) => s.status === 'current' || s.status === 'failed' || s.status === 'waiting');
  return (
    <Card variant="outlined" component="section" aria-label="State machine" data-testid="state-machine">
      <CardHeader
        title="Progress"
        subheader={request.state ? `State: ${request.state}` : undefined}
        slotProps={{ title: { variant: 'subtitle1', component: 'h3' } }}
        sx={{ pb: 0 }}
      />
      <CardContent>
        {request.machine && <MachineAction machine={request.machine} />}
        <Stepper
          activeStep={active === -1 ? steps.length : active}
          alternativeLabel={!small}
          orientation={small ? 'vertical' : 'horizontal'}
          sx={{ overflowX: 'auto', pb: 1 }}
        >
          {steps.map((step) => (
            <Step key={step.state} completed={step.status === 'done'} data-testid="state-step" data-state={step.state} data-step-status={step.status}>
              <StepLabel
                error={step.status === 'failed'}
                optional={
                  <Box sx={{ textAlign: small ? 'left' : 'center' }}>
                    <Typography variant="caption" component="div" color={step.status === 'failed' ? 'error' : 'text.secondary'}>
                      {ended && step.status === 'waiting' ? 'not reached' : STEP_WORDS[step.status]}
                      {step.attempts > 1 ? ` · attempt ${step.attempts}` : ''}
                    </Typography>
                    {step.message && (
                      <Typography
                        variant="caption"
                        component="div"
                        color="text.secondary"
                        title={step.message}
                        data-testid="state-step-message"
                        sx={{ maxWidth: small ? 260 : 180, mx: small ? 0 : 'auto', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
                      >
                        {step.message}
                      </Typography>
                    )}
                  </Box>
                }
              >
                {step.state}
              </StepLabel>
            </Step>
          ))}
          {more && (
            <Step completed={false} disabled data-testid="state-step-more">
              <StepLabel optional={<Typography variant="caption">waiting</Typography>}>more to come</StepLabel>
            </Step>
          )}
        </Stepper>
        <Button
          size="small"
          onClick={() => setShowHistory((v) => !v)}
          endIcon={showHistory ? <ExpandLessIcon /> : <ExpandMoreIcon />}
          data-testid="transitions-toggle"
        >
          {showHistory ? 'Hide' : 'Show'} the {request.transitions.length} transitions
        </Button>
        <Collapse in={showHistory} unmountOnExit>
          <Table size="small" data-testid="transitions">
            <TableHead>
              <TableRow>
                <TableCell>At</TableCell>
                <TableCell>State</TableCell>
                <TableCell>Event</TableCell>
                <TableCell>Attempt</TableCell>
                <TableCell>Message</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {request.transitions.map((t, i) => (
                <TableRow key={i}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <RelativeTime value={t.at} />
                  </TableCell>
                  <TableCell>{t.state}</TableCell>
                  <TableCell>
                    <Chip size="small" label={t.event} color={EVENT_COLOURS[t.event] ?? 'default'} variant="outlined" />
                  </TableCell>
                  <TableCell>{t.attempt}</TableCell>
                  <TableCell sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                    <LinkedMessage text={t.message ?? ''} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Collapse>
      </CardContent>
    </Card>
  );
};
