// End to end through a real browser: git repositories added, refreshed and deleted in the UI (a
// repository of the test's own, fed with real git), hosted repositories the portal is the remote
// of (a real `git push` with an API token made in the UI, syntax-checked before it is accepted),
// and signed webhooks. As in browser.test.mjs: the real product, headless Chromium.
//
// Run: npm test (which gives DATABASE_URL / REDIS_URL), or directly:
//   node --test test/e2e/git-repos.test.mjs
// Set SCREENSHOT_DIR=/some/dir to keep PNGs of the screens.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { signInApi } from '../support/api.mjs';
import { Browsers, idFromUrl, screenshot, signIn } from '../support/browser.mjs';
import { giveRepoToProduct, shareWithProduct, startProduct } from '../support/product.mjs';

// Waiting limits only (never asserted on): a playbook run includes ansible's own start-up.
const RUN_TIMEOUT = 90_000;

// The product the current describe block drives, and a client of its API.
let product;
let api;
const browsers = new Browsers();

// A git repository of the test's own: a bare repo in a temp folder, fed through a clone with real
// git, added through the UI with a file:// URL.
const SITE_PLAYBOOK = '- hosts: all\n  gather_facts: false\n  tasks: [{ansible.builtin.debug: {msg: hi}}]\n';
const HOSTILE_URL = 'ext::sh -c touch% /tmp/pwned';

const run = promisify(execFile);
// The test's git works on repositories it gives to the product's user (see giveRepoToProduct): a
// global configuration of its own trusts them (a local push drops `-c` options on the way to the
// other side, not this).
const gitConfig = path.join(tmpdir(), `superfluid-e2e-gitconfig-${process.pid}`);
writeFileSync(gitConfig, '[safe]\n\tdirectory = *\n');
const git = (cwd, ...args) =>
  run('git', ['-c', 'user.name=E2E Test', '-c', 'user.email=e2e@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_GLOBAL: gitConfig },
  });

/** Commits `files` ({ path: content }) in the clone and pushes them to the bare repo's main. */
const pushFiles = async (clone, files, message) => {
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(clone, name), content);
  await git(clone, 'add', '--', ...Object.keys(files));
  await git(clone, 'commit', '-q', '-m', message);
  await git(clone, 'push', '-q', 'origin', 'HEAD:main');
  return (await git(clone, 'rev-parse', 'HEAD')).stdout.trim();
};

const REPOS_QUERY = '{ gitRepos { id name url } }';

/** The helper text (under an input) that says exactly `text`. */
const helperText = (scope, text) => scope.locator('.MuiFormHelperText-root', { hasText: new RegExp(`^${text}$`) });
/** What a page must never show: zod's own words or a definition's raw path. */
const RAW = /Invalid input|expected string|received undefined|tabs\.\d+\./;

