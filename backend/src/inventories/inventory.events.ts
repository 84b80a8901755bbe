/**
 * Asked before an inventory is deleted or renamed: listeners add what uses it by name (in
 * words, e.g. `catalog item "5G slice"`); the change is refused while anything does.
 */
export class InventoryUsageQuery {
  static readonly NAME = 'inventory.usage';
  readonly usedBy: string[] = [];

  constructor(readonly name: string) {}
}
