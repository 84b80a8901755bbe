// Copies a text to the clipboard and says so. The Clipboard API needs a secure context (https or
// localhost); elsewhere the text is copied from a hidden text area instead.
import { useState } from 'react';
import CheckIcon from '@mui/icons-material/Check';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { IconButton, Tooltip } from '@mui/material';
import { useNotify } from 'react-admin';

const copyText = async (text: string): Promise<void> => {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  if (!copied) throw new Error('the browser refused');
};

/** `what` names the text for screen readers and the notification: "Copy clone URL". */
export const CopyButton = ({ text, what, testId }: { text: string; what: string; testId?: string }) => {
  const notify = useNotify();
  const [copied, setCopied] = useState(false);
  return (
    <Tooltip title={copied ? 'Copied' : `Copy ${what}`}>
      <IconButton
        size="small"
        aria-label={`Copy ${what}`}
        data-testid={testId}
        onClick={() => {
          copyText(text).then(
            () => {
              setCopied(true);
              notify(`Copied the ${what} to the clipboard`, { type: 'info' });
              setTimeout(() => setCopied(false), 2000);
            },
            (error: unknown) =>
              notify(`Could not copy the ${what}: ${error instanceof Error ? error.message : String(error)}. Select it and copy it by hand.`, {
                type: 'warning',
              }),
          );
        }}
      >
        {copied ? <CheckIcon fontSize="small" color="success" /> : <ContentCopyIcon fontSize="small" />}
      </IconButton>
    </Tooltip>
  );
};

/** A value to copy: monospace, selectable as a whole, with its copy button. */
export const CopyableValue = ({ text, what, testId }: { text: string; what: string; testId?: string }) => (
  <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4, maxWidth: '100%' }}>
    <code data-testid={testId} style={{ userSelect: 'all', wordBreak: 'break-all' }}>
      {text}
    </code>
    <CopyButton text={text} what={what} testId={testId ? `${testId}-copy` : undefined} />
  </span>
);