describe('git repositories', () => {
  let gitDir;
  let bare;
  let clone;

  before(async () => {
    gitDir = await mkdtemp(path.join(tmpdir(), 'superfluid-git-'));
    bare = path.join(gitDir, 'site.git');
    clone = path.join(gitDir, 'work');
    await git(gitDir, 'init', '-q', '--bare', '-b', 'main', bare);
    await git(gitDir, 'clone', '-q', bare, clone);
    await git(clone, 'checkout', '-q', '-b', 'main');
    shareWithProduct(gitDir); // the product, run as its own user, fetches from it
    giveRepoToProduct(bare);
    product = await startProduct();
    api = await signInApi(product);
  });

  after(async () => {
    await browsers.close();
    await product?.stop();
    await rm(gitDir, { recursive: true, force: true });
  });

  test('add a repo by file:// URL, refresh it after a push, refuse a bad branch and a hostile URL, delete it', async () => {
    const first = await pushFiles(clone, { 'site.yml': SITE_PLAYBOOK }, 'site playbook');
    const url = `file://${bare}`;
    const page = await browsers.newPage();
    await signIn(page, product);

    // Create: the server clones it and reads its playbooks at once.
    await page.getByRole('menuitem', { name: 'Git repos' }).click();
    await page.getByRole('link', { name: 'Create' }).click();
    // The list's "Name" column header (a sort button) is labelled "Name" too, and may still show
    // while the form comes: the form's field is the textbox of that name.
    await page.waitForURL(/\/gitRepos\/create$/);
    await page.getByRole('textbox', { name: 'Name' }).fill('site');
    await page.getByLabel('URL').fill(url);
    assert.equal(await page.getByLabel('Branch').inputValue(), 'main', 'the branch defaults to main');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/gitRepos\/[^/]+\/show$/);
    const repoId = idFromUrl(page, 'gitRepos');

    assert.equal((await page.getByTestId('repo-url').innerText()).trim(), url);
    assert.equal((await page.getByTestId('repo-branch').innerText()).trim(), 'main');
    assert.equal((await page.getByTestId('repo-commit').innerText()).trim(), first.slice(0, 10));
    await page.locator('[data-testid="repo-refresh-status"][data-status="successful"]').waitFor();
    await page.getByTestId('repo-playbooks').getByText('site.yml', { exact: true }).waitFor();
    const rows = page.getByTestId('refresh-row');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 1, 'one refresh so far');
    assert.equal(await rows.first().getAttribute('data-status'), 'successful');
    assert.equal((await rows.first().getByTestId('refresh-commit').innerText()).trim(), first.slice(0, 10));
    assert.match(await rows.first().getByTestId('refresh-added').innerText(), /site\.yml/);

    // The list shows it with its playbook.
    await page.getByRole('menuitem', { name: 'Git repos' }).click();
    const listRow = page.locator('tbody tr', { hasText: url });
    await listRow.getByText('site.yml', { exact: true }).waitFor();

    // A second commit; Refresh records a new refresh that added deploy.yml.
    const second = await pushFiles(clone, { 'deploy.yml': SITE_PLAYBOOK }, 'deploy playbook');
    await listRow.getByText('site', { exact: true }).click();
    await page.waitForURL(new RegExp(`/gitRepos/${encodeURIComponent(repoId)}/show$`));
    await rows.first().waitFor();
    await page.getByRole('button', { name: 'Refresh site' }).click();
    await page.getByText('Refreshed site', { exact: false }).waitFor();
    await rows.filter({ has: page.getByTestId('refresh-commit').getByText(second.slice(0, 10), { exact: true }) }).waitFor();
    assert.equal(await rows.count(), 2, 'a new row in the history');
    const newest = rows.first();
    assert.equal(await newest.getAttribute('data-status'), 'successful');
    assert.equal((await newest.getByTestId('refresh-previous-commit').innerText()).trim(), first.slice(0, 10));
    assert.match(await newest.getByTestId('refresh-added').innerText(), /deploy\.yml/);
    assert.doesNotMatch(await newest.getByTestId('refresh-added').innerText(), /site\.yml/, 'site.yml was there already');
    assert.equal((await page.getByTestId('repo-commit').innerText()).trim(), second.slice(0, 10));
    await page.getByTestId('repo-playbooks').getByText('deploy.yml', { exact: true }).waitFor();
    await screenshot(page, '18-git-repo-show');

    // Edit: a bad branch name is refused under the Branch field and nothing changes.
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.waitForURL(new RegExp(`/gitRepos/${encodeURIComponent(repoId)}$`));
    assert.equal(await page.getByLabel('URL').inputValue(), url);
    await page.getByLabel('Branch').fill('bad..branch');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.ra-input-branch .Mui-error').last().getByText('not a valid', { exact: false }).waitFor();
    const { gitRepo: unchanged } = await api('query($id: ID!) { gitRepo(id: $id) { branch commit } }', { id: repoId });
    assert.deepEqual(unchanged, { branch: 'main', commit: second }, 'the refused edit changed nothing');

    // A URL that would run a command: refused under the URL field, nothing created.
    const pwnedBefore = existsSync('/tmp/pwned');
    const reposBefore = (await api(REPOS_QUERY)).gitRepos.length;
    await page.getByRole('menuitem', { name: 'Git repos' }).click();
    await page.getByRole('link', { name: 'Create' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('hostile');
    await page.getByLabel('URL').fill(HOSTILE_URL);
    await page.getByRole('button', { name: 'Create' }).click();
    const urlError = page.locator('.ra-input-url .Mui-error').last();
    await urlError.getByText('not allowed', { exact: false }).waitFor();
    await screenshot(page, '19-git-repo-hostile-url');
    assert.match(page.url(), /\/gitRepos\/create$/, 'the form stays open');
    const reposAfter = (await api(REPOS_QUERY)).gitRepos;
    assert.equal(reposAfter.length, reposBefore, 'no repo was created');
    assert.ok(!reposAfter.some((r) => r.name === 'hostile'));
    if (!pwnedBefore) assert.ok(!existsSync('/tmp/pwned'), 'git ran no command');

    // Delete, after a confirmation.
    await page.goto(`${product.url}/#/gitRepos/${encodeURIComponent(repoId)}/show`);
    await page.getByRole('button', { name: 'Delete site' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Delete git repository site?').waitFor();
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await page.waitForURL(/\/gitRepos$/);
    await page.locator('tbody tr', { hasText: 'playbooks' }).first().waitFor();
    assert.equal(await page.locator('tbody tr', { hasText: url }).count(), 0, 'the list no longer shows it');
    assert.ok(!(await api(REPOS_QUERY)).gitRepos.some((r) => r.id === repoId), 'the repo is gone');
  });

  test('the credential picker offers git credentials and the server’s refusal lands under it', async () => {
    await api('mutation($i: CreateCredentialInput!) { createCredential(input: $i) { id } }', {
      i: { name: 'forge-token', type: 'git_token', secrets: { token: 'not-a-real-token-1234' } },
    });
    const page = await browsers.newPage();
    await signIn(page, product);
    await page.goto(`${product.url}/#/gitRepos/create`);
    await page.getByRole('textbox', { name: 'Name' }).fill('with-token');
    await page.getByLabel('URL').fill(`file://${bare}`);
    await page.getByRole('combobox', { name: 'Credential' }).click();
    await page.getByRole('option', { name: 'forge-token (git_token)' }).click();
    await screenshot(page, '18a-git-repo-credential');
    await page.getByRole('button', { name: 'Create' }).click();
    // A file:// repository uses no credential: said under the picker, nothing stored.
    await page.getByTestId('repo-credentialId').getByText('only https and ssh repositories use a credential').waitFor();
    assert.match(page.url(), /\/gitRepos\/create$/);
    assert.ok(!(await api(REPOS_QUERY)).gitRepos.some((r) => r.name === 'with-token'), 'nothing stored');
  });

  test('an empty repository form marks name, URL and branch in plain words and sends nothing', async () => {
    const page = await browsers.newPage();
    await signIn(page, product);
    await page.goto(`${product.url}/#/gitRepos/create`);
    await page.getByRole('textbox', { name: 'Name' }).waitFor();
    const sent = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql') && (request.postData() ?? '').includes('createGitRepo')) sent.push(request);
    });
    await page.getByLabel('Branch').fill('');
    await page.getByRole('button', { name: 'Create' }).click();
    const form = page.locator('form');
    await helperText(form, 'Name is required').waitFor();
    await helperText(form, 'URL is required').waitFor();
    await helperText(form, 'Branch is required').waitFor();
    assert.equal(await page.getByRole('textbox', { name: 'URL' }).getAttribute('aria-invalid'), 'true');
    assert.equal(sent.length, 0, 'nothing was sent');
    assert.doesNotMatch(await page.locator('body').innerText(), RAW);
    await screenshot(page, '18b-git-repo-missing');
  });

  test('the built-in repo has no Edit or Delete, and cannot be changed', async () => {
    const page = await browsers.newPage();
    await signIn(page, product);
    await page.getByRole('menuitem', { name: 'Git repos' }).click();
    await page.locator('tbody tr', { hasText: 'built-in' }).getByText('playbooks', { exact: true }).click();
    await page.waitForURL(/\/gitRepos\/[^/]+\/show$/);
    await page.getByTestId('repo-playbooks').getByText('hello.yml', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Refresh playbooks' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Edit' }).count(), 0, 'no Edit for the built-in repo');
    assert.equal(await page.getByRole('button', { name: /^Delete/ }).count(), 0, 'no Delete for the built-in repo');
    const id = idFromUrl(page, 'gitRepos');
    const refused = await api.raw('mutation($id: ID!) { deleteGitRepo(id: $id) }', { id });
    assert.equal(refused.errors?.[0]?.extensions?.code, 'CONFLICT');
  });
});

