#!/usr/bin/env node
// `npm run bench`: what the portal adds to a playbook run.
//
// Starts a throwaway PostgreSQL, Redis and the product (ROLE=all), then, N times
// (BENCH_N, default 20), interleaved:
//   portal: orderService("Run a playbook", hello.yml) until the request is
//           `finished` (serviceRequest polled every 10 ms)
//   bare:   ansible-playbook -i localhost, -c local hello.yml, on a copy of the
//           playbook in a temp folder, with the same extra variable
// after BENCH_WARMUP (default 1) untimed run of each. Progress goes to stderr; the
// last thing on stdout is one JSON document:
//   {"benchmarks":[{"name":"launch_overhead","value":<portal median ms>,"unit":"ms",
//     "baseline":<bare median ms>,"ratio":<portal/bare>,"p95":..,"baseline_p95":..,"n":N}]}
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT, prepare, say, toolOutputToStderr } from './lib/setup.mjs';
import { freePort, makeTempDir, startPostgres, startRedis } from './lib/services.mjs';

const N = Number(process.env.BENCH_N || 20);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1);
const POLL_MS = 10;
const NAME = 'bench';

let interrupted = false;
function checkInterrupted() {
  if (interrupted) throw new Error('interrupted');
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1; // nearest rank
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round = (ms) => Math.round(ms * 10) / 10;

function bareRun(dir) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      'ansible-playbook',
      ['-i', 'localhost,', '-c', 'local', 'hello.yml', '-e', JSON.stringify({ name: NAME })],
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ANSIBLE_INVENTORY_UNPARSED_FAILED: 'true' } },
    );
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.once('error', reject);
    child.once('exit', (code) => {
      const ms = performance.now() - started;
      if (code !== 0) reject(new Error(`ansible-playbook exited ${code}:\n${output}`));
      else if (!output.includes(`Hello, ${NAME}!`)) reject(new Error(`ansible-playbook did not greet:\n${output}`));
      else resolve(ms);
    });
  });
}

async function portalRun(product, token, templateId, dialogValues) {
  const started = performance.now();
  const ordered = await product.graphql(
    'mutation Order($input: OrderServiceInput!) { orderService(input: $input) { id status } }',
    { input: { templateId, dialogValues } },
    token,
  );
  if (ordered.errors) throw new Error(`orderService: ${JSON.stringify(ordered.errors)}`);
  const id = ordered.data.orderService.id;
  let status = ordered.data.orderService.status;
  while (status !== 'finished') {
    checkInterrupted();
    if (status === 'failed') {
      const detail = await product.graphql('query($id: ID!) { serviceRequest(id: $id) { message } }', { id }, token);
      throw new Error(`request ${id} failed: ${detail.data?.serviceRequest?.message}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const polled = await product.graphql('query($id: ID!) { serviceRequest(id: $id) { status } }', { id }, token);
    if (polled.errors) throw new Error(`serviceRequest: ${JSON.stringify(polled.errors)}`);
    status = polled.data.serviceRequest.status;
  }
  return performance.now() - started;
}

async function main() {
  toolOutputToStderr();
  await prepare({ redis: true });
  const tmp = await makeTempDir('superfluid-bench-');
  const cleanups = [() => fs.promises.rm(tmp, { recursive: true, force: true })];
  try {
    const pg = await startPostgres({ dir: path.join(tmp, 'postgres'), port: await freePort(), database: 'postgres', persistent: false });
    cleanups.unshift(pg.stop);
    const redis = await startRedis({ dir: path.join(tmp, 'redis'), port: await freePort(), persistent: false });
    cleanups.unshift(redis.stop);
    process.env.DATABASE_URL = pg.adminUrl;
    process.env.REDIS_URL = redis.url;

    const { startProduct } = await import('../test/support/product.mjs');
    say('Starting the product (ROLE=all)...');
    const product = await startProduct({ env: { ROLE: 'all' } });
    cleanups.unshift(product.stop);
    const token = await product.login();
    const templates = await product.graphql('{ serviceTemplates { id name dialog } }', {}, token);
    const template = templates.data?.serviceTemplates?.find((t) => t.name === 'Run a playbook');
    if (!template) throw new Error(`no "Run a playbook" template: ${JSON.stringify(templates)}`);
    const fields = template.dialog.tabs.flatMap((t) => t.boxes.flatMap((b) => b.fields));
    const provider = fields.find((f) => f.name === 'provider');
    const dialogValues = { playbook: 'hello.yml', provider: provider.default ?? provider.choices[0].value, extra_vars: `name: ${NAME}` };

    const bareDir = path.join(tmp, 'bare');
    fs.mkdirSync(bareDir);
    fs.copyFileSync(path.join(ROOT, 'playbooks', 'hello.yml'), path.join(bareDir, 'hello.yml'));

    for (let i = 0; i < WARMUP; i++) {
      say(`warm-up ${i + 1}/${WARMUP}...`);
      await portalRun(product, token, template.id, dialogValues);
      await bareRun(bareDir);
    }
    const portal = [];
    const bare = [];
    for (let i = 0; i < N; i++) {
      checkInterrupted();
      // Alternate which goes first, so neither always runs on a warmer machine.
      if (i % 2 === 0) {
        portal.push(await portalRun(product, token, template.id, dialogValues));
        bare.push(await bareRun(bareDir));
      } else {
        bare.push(await bareRun(bareDir));
        portal.push(await portalRun(product, token, template.id, dialogValues));
      }
      say(`${i + 1}/${N}: portal ${round(portal[i])} ms, bare ansible-playbook ${round(bare[i])} ms`);
    }

    const result = {
      name: 'launch_overhead',
      value: round(median(portal)),
      unit: 'ms',
      baseline: round(median(bare)),
      ratio: Math.round((median(portal) / median(bare)) * 1000) / 1000,
      p95: round(percentile(portal, 95)),
      baseline_p95: round(percentile(bare, 95)),
      n: N,
    };
    say(
      `portal: median ${result.value} ms, p95 ${result.p95} ms; bare: median ${result.baseline} ms, p95 ${result.baseline_p95} ms; ` +
        `ratio ${result.ratio}; overhead ${round(median(portal) - median(bare))} ms`,
    );
    return { benchmarks: [result] };
  } finally {
    for (const cleanup of cleanups) {
      try {
        await cleanup();
      } catch (error) {
        say(`cleanup: ${error.message}`);
      }
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (!interrupted) say(`${signal}: stopping after the current run...`);
    interrupted = true;
  });
}

main().then(
  (report) => {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    process.exit(0);
  },
  (error) => {
    say(interrupted ? 'bench interrupted' : `bench failed: ${error.commandFailed ? error.message : (error.stack ?? error.message)}`);
    process.exit(interrupted ? 130 : 1);
  },
);
