import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { isUuid, notFound } from '../common/app-error.js';
import { DialogsService } from '../dialogs/dialogs.service.js';
import { readCatalog } from './catalog-files.js';
import type { ProvisionSpec } from './catalog.types.js';
import type { ServiceTemplateModel } from './models/service-template.model.js';
import { ServiceTemplateEntity } from './service-template.entity.js';

export interface OrderableTemplate extends ServiceTemplateModel {
  provision: ProvisionSpec;
}

@Injectable()
export class CatalogService implements OnModuleInit {
  private readonly logger = new Logger(CatalogService.name);

  constructor(
    @InjectRepository(ServiceTemplateEntity) private readonly templates: Repository<ServiceTemplateEntity>,
    private readonly dialogs: DialogsService,
  ) {}

  /** Lets refreshDialogField find a template's dialog without the dialogs module reading this table. */
  onModuleInit(): void {
    this.dialogs.registerTemplateLookup(async (id) => (await this.findById(id))?.dialogName ?? null);
  }

  /** Loads catalog as code: every dialog and template under the folder, created or updated by name. */
  async loadFromDir(dir: string): Promise<void> {
    const files = await readCatalog(dir);
    for (const dialog of files.dialogs) await this.dialogs.upsert(dialog);
    for (const t of files.templates) {
      await this.templates
        .createQueryBuilder()
        .insert()
        .values({ name: t.name, description: t.description, type: t.type, dialogName: t.dialog, provision: t.provision, published: t.published, source: t.source })
        .orUpdate(['description', 'type', 'dialog_name', 'provision', 'published', 'source', 'updated_at'], ['name'])
        .execute();
    }
    this.logger.log(`catalog loaded: ${files.dialogs.length} dialogs, ${files.templates.length} templates`);
  }

  list(): Promise<ServiceTemplateModel[]> {
    return this.templates.find({ where: { published: true }, order: { name: 'ASC' } });
  }

  /** A template with what it takes to order it; NOT_FOUND when unknown or unpublished. */
  async get(id: string): Promise<OrderableTemplate> {
    const template = isUuid(id) ? await this.templates.findOneBy({ id, published: true }) : null;
    if (!template) throw notFound('Service template', id);
    return template;
  }

  async findById(id: string): Promise<ServiceTemplateModel | null> {
    return isUuid(id) ? this.templates.findOneBy({ id }) : null;
  }
}
