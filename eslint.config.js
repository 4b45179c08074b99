// ESLint flat config: @graphql-eslint on operations/ (schema and documents from graphql.config.ts),
// typescript-eslint on the TypeScript sources and tests.
import js from '@eslint/js';
import graphql from '@graphql-eslint/eslint-plugin';
import tseslint from 'typescript-eslint';

/** The SDK names each method after its operation, and each of our operations after its root field. */
const operationNamedAfterRootField = {
  meta: {
    type: 'suggestion',
    docs: { description: 'An operation is named after its root field, so that the SDK method has the API name' },
    messages: {
      mismatch: 'Operation "{{name}}" should be named after its root field ({{fields}}): the SDK method takes its name',
    },
    schema: [],
  },
  create(context) {
    return {
      OperationDefinition(node) {
        const fields = node.selectionSet.selections.filter((selection) => selection.kind === 'Field');
        if (!node.name || fields.length === 0) return;
        const names = fields.map((field) => field.name.value);
        if (!names.includes(node.name.value)) {
          context.report({ node: node.name, messageId: 'mismatch', data: { name: node.name.value, fields: names.join(', ') } });
        }
      },
    };
  },
};

/** A deprecated field may stay only where the disable comment says why: `-- <reason>`. */
const deprecatedNeedsReason = {
  meta: {
    type: 'suggestion',
    docs: { description: 'Turning off @graphql-eslint/no-deprecated needs a reason after "--"' },
    messages: { reason: 'Say why this deprecated field is still used: "# eslint-disable-next-line @graphql-eslint/no-deprecated -- <reason>"' },
    schema: [],
  },
  create(context) {
    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          const directive = /^\s*eslint-disable\S*\s+(.*)$/.exec(comment.value);
          if (directive?.[1].includes('no-deprecated') && !/--\s*\S/.test(directive[1])) {
            context.report({ loc: comment.loc, messageId: 'reason' });
          }
        }
      },
    };
  },
};

/** One no-restricted-imports block per layer, naming the higher layers it must not import. */
function layerRules(layers) {
  return Object.entries(layers).map(([files, higher]) => ({
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: higher.map((layer) => ({ group: [`**/${layer}/*`, `**/${layer}.js`], message: `${layer} is a higher layer` })) },
      ],
    },
  }));
}

export default tseslint.config(
  // Codegen output is checked by `codegen:check`, not linted.
  {
    ignores: [
      'generated/**',
      'dist/**',
      'packages/*/dist/**',
      'packages/*/schema/**',
      'coverage/**',
      '.docs/**',
      'test/fixtures/custom-sdk/sdk.ts',
      'examples/*/generated.ts',
    ],
  },
  {
    files: ['**/*.{ts,js,mjs}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
  },
  {
    // Tests read raw JSON answers loosely on purpose and type tests assert against `{}`.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-empty-object-type': 'off' },
  },
  // The runtime's layers read straight down: entries -> client/ -> options/ -> cluster/ -> auth/, transport/ and
  // rate-limit/ (side by side, none importing another) -> the base modules (errors, messages, events, ...). A lower
  // layer never imports a higher one; dpdm (npm run lint:cycles) fails on any file cycle, and
  // test/foundation/layers.test.ts on any cycle between folders.
  ...layerRules({
    'src/options/**': ['client', 'cluster'],
    'src/uploads/**': ['client'],
    'src/oauth/**': ['client'],
    'src/cluster/**': ['client', 'options', 'transport', 'rate-limit'],
    'src/auth/**': ['client', 'options', 'cluster', 'transport', 'rate-limit'],
    'src/transport/**': ['client', 'options', 'cluster', 'auth', 'rate-limit'],
    'src/rate-limit/**': ['client', 'options', 'cluster', 'auth', 'transport'],
    'src/{abort,bytes,combine-signals,constants,errors,events,messages,redact,scrub}.ts': [
      'client',
      'options',
      'cluster',
      'auth',
      'transport',
      'rate-limit',
      'pagination',
    ],
  }),
  {
    files: ['operations/**/*.graphql'],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { parser: graphql.parser },
    plugins: {
      '@graphql-eslint': graphql,
      tribe: { rules: { 'operation-named-after-root-field': operationNamedAfterRootField, 'deprecated-needs-reason': deprecatedNeedsReason } },
    },
    rules: {
      ...graphql.configs['flat/operations-recommended'].rules,
      '@graphql-eslint/naming-convention': [
        'error',
        {
          VariableDefinition: 'camelCase',
          OperationDefinition: { style: 'camelCase', forbiddenSuffixes: ['Query', 'Mutation', 'Subscription'] },
          FragmentDefinition: { style: 'PascalCase', forbiddenPrefixes: ['Fragment'], forbiddenSuffixes: ['Fragment'] },
        },
      ],
      '@graphql-eslint/require-selections': ['error', { fieldName: 'id' }],
      'tribe/operation-named-after-root-field': 'error',
      'tribe/deprecated-needs-reason': 'error',
    },
  },
  {
    // Each reads one object's permissions alone; `space` etc. already name the full reads, so these say what they fetch.
    files: ['operations/permissions/*Permissions.graphql'],
    rules: { 'tribe/operation-named-after-root-field': 'off' },
  },
  {
    // Operations a user adds: any camelCase name becomes their SDK method.
    files: ['operations/custom/**/*.graphql'],
    rules: { 'tribe/operation-named-after-root-field': 'off' },
  },
);
