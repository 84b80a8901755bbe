// Where single sign-on ends (`/#/sso?token=...`, from GET /auth/oidc/callback): the token came in
// the URL fragment, so it never reached a server's log. It is stored like a password sign-in's,
// and the app starts again at its root, which opens the first page the user's permissions allow.
import { Box, CircularProgress } from '@mui/material';
import { useEffect } from 'react';
import { useLocation } from 'react-router-dom';
import { setToken } from './api/graphql';

export const SSO_PATH = '/sso';

export const SsoPage = () => {
  const { search } = useLocation();
  useEffect(() => {
    const token = new URLSearchParams(search).get('token');
    if (!token) {
      window.location.replace(`${window.location.pathname}#/login`);
      return;
    }
    setToken(token);
    // A new page load (the URL without a fragment): permissions, identity and subscriptions are all
    // read afresh; `replace` keeps the token out of the browser's history.
    window.location.replace(window.location.pathname);
  }, [search]);
  return (
    <Box sx={{ display: 'flex', justifyContent: 'center', mt: 8 }}>
      <CircularProgress aria-label="Signing in" />
    </Box>
  );
};