// Hosted repositories: the portal is the git remote. An API token made in the UI is the password
// of a real `git push` over smart HTTP; the push is syntax-checked before it is accepted.
const PUSHED_PLAYBOOK = '- hosts: all\n  gather_facts: false\n  tasks:\n    - ansible.builtin.debug: { msg: pushed }\n';
/** Two actions in one task: valid YAML, refused by `ansible-playbook --syntax-check` (line 3). */
const BROKEN_PLAYBOOK = '- hosts: all\n  tasks:\n    - ansible.builtin.debug: { msg: x }\n      ansible.builtin.command: echo\n';

/**
 * Real git with an API token as the HTTP password. The token travels in the environment
 * (GIT_CONFIG_*), never in git's arguments. Asynchronous, and never rejects: resolves with
 * whether git succeeded and everything it printed (the "remote:" lines of a refusal included).
 */
const gitWithToken = (cwd, token, ...args) =>
  new Promise((resolve, reject) => {
    const auth = `Authorization: Basic ${Buffer.from(`e2e:${token}`).toString('base64')}`;
    const child = spawn('git', ['-c', 'user.name=E2E Test', '-c', 'user.email=e2e@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
      cwd,
      env: {
        ...process.env,
        GIT_TERMINAL_PROMPT: '0',
        GIT_CONFIG_COUNT: '1',
        GIT_CONFIG_KEY_0: 'http.extraHeader',
        GIT_CONFIG_VALUE_0: auth,
      },
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ok: code === 0, out }));
  });

