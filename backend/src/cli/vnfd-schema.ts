// Writes docs/vnfd.schema.json: the VNF descriptor's JSON Schema (a unit test checks it is current).
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../config/config.js';
import { vnfdJsonSchema } from '../vnf-packages/vnfd.schema.js';

const target = resolve(PROJECT_ROOT, 'docs/vnfd.schema.json');
await writeFile(target, JSON.stringify(vnfdJsonSchema(), null, 2) + '\n');
process.stdout.write(`wrote ${target}\n`);
