/** A catalog item was saved (created or changed) or deleted in the editor. */
export class CatalogItemChangedEvent {
  static readonly NAME = 'catalog-item.changed';

  constructor(
    readonly templateId: string,
    readonly name: string,
    readonly tenantId: string,
    readonly change: 'saved' | 'deleted',
  ) {}
}
