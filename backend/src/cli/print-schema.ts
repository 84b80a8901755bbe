import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../config/config.js';
import { buildSchemaSdl } from './schema.js';

const target = resolve(PROJECT_ROOT, 'backend/schema.gql');
await writeFile(target, await buildSchemaSdl());
process.stdout.write(`wrote ${target}\n`);
