/**
 * Which git URLs a repository may use. Git understands many transports, some of which run
 * commands (`ext::sh -c ...`) or read file descriptors (`fd::`); and a URL that starts with
 * "-" can pass for an option. Only these forms are accepted:
 *   https://host[:port]/path      ssh://[user@]host[:port]/path
 *   user@host:path (scp-like)     file:///absolute/path and http://host/path (admins)
 * Credentials never go in a URL: they belong in a credential.
 */
export type UrlCheck = { ok: true } | { ok: false; reason: string };

const HOST = /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/;
const USER = /^[A-Za-z0-9._-]+$/;
const PATH_CHARS = /^[A-Za-z0-9._~\/%+@:-]+$/;

export function checkGitUrl(url: string, options: { allowFile: boolean; allowHttp?: boolean }): UrlCheck {
  const no = (reason: string): UrlCheck => ({ ok: false, reason });
  if (url.length === 0 || url.length > 2048) return no('must be between 1 and 2048 characters');
  if (url.startsWith('-')) return no('must not start with "-"');
  if (url.includes('::')) return no('uses a git transport that is not allowed (only https, ssh, user@host:path and file)');
  if (url !== url.trim() || /[\s\x00-\x1f\x7f]/.test(url)) return no('must not contain spaces or control characters');
  const scp = /^([^@/:]+)@([^/:]+):(.+)$/.exec(url);
  if (scp && !url.includes('://')) {
    const [, user, host, path] = scp;
    if (!USER.test(user)) return no('has a user name with characters that are not allowed');
    if (!HOST.test(host)) return no('has a host name that is not valid');
    if (path.startsWith('-') || !PATH_CHARS.test(path)) return no('has a repository path with characters that are not allowed');
    return { ok: true };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return no('is not a URL git can use: write https://host/path, ssh://host/path, user@host:path or file:///path');
  }
  switch (parsed.protocol) {
    case 'http:':
    case 'https:':
    case 'ssh:': {
      if (parsed.protocol === 'http:' && !options.allowHttp) return no('plain http:// is for administrators only: use https://');
      if (parsed.password || (parsed.protocol !== 'ssh:' && parsed.username)) {
        return no('must not hold credentials: store the token or key as a credential and pick it for the repository');
      }
      if (parsed.username && !USER.test(decodeURIComponent(parsed.username))) return no('has a user name with characters that are not allowed');
      if (!HOST.test(parsed.hostname) && !/^\[[0-9a-f:]+\]$/i.test(parsed.hostname)) return no('has a host name that is not valid');
      if (parsed.search || parsed.hash) return no('must not have a query or fragment');
      if (!PATH_CHARS.test(parsed.pathname) || parsed.pathname === '/') return no('needs a repository path');
      return { ok: true };
    }
    case 'file:':
      if (!options.allowFile) return no('file:// URLs are for administrators only');
      if (parsed.host) return no('file:// URLs must be absolute local paths (file:///path)');
      if (!PATH_CHARS.test(parsed.pathname)) return no('has a path with characters that are not allowed');
      return { ok: true };
    default:
      return no(`uses ${parsed.protocol.replace(':', '')}://, which is not allowed (only https, ssh, user@host:path and file)`);
  }
}

/**
 * A branch or tag name as `git check-ref-format --branch` would accept it, checked here
 * without a process: no leading "-", no "..", no control characters, spaces, ~^:?*[\\,
 * no "@{", no leading/trailing "/" or ".", no ".lock" ending, no "//".
 */
export function checkRefName(ref: string): UrlCheck {
  const no = (reason: string): UrlCheck => ({ ok: false, reason });
  if (ref.length === 0 || ref.length > 255) return no('must be between 1 and 255 characters');
  if (ref.startsWith('-')) return no('must not start with "-"');
  if (/[\x00-\x20\x7f~^:?*\[\\]/.test(ref)) return no('must not contain spaces, control characters or any of ~ ^ : ? * [ \\');
  if (ref.includes('..') || ref.includes('@{') || ref.includes('//') || ref === '@') return no('is not a valid git branch or tag name');
  if (ref.startsWith('/') || ref.endsWith('/') || ref.startsWith('.') || ref.endsWith('.') || ref.endsWith('.lock')) {
    return no('is not a valid git branch or tag name');
  }
  if (ref.split('/').some((part) => part.startsWith('.') || part.endsWith('.lock'))) return no('is not a valid git branch or tag name');
  return { ok: true };
}
