import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildSchema, Kind, type FieldNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readOperationFiles } from '../../packages/tools/src/cli/operation-files.js';

const schema = buildSchema(await readFile(new URL('../../schema/tribe.graphql', import.meta.url), 'utf8'));
const files = await readOperationFiles(fileURLToPath(new URL('../../operations', import.meta.url)));

/**
 * Arguments an operation leaves out on purpose, by `operation.rootField`, each with the reason.
 * The permission checks name the object by the ID the app already holds; `member` and `space` look it up other ways.
 */
const LEFT_OUT: Record<string, Record<string, string>> = {
  'memberPermissions.member': {
    externalId: 'a permission check names the member by ID',
    username: 'a permission check names the member by ID',
  },
  'spacePermissions.space': {
    slug: 'a permission check names the space by ID',
    path: 'a permission check names the space by ID',
  },
};

const operations = files.flatMap((file) => {
  if (!('document' in file)) throw new Error(`${file.path}: ${file.syntaxError.message}`);
  return file.document.definitions.flatMap((definition) => (definition.kind === Kind.OPERATION_DEFINITION ? [{ path: file.path, operation: definition }] : []));
});

describe('operations/ pass every argument of their root fields', () => {
  it('finds the operations', () => {
    expect(operations.length).toBeGreaterThanOrEqual(30);
  });

  it.each(operations.map(({ path, operation }) => [operation.name?.value ?? path, operation] as const))('%s', (name, operation) => {
    const rootType = schema.getRootType(operation.operation)!;
    const roots = operation.selectionSet.selections.filter((selection): selection is FieldNode => selection.kind === Kind.FIELD);
    expect(roots.length).toBeGreaterThan(0);
    for (const root of roots) {
      const field = rootType.getFields()[root.name.value];
      expect(field, `${rootType.name}.${root.name.value} exists`).toBeDefined();
      const leftOut = LEFT_OUT[`${name}.${root.name.value}`] ?? {};
      const expected = field!.args.map((arg) => arg.name).filter((arg) => !(arg in leftOut)).sort();
      const passed = (root.arguments ?? []).map((arg) => arg.name.value).sort();
      expect(passed, `${name} -> ${root.name.value}`).toEqual(expected);
    }
  });
});
