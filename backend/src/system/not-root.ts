/**
 * The backend refuses to run as root: a playbook runs sandboxed as "nobody", but in a
 * user namespace of the backend's own user, so with root's files it would act as their
 * owner. Run as root, `npm start` starts the backend as the system user `superfluid`
 * (and so do the end-to-end tests); in a container it runs as `node`.
 */
export function rootRefusal(uid = process.getuid?.()): string | null {
  if (uid !== 0) return null;
  return (
    "superfluid: the backend does not run as root (the playbooks it starts would act with root's rights on the files they can see). " +
    'Start it with `npm start`, which runs it as the system user `superfluid`, or as any user of its own ' +
    '(for example: useradd --system superfluid; chown -R superfluid DATA_DIR; runuser -u superfluid -- node backend/dist/main.js).\n'
  );
}
