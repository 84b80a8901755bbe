import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { validationFailed } from '../common/app-error.js';
import { GitReposService } from '../git-repos/git-repos.service.js';
import { LOCAL_PROVIDER_NAME, ProvidersService } from '../providers/providers.service.js';
import { DialogEntity } from './dialog.entity.js';
import type { Choice, DataSource, DialogDefinition, DialogField } from './dialog.types.js';
import { validateDialogValues } from './dialog-validator.js';

@Injectable()
export class DialogsService {
  constructor(
    @InjectRepository(DialogEntity) private readonly dialogs: Repository<DialogEntity>,
    private readonly providers: ProvidersService,
    private readonly repos: GitReposService,
  ) {}

  /** Stores a parsed definition under its name (catalog as code). */
  async upsert(definition: DialogDefinition): Promise<void> {
    await this.dialogs
      .createQueryBuilder()
      .insert()
      .values({ name: definition.name, label: definition.label, definition } as QueryDeepPartialEntity<DialogEntity>)
      .orUpdate(['label', 'definition', 'updated_at'], ['name'])
      .execute();
  }


  /** The dialog with every dynamic field's choices (and default) filled in from its data source. */
  async resolved(name: string): Promise<DialogDefinition> {
    const dialog = await this.dialogs.findOneBy({ name });
    if (!dialog) throw new Error(`dialog "${name}" is missing: the catalog refers to a dialog that was not loaded`);
    const definition = dialog.definition;
    const cache = new Map<string, Promise<{ choices: Choice[]; default?: string }>>();
    const resolveField = async (f: DialogField): Promise<DialogField> => {
      if (!f.dataSource) return f;
      const key = JSON.stringify(f.dataSource);
      if (!cache.has(key)) cache.set(key, this.choicesOf(f.dataSource));
      const found = await cache.get(key)!;
      return { ...f, choices: found.choices, default: f.default ?? found.default };
    };
    return {
      ...definition,
      tabs: await Promise.all(
        definition.tabs.map(async (tab) => ({
          ...tab,
          boxes: await Promise.all(tab.boxes.map(async (box) => ({ ...box, fields: await Promise.all(box.fields.map(resolveField)) }))),
        })),
      ),
    };
  }

  /** Validates submitted values; throws VALIDATION_FAILED with a message per field. */
  async validate(name: string, submitted: Record<string, unknown>): Promise<Record<string, unknown>> {
    const dialog = await this.resolved(name);
    const { values, errors } = validateDialogValues(dialog, submitted);
    const names = Object.keys(errors);
    if (names.length) {
      const summary = names.map((n) => `${n}: ${errors[n]}`).join('; ');
      throw validationFailed(`The order form has errors — ${summary}`, errors);
    }
    return values;
  }

  private async choicesOf(source: DataSource): Promise<{ choices: Choice[]; default?: string }> {
    switch (source.type) {
      case 'static':
        return { choices: source.choices };
      case 'providers': {
        const list = await this.providers.list();
        const local = list.find((p) => p.name === LOCAL_PROVIDER_NAME);
        return { choices: list.map((p) => ({ value: p.id, label: `${p.name} (${p.type})` })), default: local?.id };
      }
      case 'playbooks': {
        const repo = await this.repos.findByName(source.repo);
        const paths = repo ? await this.repos.playbookPaths(repo.id) : [];
        return { choices: paths.map((p) => ({ value: p, label: p })) };
      }
      default: {
        const unknown: never = source;
        throw new Error(`unknown data source ${JSON.stringify(unknown)}`);
      }
    }
  }
}
