import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppError, ErrorCode, isUuid, notFound } from '../common/app-error.js';
import type { ProviderModel } from './models/provider.model.js';
import { ProviderEntity } from './provider.entity.js';

export const LOCAL_PROVIDER_NAME = 'local';

/** An Ansible inventory in the YAML plugin's format (JSON is valid YAML). */
export interface Inventory {
  all: { children: Record<string, { hosts: Record<string, Record<string, unknown>> }> };
}

@Injectable()
export class ProvidersService {
  constructor(@InjectRepository(ProviderEntity) private readonly providers: Repository<ProviderEntity>) {}

  list(): Promise<ProviderModel[]> {
    return this.providers.find({ order: { name: 'ASC' } });
  }

  async get(id: string): Promise<ProviderModel> {
    const provider = isUuid(id) ? await this.providers.findOneBy({ id }) : null;
    if (!provider) throw notFound('Provider', id);
    return provider;
  }

  async exists(id: string): Promise<boolean> {
    return isUuid(id) && this.providers.existsBy({ id });
  }

  /** Seeds the `local` provider: the portal's own host. */
  async ensureLocal(): Promise<void> {
    await this.providers
      .createQueryBuilder()
      .insert()
      .values({ name: LOCAL_PROVIDER_NAME, type: 'local', config: {} })
      .orIgnore()
      .execute();
  }

  /** The inventory a run on this provider targets: one group named after the provider. */
  async inventoryFor(id: string): Promise<Inventory> {
    const provider = await this.providers.findOneBy({ id });
    if (!provider) throw notFound('Provider', id);
    switch (provider.type) {
      case 'local':
        return {
          all: {
            children: {
              [provider.name]: {
                hosts: {
                  localhost: {
                    ansible_connection: 'local',
                    ansible_python_interpreter: '{{ ansible_playbook_python }}',
                  },
                },
              },
            },
          },
        };
      case 'ssh':
      case 'openstack':
      case 'kubernetes':
        // No such provider can be registered yet: its connection settings and credentials
        // arrive with the providers capability. Refuse rather than run on an empty inventory.
        throw new AppError(ErrorCode.UNAVAILABLE, `Provider "${provider.name}" is of type ${provider.type}, which this version cannot run playbooks on yet.`);
      default: {
        const unknown: never = provider.type;
        throw new Error(`unknown provider type ${String(unknown)}`);
      }
    }
  }
}
