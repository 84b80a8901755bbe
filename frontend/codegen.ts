// GraphQL Code Generator: the operation types of the UI, generated from the backend's schema
// (backend/schema.gql) and the graphql(`...`) documents in src/. Regenerate with
// `npm run codegen -w frontend` after changing either; `npm run check` fails while src/gql/ is stale.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../backend/schema.gql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: {
        // Components read the fields of a fragment directly (no useFragment unmasking).
        fragmentMasking: false,
      },
      config: {
        // Documents are plain strings (TypedDocumentString): the UI posts them with fetch and
        // graphql-ws, no GraphQL client library and no graphql-js at run time.
        documentMode: 'string',
        enumsAsTypes: true,
        futureProofEnums: false,
        useTypeImports: true,
        skipTypename: true,
        // A nullable field is `T | null`, present in every answer that asked for it.
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        scalars: {
          ID: 'string',
          DateTime: 'string',
          // What a JSON field holds is refined where it is read (each resource's api.ts).
          JSON: 'unknown',
        },
      },
    },
  },
};

export default config;
