import { realpath } from 'node:fs/promises';
import { join } from 'node:path';

/** The bare repository of a hosted repository, served at /git/<name>.git. */
export const hostedDir = (dataDir: string, name: string) => join(dataDir, 'git', `${name}.git`);

/**
 * Whether a repository may fetch from its `file://` URL: a hosted repository from its own
 * bare repository, any other only from inside a folder of GIT_FILE_REMOTE_DIRS (none by
 * default), compared after symbolic links are resolved, so that a link in an allowed
 * folder cannot lead elsewhere. Null when allowed (and for any URL that is not file://).
 */
export async function fileRemoteProblem(url: string, allowedDirs: string[], ownHostedDir: string | null): Promise<string | null> {
  if (!url.startsWith('file:')) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return 'is not a file:// URL git can use';
  }
  if (ownHostedDir !== null && path === ownHostedDir) return null;
  // Written as the folder is: no "." or ".." parts, no %-escapes that git and the check could read differently.
  const raw = url.slice('file://'.length);
  if (raw.includes('%') || raw.split('/').some((part) => part === '.' || part === '..')) {
    return 'must name its folder plainly (no ".", ".." or %-escapes in a file:// URL)';
  }
  const real = await realpath(path).catch(() => path);
  for (const dir of allowedDirs) {
    const allowed = await realpath(dir).catch(() => dir);
    if (real === allowed || real.startsWith(allowed.endsWith('/') ? allowed : `${allowed}/`)) return null;
  }
  return allowedDirs.length
    ? `is not inside a folder that GIT_FILE_REMOTE_DIRS allows for file:// repositories`
    : 'is a file:// URL, and GIT_FILE_REMOTE_DIRS allows no folder for them (use https or ssh, or a hosted repository)';
}
