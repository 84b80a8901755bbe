// Messages that name other requests ("…rolled back by request <id>."): each id becomes a link to
// that request's page. The rest of the text is shown as it is.
import { Fragment, type ReactNode } from 'react';
import { Link as MuiLink } from '@mui/material';
import { Link } from 'react-router-dom';

const REQUEST_ID = /\b(request )([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/g;

export const requestPath = (id: string) => `/serviceRequests/${encodeURIComponent(id)}/show`;
export const servicePath = (id: string) => `/services/${encodeURIComponent(id)}/show`;

export const LinkedMessage = ({ text }: { text: string }) => {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(REQUEST_ID)) {
    const [whole, prefix, id] = match;
    const at = match.index;
    parts.push(<Fragment key={`t${last}`}>{text.slice(last, at) + prefix}</Fragment>);
    parts.push(
      <MuiLink key={`l${at}`} component={Link} to={requestPath(id)} data-testid="request-link" data-request={id} color="inherit">
        {id}
      </MuiLink>,
    );
    last = at + whole.length;
  }
  parts.push(<Fragment key={`t${last}`}>{text.slice(last)}</Fragment>);
  return <>{parts}</>;
};
