// The system user the backend runs as when we are root (`npm start`, the end-to-end tests):
// the backend refuses to run as root, so that a playbook — sandboxed as it is — never acts
// with root's rights on the files it can see. Node built-ins only (loaded before npm install).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { blockingFolder, testAs } from './services.mjs';

export const SERVICE_USER = 'superfluid';

function idOf(flag, user) {
  const result = spawnSync('id', [flag, user], { encoding: 'utf8' });
  return result.status === 0 ? Number(result.stdout.trim()) : null;
}

/** The uid and gid of the service user, created (a system user, no login, no home) when missing. Root only. */
export function ensureServiceUser(name = SERVICE_USER) {
  if (idOf('-u', name) === null) {
    if (idOf('-g', name) === null) spawnSync('groupadd', ['--system', name], { stdio: 'inherit' });
    const made = spawnSync(
      'useradd',
      ['--system', '--gid', name, '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', '--comment', 'Superfluid portal', name],
      { stdio: 'inherit' },
    );
    if (made.status !== 0 && idOf('-u', name) === null) throw new Error(`could not create the system user \`${name}\` to run the backend as`);
  }
  return { name, uid: idOf('-u', name), gid: idOf('-g', name) };
}

/**
 * Makes `dir` the user's own: created when missing, mode 0700, and everything in it owned by
 * the user (a data folder an earlier version filled as root is handed over once).
 */
export function ownFolder(dir, user) {
  fs.mkdirSync(dir, { recursive: true });
  const st = fs.statSync(dir);
  const strangers = st.uid !== user.uid || fs.readdirSync(dir).some((name) => fs.lstatSync(path.join(dir, name)).uid !== user.uid);
  if (strangers) spawnSync('chown', ['-R', '--no-dereference', `${user.uid}:${user.gid}`, dir], { stdio: 'inherit' });
  fs.chmodSync(dir, 0o700);
}

/**
 * Lets the user reach `target` (read it when it is a folder of ours): each folder on the way
 * that it cannot enter gets an ACL entry for that user alone (`setfacl -m u:<user>:x`,
 * nothing for anyone else), as a clone in /root needs. Returns the folders it opened.
 * Throws, saying what to do, when setfacl is missing or refused.
 */
export function letThrough(target, user) {
  const ids = { uid: user.uid, gid: user.gid };
  const opened = [];
  for (let blocked = blockingFolder(ids, target); blocked; blocked = blockingFolder(ids, target)) {
    const done = spawnSync('setfacl', ['-m', `u:${user.name}:x`, blocked], { encoding: 'utf8' });
    if (done.status !== 0 || opened.includes(blocked)) {
      throw new Error(
        `the backend runs as the system user ${user.name}, which cannot enter ${blocked} on the way to ${target}` +
          `${done.error ? ' (setfacl is missing: apt-get install acl)' : done.stderr ? ` (setfacl: ${done.stderr.trim()})` : ''}. ` +
          `Let it through (setfacl -m u:${user.name}:x ${blocked}), or move the project to a folder it can reach, such as /opt/superfluid.`,
      );
    }
    opened.push(blocked);
  }
  if (!testAs(ids, '-r', target)) throw new Error(`the system user ${user.name} cannot read ${target}: make it readable (chmod -R a+rX ${target}).`);
  return opened;
}