const commitFile = async (cwd, name, content, message) => {
  await writeFile(path.join(cwd, name), content);
  await git(cwd, 'add', '--', name);
  await git(cwd, 'commit', '-q', '-m', message);
  return (await git(cwd, 'rev-parse', 'HEAD')).stdout.trim();
};

/** A webhook call as GitHub makes it, signed with `secret`; resolves with the HTTP status. */
const callWebhook = async (repoId, secret) => {
  const body = JSON.stringify({ ref: 'refs/heads/main' });
  const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  const response = await fetch(`${product.url}/hooks/git/${repoId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-github-event': 'push', 'x-hub-signature-256': signature },
    body,
  });
  return response.status;
};

const HOSTED_REPO = 'id name enabled hosted cloneUrl commit webhookUrl refreshMaxAgeSeconds refreshIntervalSeconds playbooks { path syntaxStatus }';

describe('hosted git repositories, API tokens and webhooks', () => {
  let workDir;

  before(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'superfluid-push-'));
    shareWithProduct(workDir); // a repository made here is fetched by the product, run as its own user
    product = await startProduct();
    api = await signInApi(product);
  });

  after(async () => {
    await browsers.close();
    await product?.stop();
    await rm(workDir, { recursive: true, force: true });
  });

  test('a token made in the UI pushes to a hosted repo; the playbook is syntax-checked, a broken push refused; webhook on', async () => {
    const page = await browsers.newPage();
    await signIn(page, product);

    // An API token, shown once in a dialog.
    await page.getByRole('menuitem', { name: 'API tokens' }).click();
    await page.getByTestId('api-tokens-empty').waitFor();
    await page.getByRole('button', { name: 'Create token' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('e2e push');
    await dialog.getByLabel('Expires in (days)').fill('30');
    await dialog.getByRole('button', { name: 'Create token' }).click();
    const shown = dialog.getByTestId('api-token-value');
    await shown.waitFor();
    const pushToken = (await shown.innerText()).trim();
    assert.match(pushToken, /^sft_[A-Za-z0-9_-]{20,}$/);
    await screenshot(page, '20-api-token-created');
    await dialog.getByText("it won't be shown again", { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'detached' });
    const tokenRow = page.locator('tbody tr', { hasText: 'e2e push' });
    await tokenRow.waitFor();
    assert.doesNotMatch(await page.locator('main').innerText(), /sft_/, 'the list never shows a token');
    const { apiTokens } = await api('{ apiTokens { name expiresAt lastUsedAt } }');
    assert.deepEqual(
      apiTokens.map((t) => t.name),
      ['e2e push'],
    );
    const days = (Date.parse(apiTokens[0].expiresAt) - Date.now()) / 86_400_000;
    assert.ok(days > 29.9 && days <= 30, `expires in 30 days (${days})`);

    // A hosted repository: no URL to give.
    await page.getByRole('menuitem', { name: 'Git repos' }).click();
    await page.getByRole('link', { name: 'Create' }).click();
    await page.getByLabel('URL').waitFor();
    await page.getByLabel('Hosted by the portal').check();
    assert.equal(await page.getByLabel('URL').count(), 0, 'a hosted repository has no URL field');
    await page.getByRole('textbox', { name: 'Name' }).fill('pushed');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/gitRepos\/[^/]+\/show$/);
    const repoId = idFromUrl(page, 'gitRepos');
    const { gitRepo: created } = await api(`query($id: ID!) { gitRepo(id: $id) { ${HOSTED_REPO} } }`, { id: repoId });
    assert.equal(created.hosted, true);
    assert.match(created.cloneUrl, /\/git\/pushed\.git$/);
    await page.getByTestId('badge-hosted').waitFor();
    assert.equal((await page.getByTestId('repo-clone-url').innerText()).trim(), created.cloneUrl);
    await page.getByTestId('repo-playbooks').getByText('No playbooks found', { exact: false }).waitFor();
    await page.getByTestId('webhook-panel').getByRole('button', { name: 'Enable webhook' }).waitFor();

    // Push with the commands the page gives, the token as the password.
    const commands = (await page.getByTestId('push-command').allInnerTexts()).map((c) => c.trim());
    assert.deepEqual(commands, [`git remote add portal ${created.cloneUrl}`, 'git push portal HEAD:main']);
    const clone = path.join(workDir, 'work');
    await git(workDir, 'init', '-q', '-b', 'main', clone);
    const good = await commitFile(clone, 'good.yml', PUSHED_PLAYBOOK, 'a good playbook');
    for (const command of commands) {
      const result = await gitWithToken(clone, pushToken, ...command.split(' ').slice(1));
      assert.ok(result.ok, `${command}: ${result.out}`);
    }

    // Accepted: refreshed before git push returned; the syntax check follows in the background.
    await page.reload();
    await page.getByTestId('repo-playbooks').locator('[data-testid="playbook-row"][data-path="good.yml"]').waitFor();
    assert.equal((await page.getByTestId('repo-commit').innerText()).trim(), good.slice(0, 10));
    // One refresh when it was created (nothing pushed yet), one for the push.
    assert.deepEqual(
      await page.getByTestId('refresh-row').evaluateAll((rows) => rows.map((r) => r.querySelector('[data-testid="refresh-commit"]').textContent.trim())),
      [good.slice(0, 10), '—'],
    );
    await page
      .locator('[data-testid="playbook-row"][data-path="good.yml"] [data-testid="playbook-syntax"][data-status="ok"]')
      .waitFor({ timeout: RUN_TIMEOUT });
    await screenshot(page, '21-hosted-repo-pushed');

    // Refused: git reports why, and nothing of the push lands.
    const broken = await commitFile(clone, 'broken.yml', BROKEN_PLAYBOOK, 'a broken playbook');
    const refused = await gitWithToken(clone, pushToken, 'push', 'portal', 'HEAD:main');
    assert.equal(refused.ok, false, `the push must be refused: ${refused.out}`);
    assert.match(refused.out, /remote: Superfluid refused this push/);
    assert.match(refused.out, /remote: .*broken\.yml, line 3: conflicting action statements/);
    await page.reload();
    await page.locator('[data-testid="playbook-row"][data-path="good.yml"] [data-testid="playbook-syntax"][data-status="ok"]').waitFor();
    assert.deepEqual(
      await page.getByTestId('playbook-row').evaluateAll((rows) => rows.map((r) => r.dataset.path)),
      ['good.yml'],
      'the page shows only the good playbook',
    );
    assert.equal((await page.getByTestId('repo-commit').innerText()).trim(), good.slice(0, 10), 'the commit did not move');
    const { gitRepo: afterRefusal } = await api(`query($id: ID!) { gitRepo(id: $id) { ${HOSTED_REPO} } }`, { id: repoId });
    assert.equal(afterRefusal.commit, good);
    assert.notEqual(afterRefusal.commit, broken);

    // Webhook: the URL and the secret, shown once; the secret is the one the server checks.
    const panel = page.getByTestId('webhook-panel');
    await panel.getByRole('button', { name: 'Enable webhook' }).click();
    const secretShown = panel.getByTestId('webhook-secret');
    await secretShown.waitFor();
    const hookUrl = (await panel.getByTestId('webhook-url').innerText()).trim();
    const secret = (await secretShown.innerText()).trim();
    assert.equal(hookUrl, `${new URL(created.cloneUrl).origin}/hooks/git/${repoId}`);
    assert.ok(secret.length >= 20, 'a secret is shown');
    await panel.getByText("the secret won't be shown again", { exact: false }).waitFor();
    await panel.getByText('X-Hub-Signature-256', { exact: false }).first().waitFor();
    await panel.getByText('X-Gitlab-Token').waitFor();
    await screenshot(page, '22-webhook-enabled');
    assert.equal(await callWebhook(repoId, secret), 202, 'a call signed with the shown secret is accepted');
    assert.equal(await callWebhook(repoId, 'not-the-secret'), 401);

    // Once left, the secret is gone; the URL stays, with Rotate and Disable.
    await page.reload();
    await page.locator('[data-testid="webhook-panel"][data-state="on"]').getByRole('button', { name: 'Rotate secret' }).waitFor();
    assert.equal((await panel.getByTestId('webhook-url').innerText()).trim(), hookUrl);
    assert.equal(await panel.getByTestId('webhook-secret').count(), 0, 'the secret is not shown again');
    assert.doesNotMatch(await page.locator('main').innerText(), new RegExp(secret));

    // Rotate: a new secret, and the old one stops working.
    await panel.getByRole('button', { name: 'Rotate secret' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Rotate' }).click();
    await secretShown.waitFor();
    const rotated = (await secretShown.innerText()).trim();
    assert.notEqual(rotated, secret);
    assert.equal(await callWebhook(repoId, secret), 401, 'the old secret no longer works');
    assert.equal(await callWebhook(repoId, rotated), 202);

    // Disable: back to off.
    await panel.getByRole('button', { name: 'Disable' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Disable' }).click();
    await panel.getByRole('button', { name: 'Enable webhook' }).waitFor();
    assert.equal(await panel.getByTestId('webhook-secret').count(), 0);
    assert.equal((await api('query($id: ID!) { gitRepo(id: $id) { webhookUrl } }', { id: repoId })).gitRepo.webhookUrl, null);
    assert.equal(await callWebhook(repoId, rotated), 404, 'calls are refused once it is off');

    // The token was used by git.
    const used = (await api('{ apiTokens { name lastUsedAt } }')).apiTokens[0];
    assert.ok(used.lastUsedAt, 'the token records its use');
  });

  test("a fetched repo's playbook that fails the syntax check shows failed with Ansible's message", async () => {
    // Only hosted repos refuse a broken playbook at push time; a fetched one records it as failed.
    const upstream = path.join(workDir, 'upstream');
    await git(workDir, 'init', '-q', '-b', 'main', upstream);
    await commitFile(upstream, 'broken.yml', BROKEN_PLAYBOOK, 'broken');
    await commitFile(upstream, 'fine.yml', PUSHED_PLAYBOOK, 'fine');
    giveRepoToProduct(upstream);
    const { createGitRepo: repo } = await api('mutation($url: String!) { createGitRepo(input: { name: "fetched", url: $url }) { id } }', {
      url: `file://${upstream}`,
    });
    const page = await browsers.newPage();
    await signIn(page, product);
    await page.goto(`${product.url}/#/gitRepos/${encodeURIComponent(repo.id)}/show`);
    const brokenRow = page.locator('[data-testid="playbook-row"][data-path="broken.yml"]');
    await brokenRow.locator('[data-testid="playbook-syntax"][data-status="failed"]').waitFor({ timeout: RUN_TIMEOUT });
    await page.locator('[data-testid="playbook-row"][data-path="fine.yml"] [data-testid="playbook-syntax"][data-status="ok"]').waitFor();
    const shownError = (await brokenRow.getByTestId('playbook-syntax-error').innerText()).trim();
    const { gitRepo } = await api('query($id: ID!) { gitRepo(id: $id) { playbooks { path syntaxError } } }', { id: repo.id });
    const stored = gitRepo.playbooks.find((p) => p.path === 'broken.yml').syntaxError;
    assert.match(stored, /conflicting action statements/);
    assert.equal(shownError, stored.trim(), "Ansible's message is shown as is");
    assert.equal(await page.getByTestId('push-how-to').count(), 0, 'a fetched repo has no push how-to');
    await screenshot(page, '25-playbook-syntax-failed');
  });

  test('edit a hosted repo (name read-only, refresh policy, disable), Refresh all, and revoke a token', async () => {
    const { createApiToken } = await api('mutation { createApiToken(name: "to revoke") { token apiToken { id } } }');
    const { createGitRepo: repo } = await api(`mutation { createGitRepo(input: { name: "policy", hosted: true }) { ${HOSTED_REPO} } }`);
    const clone = path.join(workDir, 'policy');
    await git(workDir, 'init', '-q', '-b', 'main', clone);
    await commitFile(clone, 'site.yml', PUSHED_PLAYBOOK, 'site');
    const pushed = await gitWithToken(clone, createApiToken.token, 'push', repo.cloneUrl, 'HEAD:main');
    assert.ok(pushed.ok, pushed.out);

    const page = await browsers.newPage();
    await signIn(page, product);
    await page.goto(`${product.url}/#/gitRepos/${encodeURIComponent(repo.id)}`);
    const name = page.getByLabel('Name');
    await name.waitFor();
    assert.ok(await name.isDisabled(), 'a hosted repository keeps its name');
    assert.ok(await page.getByLabel('Clone URL').isDisabled());
    assert.equal(await page.getByLabel('Clone URL').inputValue(), repo.cloneUrl);
    assert.ok(await page.getByLabel('Enabled').isChecked());

    // A schedule under a minute is refused by the form itself.
    const interval = page.getByLabel('Refresh on a schedule every (seconds)');
    await interval.fill('30');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.ra-input-refreshIntervalSeconds .Mui-error').last().getByText('at least 60', { exact: false }).waitFor();
    await interval.fill('120');
    await page.getByLabel('Refresh before a run when older than (seconds)').fill('0');
    await page.getByLabel('Enabled').uncheck();
    await screenshot(page, '23-git-repo-edit');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/gitRepos\/[^/]+\/show$/);
    await page.getByTestId('badge-disabled').waitFor();
    assert.equal((await page.getByTestId('repo-interval').innerText()).trim(), 'every 2 min');
    assert.equal((await page.getByTestId('repo-max-age').innerText()).trim(), 'before every run');
    assert.ok(await page.getByRole('button', { name: 'Refresh policy' }).isDisabled(), 'a disabled repo cannot be refreshed');
    const { gitRepo: saved } = await api(`query($id: ID!) { gitRepo(id: $id) { ${HOSTED_REPO} } }`, { id: repo.id });
    assert.deepEqual(
      { name: saved.name, enabled: saved.enabled, refreshMaxAgeSeconds: saved.refreshMaxAgeSeconds, refreshIntervalSeconds: saved.refreshIntervalSeconds },
      { name: 'policy', enabled: false, refreshMaxAgeSeconds: 0, refreshIntervalSeconds: 120 },
    );

    // The list: badges per row, and Refresh all refreshes the enabled ones only.
    await page.getByRole('menuitem', { name: 'Git repos' }).click();
    const row = page.locator('tbody tr', { hasText: repo.cloneUrl });
    await row.getByTestId('badge-disabled').waitFor();
    await row.getByTestId('badge-hosted').waitFor();
    await page.locator('tbody tr', { hasText: 'built-in' }).getByTestId('badge-builtin').waitFor();
    await screenshot(page, '24-git-repos-badges');
    const enabled = (await api('{ gitRepos { enabled } }')).gitRepos.filter((r) => r.enabled).length;
    await page.getByRole('button', { name: 'Refresh all' }).click();
    await page.getByText(`Refreshed ${enabled} ${enabled === 1 ? 'repository' : 'repositories'}`).waitFor();

    // Revoke, after a confirmation: git is refused with that token from then on.
    await page.getByRole('menuitem', { name: 'API tokens' }).click();
    await page.getByRole('button', { name: 'Revoke to revoke' }).click();
    await page.getByRole('dialog').getByText('Revoke API token “to revoke”?').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('API token revoked').waitFor();
    await page.locator('tbody tr', { hasText: 'to revoke' }).waitFor({ state: 'detached' });
    assert.ok(!(await api('{ apiTokens { id } }')).apiTokens.some((t) => t.id === createApiToken.apiToken.id));
    const denied = await gitWithToken(clone, createApiToken.token, 'ls-remote', repo.cloneUrl);
    assert.equal(denied.ok, false, 'a revoked token no longer works');
  });
});
