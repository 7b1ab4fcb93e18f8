// GraphQL Code Generator (`npm run codegen`): typed operations for the tests. The schema is the
// committed schema/schema.graphql; the documents are the `graphql(...)` calls in test/. The output
// in test/generated/ is committed, and test/contract/codegen.spec.ts fails when it is stale.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['test/**/*.ts', '!test/generated/**'],
  ignoreNoDocuments: true,
  generates: {
    'test/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: { DateTime: 'string', JSON: 'unknown' },
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: false,
        skipTypename: true,
      },
    },
  },
};

export default config;
