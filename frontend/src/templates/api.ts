// Catalog items for the template and bundle editors over GraphQL: the serviceTemplates resource (every
// item, published or not, searched and paged by the API with its count; delete), saving and sharing an
// item and the catalog's state machines.
import type { GetListParams } from 'react-admin';
import { graphqlRequest } from '../api/graphql';
import { optionalText, pageOf, type ResourceApi } from '../api/resource';
import { graphql } from '../gql';
import type { StateMachinesQuery, TemplateEditorFieldsFragment } from '../gql/graphql';
import type { TemplateDefinition } from './types';

// The editors' rows: every item with where it came from and its definition (what the editor loads).
graphql(`
  fragment TemplateEditorFields on ServiceTemplate {
    id
    name
    description
    catalog
    type
    published
    source
    definition
    tenantId
    sharedWith
  }
`);
const TemplatesPageQuery = graphql(`
  query TemplatesPage($search: String, $skip: Int!, $take: Int!) {
    serviceTemplates(search: $search, unpublished: true, skip: $skip, take: $take) {
      ...TemplateEditorFields
    }
    serviceTemplateCount(search: $search, unpublished: true)
  }
`);
const TemplateQuery = graphql(`
  query Template($id: ID!) {
    serviceTemplate(id: $id, unpublished: true) {
      ...TemplateEditorFields
    }
  }
`);
const SaveServiceTemplateMutation = graphql(`
  mutation SaveServiceTemplate($i: ServiceTemplateInput!) {
    saveServiceTemplate(input: $i) {
      ...TemplateEditorFields
    }
  }
`);
const DeleteServiceTemplateMutation = graphql(`
  mutation DeleteServiceTemplate($id: ID!) {
    deleteServiceTemplate(id: $id)
  }
`);
const ShareServiceTemplateMutation = graphql(`
  mutation ShareServiceTemplate($id: ID!, $tenantIds: [ID!]!) {
    shareServiceTemplate(id: $id, tenantIds: $tenantIds) {
      ...TemplateEditorFields
    }
  }
`);
const StateMachinesDocument = graphql(`
  query StateMachines {
    stateMachines {
      name
      description
      states
    }
  }
`);

/** A catalog item as the editors see it. `source` is "editor", "catalog/<file>" or "git:<repo>:catalog/<file>":
 * only editor items are changed in place. `definition` (JSON in the schema) is a catalog file's document. */
export type TemplateRecord = Omit<TemplateEditorFieldsFragment, 'definition'> & { definition: TemplateDefinition };

export type StateMachineSummary = StateMachinesQuery['stateMachines'][number];

const asRecord = (row: TemplateEditorFieldsFragment): TemplateRecord => row as TemplateRecord;

/** Every catalog item, published or not, for the editors: searched and paged by the API, by name, with its count. */
async function getTemplatesPage(params: GetListParams) {
  const { skip, perPage } = pageOf(params);
  const variables = { search: optionalText(params.filter?.q), skip, take: perPage };
  const { serviceTemplates, serviceTemplateCount } = await graphqlRequest(TemplatesPageQuery, variables);
  return { data: serviceTemplates.map(asRecord), total: serviceTemplateCount };
}

export const templatesApi = {
  getList: getTemplatesPage,
  getOne: async (id) => {
    const { serviceTemplate } = await graphqlRequest(TemplateQuery, { id: String(id) });
    return serviceTemplate ? asRecord(serviceTemplate) : null;
  },
  // CONFLICT for an item from catalog files or a repository, or one that has been ordered, with the server's message.
  delete: async (id) => {
    await graphqlRequest(DeleteServiceTemplateMutation, { id: String(id) });
  },
  /** Creates a catalog item (no id) or changes one made in the editor. VALIDATION_FAILED names every problem
   * (extensions.problems, extensions.fields by path in the definition); CONFLICT for an item from files or a
   * repository, or a name another item has. */
  save: async (id: string | null, definition: TemplateDefinition): Promise<TemplateRecord> =>
    asRecord((await graphqlRequest(SaveServiceTemplateMutation, { i: { id, definition } })).saveServiceTemplate),
  /** Shares the item with these tenants (replacing its shares): their users, and those of the tenants below, see and
   * may order it. Any item can be shared, also one from catalog files or a repository. */
  share: async (id: string, tenantIds: string[]): Promise<TemplateRecord> =>
    asRecord((await graphqlRequest(ShareServiceTemplateMutation, { id, tenantIds })).shareServiceTemplate),
  /** The catalog's state machines (a bundle's entry point). */
  stateMachines: async (): Promise<StateMachineSummary[]> => (await graphqlRequest(StateMachinesDocument, {})).stateMachines,
} satisfies ResourceApi<TemplateRecord> & Record<string, unknown>;
