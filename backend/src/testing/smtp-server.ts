import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';
import { freePort, waitFor } from './harness.js';

/** A mail as the test SMTP server printed it. */
export interface ReceivedMail {
  to: string;
  subject: string;
  body: string;
}

export interface TestSmtpServer {
  url: string;
  /** Every mail received so far. */
  received(): ReceivedMail[];
  stop(): Promise<void>;
}

/** A header as sent (RFC 2047 encoded words, as nodemailer writes a subject with quotes or accents) in plain text. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?') // the space between two encoded words is not text
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, _charset: string, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

/**
 * A real SMTP server for the tests: Debian's aiosmtpd (python3-aiosmtpd), which prints each
 * message it accepts; the mails are read back from its output.
 */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const port = await freePort();
  const child: ChildProcess = spawn('aiosmtpd', ['-n', '-l', `127.0.0.1:${port}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitFor(
    `aiosmtpd on port ${port}`,
    () =>
      new Promise<boolean>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.destroy();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      }),
    15_000,
  );
  return {
    url: `smtp://127.0.0.1:${port}`,
    received: () =>
      [...output.matchAll(/-{10} MESSAGE FOLLOWS -{10}\n([\s\S]*?)\n-{12} END MESSAGE -{12}/g)].map((m) => {
        const [folded, ...rest] = m[1].split('\n\n');
        const head = folded.replace(/\n[ \t]+/g, ' ');
        const header = (name: string) => decodeWords(new RegExp(`^${name}: (.*)$`, 'm').exec(head)?.[1] ?? '');
        return { to: header('To'), subject: header('Subject'), body: rest.join('\n\n') };
      }),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
