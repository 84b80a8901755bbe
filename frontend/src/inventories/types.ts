// Multi-site inventory documents: sites bound to providers, some of their hosts, and variables.
import type { JsonObject, JsonValue } from '../types';

export interface InventorySite {
  /** The inventory group a playbook targets (hosts: <name>). */
  name: string;
  providerId: string;
  /** Some of the provider's hosts only; all when empty. */
  hosts: string[] | null;
  variables: JsonObject | null;
}

export interface Inventory {
  id: string;
  name: string;
  description: string | null;
  sites: InventorySite[];
  /** On an inventory read by id: what a run gets (groups per site, hosts, connection variables; no secrets). */
  rendered?: JsonValue;
  createdAt: string;
  updatedAt: string;
}

/** What createInventory / updateInventory take. */
export interface InventoryInput {
  name: string;
  description: string | null;
  sites: { name: string; providerId: string; hosts: string[]; variables: JsonObject | null }[];
}
