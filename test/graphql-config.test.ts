import { readdir, readFile } from 'node:fs/promises';
import { Kind, NoUnusedFragmentsRule, buildSchema, printSchema, specifiedRules, validate, type DefinitionNode } from 'graphql';
import { loadConfig } from 'graphql-config';
import { describe, expect, it } from 'vitest';
import codegen from '../codegen.js';
import editorConfig from '../graphql.config.js';

const root = new URL('..', import.meta.url).pathname;
const rules = specifiedRules.filter((rule) => rule !== NoUnusedFragmentsRule);

describe('graphql.config.ts (what VS Code and graphql-config tools load)', () => {
  it('reuses the schema and documents of codegen.ts', () => {
    expect(editorConfig.schema).toBe(codegen.schema);
    expect(editorConfig.documents).toBe(codegen.documents);
  });

  it('loads the snapshot schema and every operation file, and each document validates against it', async () => {
    const config = await loadConfig({ rootDir: root, throwOnMissing: true, throwOnEmpty: true });
    expect(config?.filepath).toBe(`${root}graphql.config.ts`);
    const project = config!.getDefault();
    // As SDL text: graphql-config may hold its own copy of graphql (CommonJS), whose schema objects ours rejects.
    const schema = buildSchema(await project.getSchema('string'));
    const snapshot = buildSchema(await readFile(`${root}schema/tribe.graphql`, 'utf8'));
    expect(printSchema(schema)).toBe(printSchema(snapshot));

    const documents = await project.getDocuments();
    const files = (await readdir(`${root}operations`, { recursive: true })).filter((file) => file.endsWith('.graphql'));
    expect(documents.map((source) => source.location).sort()).toEqual(files.map((file) => `${root}operations/${file}`).sort());

    // Fragments live in their own files, as the editor sees them: each file is checked with all of them.
    const fragments = documents.flatMap((source) => source.document!.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION));
    for (const source of documents) {
      const own = source.document!.definitions;
      const ownNames = new Set(own.flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [definition.name.value] : [])));
      const definitions: DefinitionNode[] = [...own, ...fragments.filter((fragment) => !ownNames.has(fragment.name.value))];
      const errors = validate(schema, { kind: Kind.DOCUMENT, definitions }, rules);
      expect(errors.map((error) => `${source.location}: ${error.message}`)).toEqual([]);
    }
  });
});
