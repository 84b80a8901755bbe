// The catalog over GraphQL: published items (searched, filtered by folder and paged by the API, which
// counts them too), one item with its order form, and the catalog folders.
import type { GetListParams } from 'react-admin';
import { graphqlRequest } from '../api/graphql';
import { optionalText, pageOf, type ResourceApi } from '../api/resource';
import type { Dialog } from '../dialogs/types';
import { graphql } from '../gql';
import type { CatalogCardFieldsFragment, CatalogItemFieldsFragment, ServiceCatalogsQuery } from '../gql/graphql';

// Catalog cards need no dialog: resolving one fills its dynamic choices, which is work for the server.
graphql(`
  fragment CatalogCardFields on ServiceTemplate {
    id
    name
    description
    catalog
    icon
    published
    type
  }
`);
graphql(`
  fragment CatalogItemFields on ServiceTemplate {
    id
    name
    description
    catalog
    longDescription
    icon
    published
    type
    dialog
    orderOptions
    lifetime
    approval {
      mode
      approvals
      timeoutHours
    }
  }
`);
const CatalogPageQuery = graphql(`
  query CatalogPage($search: String, $catalog: String, $skip: Int!, $take: Int!) {
    serviceTemplates(search: $search, catalog: $catalog, skip: $skip, take: $take) {
      ...CatalogCardFields
    }
    serviceTemplateCount(search: $search, catalog: $catalog)
  }
`);
const CatalogItemQuery = graphql(`
  query CatalogItem($id: ID!) {
    serviceTemplate(id: $id) {
      ...CatalogItemFields
    }
  }
`);
const ServiceCatalogsDocument = graphql(`
  query ServiceCatalogs {
    serviceCatalogs {
      name
      count
    }
  }
`);

/** A published item as a catalog card shows it. */
export type CatalogCard = CatalogCardFieldsFragment;

/** A catalog item read by id, with its order form (Dialog, the schema's JSON, dynamic choices filled in). */
export type CatalogItem = Omit<CatalogItemFieldsFragment, 'dialog'> & { dialog: Dialog };

/** A catalog (folder) with the number of published items in it. */
export type ServiceCatalog = ServiceCatalogsQuery['serviceCatalogs'][number];

async function getCatalogPage(params: GetListParams) {
  const { skip, perPage } = pageOf(params);
  const variables = { search: optionalText(params.filter?.q), catalog: optionalText(params.filter?.catalog), skip, take: perPage };
  const { serviceTemplates, serviceTemplateCount } = await graphqlRequest(CatalogPageQuery, variables);
  return { data: serviceTemplates, total: serviceTemplateCount };
}

export const catalogApi = {
  getList: getCatalogPage,
  getOne: async (id) => (await graphqlRequest(CatalogItemQuery, { id: String(id) })).serviceTemplate as CatalogItem | null,
  /** The catalog folders with their number of published items. */
  catalogs: async (): Promise<ServiceCatalog[]> => (await graphqlRequest(ServiceCatalogsDocument, {})).serviceCatalogs,
} satisfies ResourceApi<CatalogCard | CatalogItem> & Record<string, unknown>;
