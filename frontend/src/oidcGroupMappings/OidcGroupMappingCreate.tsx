import { AutocompleteInput, Create, ReferenceInput, required, SimpleForm, TextInput } from 'react-admin';

export const OidcGroupMappingCreate = () => (
  <Create title="New SSO group mapping" redirect="list" mutationMode="pessimistic">
    <SimpleForm>
      <TextInput
        source="claim"
        label="Groups claim value"
        helperText="A value of the identity provider's groups claim, e.g. east-requesters"
        validate={required()}
        fullWidth
      />
      <ReferenceInput source="groupId" reference="groups" sort={{ field: 'name', order: 'ASC' }} perPage={200}>
        <AutocompleteInput
          label="Portal group"
          optionText="name"
          helperText="Users with that value join this group at their next single sign-on"
          validate={required()}
          fullWidth
        />
      </ReferenceInput>
    </SimpleForm>
  </Create>
);
