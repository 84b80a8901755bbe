import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { parse } from 'yaml';
import { notFound } from '../common/app-error.js';
import { PROJECT_ROOT } from '../config/config.js';
import { StateMachineEntity } from './state-machine.entity.js';
import { stateMachineSchema, toStateMachine } from './state-machine.schema.js';
import type { StateMachineDef } from './state-machine.types.js';

/**
 * The machines every request kind needs (an order, a retirement, a reconfiguration, a heal, a migration): a catalog
 * may define its own of these names; one that does not (a CATALOG_DIR of templates only) gets
 * the project's, as shipped in catalog/state-machines/.
 */
const BUILT_IN = new Set(['provision', 'retirement', 'reconfigure', 'heal', 'migrate', 'measure']);

/** The state machines of the catalog: stored definitions, read by name. */
@Injectable()
export class StateMachinesService {
  private readonly builtIn = new Map<string, Promise<StateMachineDef>>();

  constructor(@InjectRepository(StateMachineEntity) private readonly machines: Repository<StateMachineEntity>) {}

  /** Every definition, by name. */
  async list(): Promise<StateMachineDef[]> {
    return (await this.machines.find({ order: { name: 'ASC' } })).map((m) => m.definition);
  }

  /** The names and where each came from (a catalog file, a repository). */
  names(): Promise<{ name: string; source: string | null }[]> {
    return this.machines.find({ select: { name: true, source: true }, order: { name: 'ASC' } });
  }

  /** One definition (a built-in one when the catalog has none of that name); NOT_FOUND when unknown. */
  async get(name: string): Promise<StateMachineDef> {
    const row = await this.machines.findOneBy({ name });
    if (row) return row.definition;
    if (!BUILT_IN.has(name)) throw notFound('State machine', name);
    let def = this.builtIn.get(name);
    if (!def) {
      def = readFile(join(PROJECT_ROOT, 'catalog', 'state-machines', `${name}.yaml`), 'utf8').then((text) =>
        toStateMachine(stateMachineSchema.parse(parse(text))),
      );
      this.builtIn.set(name, def);
    }
    return def;
  }

  /** Creates or replaces a definition by name, inside the caller's transaction. */
  async upsert(tx: EntityManager, def: StateMachineDef, source: string | null): Promise<void> {
    await tx
      .getRepository(StateMachineEntity)
      .createQueryBuilder()
      .insert()
      .values({ name: def.name, definition: def, source })
      .orUpdate(['definition', 'source', 'updated_at'], ['name'])
      .execute();
  }
}
