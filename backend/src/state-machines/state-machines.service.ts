import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { notFound } from '../common/app-error.js';
import { StateMachineEntity } from './state-machine.entity.js';
import type { StateMachineDef } from './state-machine.types.js';

/** The state machines of the catalog: stored definitions, read by name. */
@Injectable()
export class StateMachinesService {
  constructor(@InjectRepository(StateMachineEntity) private readonly machines: Repository<StateMachineEntity>) {}

  /** Every definition, by name. */
  async list(): Promise<StateMachineDef[]> {
    return (await this.machines.find({ order: { name: 'ASC' } })).map((m) => m.definition);
  }

  /** The names and where each came from (a catalog file, a repository). */
  names(): Promise<{ name: string; source: string | null }[]> {
    return this.machines.find({ select: { name: true, source: true }, order: { name: 'ASC' } });
  }

  /** One definition; NOT_FOUND when unknown. */
  async get(name: string): Promise<StateMachineDef> {
    const row = await this.machines.findOneBy({ name });
    if (!row) throw notFound('State machine', name);
    return row.definition;
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
