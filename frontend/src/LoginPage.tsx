import { Alert, Box, Button, Divider, Typography } from '@mui/material';
import WavesIcon from '@mui/icons-material/Waves';
import { useQuery } from '@tanstack/react-query';
import { Login, LoginForm } from 'react-admin';
import { useLocation } from 'react-router-dom';
import { graphqlRequest } from './api/graphql';
import { graphql } from './gql';

const SsoProvidersQuery = graphql(`
  query SsoProviders {
    ssoProviders {
      name
      loginUrl
    }
  }
`);

/** Why a single sign-on failed, by the code the server put in `/#/login?ssoError=<code>`. */
const SSO_ERRORS: Record<string, string> = {
  SSO_OFF: 'Single sign-on is not configured on this portal.',
  STATE_INVALID: 'The sign-in could not be verified (it was started elsewhere, took longer than 10 minutes, or was altered). Please try again.',
  PROVIDER_ERROR: 'The identity provider did not sign you in (the sign-in was cancelled or refused).',
  PROVIDER_UNAVAILABLE: 'The identity provider cannot be reached right now. Try again later, or sign in with a password.',
  EXCHANGE_FAILED: "The identity provider's answer could not be verified. Try again; if it persists, tell an administrator.",
  NO_MAPPING: 'Your groups at the identity provider give no access to this portal. Ask an administrator to map one of them to a portal group.',
  USERNAME_TAKEN: 'A portal account with your user name already exists and is not linked to single sign-on. Ask an administrator.',
  USER_DISABLED: 'Your portal account is disabled. Ask an administrator to enable it.',
  LAST_ADMINISTRATOR: 'This sign-in would leave the portal without an administrator. Ask another administrator.',
  UNEXPECTED: 'Single sign-on failed unexpectedly. Try again in a moment.',
};

/** The "Sign in with ..." buttons (none when single sign-on is off), and why the last one failed. */
const SingleSignOn = () => {
  const { search } = useLocation();
  const errorCode = new URLSearchParams(search).get('ssoError');
  const { data } = useQuery({
    queryKey: ['ssoProviders'],
    queryFn: async () => (await graphqlRequest(SsoProvidersQuery, {}, { auth: false })).ssoProviders,
    staleTime: Infinity,
    retry: false,
  });
  const providers = data ?? [];
  if (!providers.length && !errorCode) return null;
  return (
    <Box sx={{ px: 2, pb: 2, display: 'flex', flexDirection: 'column', gap: 1 }}>
      {errorCode ? <Alert severity="error">{SSO_ERRORS[errorCode] ?? SSO_ERRORS.UNEXPECTED}</Alert> : null}
      {providers.map((p) => (
        <Button key={p.loginUrl} variant="outlined" href={p.loginUrl} fullWidth>
          Sign in with {p.name}
        </Button>
      ))}
      {providers.length ? <Divider>or</Divider> : null}
    </Box>
  );
};

export const LoginPage = () => (
  <Login avatarIcon={<WavesIcon />}>
    <Box sx={{ textAlign: 'center', px: 2 }}>
      <Typography variant="h5" component="h1">
        Superfluid
      </Typography>
      <Typography variant="body2" color="text.secondary">
        Self-service catalog
      </Typography>
    </Box>
    <SingleSignOn />
    <LoginForm />
  </Login>
);
