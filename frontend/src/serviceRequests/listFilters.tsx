// The filters of the requests and services lists: react-admin inputs whose choices are what the user
// may see (the server's serviceRequestFilterChoices), the tenant filter only for someone who sees several.
import { useQuery } from '@tanstack/react-query';
import { AutocompleteInput, DateInput, ReferenceInput, SearchInput, SelectInput, useDataProvider } from 'react-admin';
import type { SuperfluidDataProvider } from '../dataProvider';
import { REQUEST_ACTION_LABELS, REQUEST_STATUS_LABELS, type FilterChoices } from './api';

const choicesOf = (labels: Record<string, string>) => Object.entries(labels).map(([id, name]) => ({ id, name }));
const NONE: FilterChoices = { requesters: [], tenants: [] };

/** Who ordered, and which tenants own, what the user may see. */
export function useFilterChoices(): FilterChoices {
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const { data } = useQuery({ queryKey: ['requestFilterChoices'], queryFn: async () => (await dataProvider.getRequestFilterChoices()).data });
  return data ?? NONE;
}

const catalogItemInput = (
  <ReferenceInput key="templateId" source="templateId" reference="catalog" label="Catalog item">
    <AutocompleteInput label="Catalog item" optionText="name" filterToQuery={(q: string) => ({ q })} data-testid="filter-template" />
  </ReferenceInput>
);

const dateInputs = [
  <DateInput key="createdFrom" source="createdFrom" label="Created from" data-testid="filter-created-from" />,
  <DateInput key="createdTo" source="createdTo" label="Created to" data-testid="filter-created-to" />,
];

const tenantInput = (choices: FilterChoices) =>
  choices.tenants.length > 1
    ? [<SelectInput key="tenantId" source="tenantId" label="Tenant" choices={choices.tenants} optionText="name" data-testid="filter-tenant" />]
    : [];

/** The requests list's filters: status and type always shown, the rest from "Add filter". */
export const requestFilters = (choices: FilterChoices) => [
  <SelectInput key="status" source="status" label="Status" choices={choicesOf(REQUEST_STATUS_LABELS)} alwaysOn data-testid="filter-status" />,
  <SelectInput key="action" source="action" label="Type" choices={choicesOf(REQUEST_ACTION_LABELS)} alwaysOn data-testid="filter-action" />,
  catalogItemInput,
  <AutocompleteInput
    key="requesterId"
    source="requesterId"
    label="Requester"
    choices={choices.requesters}
    optionText="username"
    data-testid="filter-requester"
  />,
  ...tenantInput(choices),
  ...dateInputs,
];

/** The services list's filters: name search and status always shown, the rest from "Add filter". */
export const serviceFilters = (choices: FilterChoices, statuses: Record<string, string>) => [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search names" />,
  <SelectInput key="status" source="status" label="Status" choices={choicesOf(statuses)} alwaysOn data-testid="filter-status" />,
  catalogItemInput,
  <AutocompleteInput key="ownerId" source="ownerId" label="Owner" choices={choices.requesters} optionText="username" data-testid="filter-owner" />,
  ...tenantInput(choices),
  ...dateInputs,
];
