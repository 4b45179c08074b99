import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, print, visit, type FieldDefinitionNode, type ObjectTypeDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../packages/tools/src/emulator/index.js';
import { createTempCheckout, type TempCheckout } from './temp-checkout.js';

// Network.locale is selected by operations/network/network.graphql; Network.timeZone is new.
const REMOVED = 'locale';
const ADDED = 'timeZone';

/** The snapshot with Network.locale removed and Network.timeZone added. */
function changeSchema(sdl: string): string {
  const [added] = (parse(`type Network { ${ADDED}: String }`).definitions[0] as ObjectTypeDefinitionNode).fields!;
  return print(
    visit(parse(sdl), {
      ObjectTypeDefinition(node): ObjectTypeDefinitionNode | undefined {
        if (node.name.value !== 'Network') return undefined;
        const fields = node.fields!.filter((field: FieldDefinitionNode) => field.name.value !== REMOVED);
        expect(fields).toHaveLength(node.fields!.length - 1);
        return { ...node, fields: [...fields, added!] };
      },
    }),
  );
}

describe('schema workflow in a temp copy: pull, report, regenerate, restore', () => {
  let checkout: TempCheckout;
  let emulator: RunningEmulator;
  let original: string;
  let originalPath: string;
  let credentials: Record<string, string>;
  const schemaFile = () => readFile(join(checkout.dir, 'schema/tribe.graphql'), 'utf8');

  beforeAll(async () => {
    checkout = await createTempCheckout();
    original = await schemaFile();
    // Kept outside schema/ so that the copy's snapshot is the only one codegen sees.
    originalPath = join(checkout.dir, 'original-tribe.graphql');
    await writeFile(originalPath, original);
    const changedPath = join(checkout.dir, 'changed-tribe.graphql');
    await writeFile(changedPath, changeSchema(original));
    emulator = await startEmulator({ schemaPath: changedPath });
    credentials = {
      TRIBE_API_URL: emulator.url,
      TRIBE_CLIENT_ID: emulator.clientId,
      TRIBE_CLIENT_SECRET: emulator.clientSecret,
      TRIBE_NETWORK_ID: emulator.networkId,
    };
  });

  afterAll(async () => {
    await emulator?.close();
    await checkout?.remove();
  });

  it('--fail-on-breaking reports the changes, exits 1 and leaves the snapshot alone', async () => {
    const seenBefore = emulator.requests.length;
    const result = await checkout.npm('schema:pull', ['--fail-on-breaking'], credentials);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`removed Network.${REMOVED}:`);
    expect(result.stderr).toContain('schema not written: 1 breaking change(s)');
    expect(await schemaFile()).toBe(original);
    // A mint with the app's Basic credentials, then introspection with the minted bearer.
    const sent = emulator.requests.slice(seenBefore).map(({ operationName, authorization }) => ({ operationName, authorization }));
    expect(sent).toEqual([
      { operationName: 'limitedToken', authorization: expect.stringMatching(/^Basic \S+$/) },
      { operationName: 'IntrospectionQuery', authorization: expect.stringMatching(/^Bearer \S+$/) },
    ]);
  });

  it('pulls the changed schema over HTTP and reports both changes, the removal as breaking with its operation', async () => {
    const result = await checkout.npm('schema:pull', [], credentials);
    expect(result.code).toBe(0);
    const report = result.stdout;
    // Both snapshots are built from SDL, so deprecations do not show up as false removals.
    expect(report).toContain('Schema changes: 2 (1 breaking, 0 dangerous, 1 safe)');
    const [breaking, safe] = report.split('\nSAFE (1)\n');
    expect(breaking).toContain(`BREAKING (1)\n  removed Network.${REMOVED}: Field '${REMOVED}' was removed from object type 'Network'`);
    expect(breaking).toContain('    hits operations/network/network.graphql: query network');
    expect(breaking).not.toContain('query post');
    expect(safe).toContain(`added Network.${ADDED}: Field '${ADDED}' was added to object type 'Network'`);
    expect(result.stderr).toContain('schema updated: schema/tribe.graphql');
    expect(`${result.stdout}${result.stderr}`).not.toContain(emulator.clientSecret);

    const pulled = await schemaFile();
    expect(pulled).toContain(`  ${ADDED}: String\n`);
    expect(pulled).not.toBe(original);
  });

  it('codegen then fails naming the file, the operation and the field, before generating anything', async () => {
    const generated = await readFile(join(checkout.dir, 'generated/sdk.ts'), 'utf8');
    const result = await checkout.npm('codegen');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`operations/network/network.graphql: operation "network": Cannot query field "${REMOVED}" on type "Network".`);
    expect(await readFile(join(checkout.dir, 'generated/sdk.ts'), 'utf8')).toBe(generated);
  });

  it('restoring the field (pulling the original snapshot) makes codegen pass again', async () => {
    const pull = await checkout.npm('schema:pull', ['--from', originalPath]);
    expect(pull.code).toBe(0);
    expect(pull.stdout).toContain(`added Network.${REMOVED}:`);
    expect(pull.stdout).toContain(`removed Network.${ADDED}:`);
    expect(await schemaFile()).toBe(original);

    const codegen = await checkout.npm('codegen');
    expect(codegen.stderr).not.toContain('Cannot query field');
    expect(codegen.code).toBe(0);
    const generated = await readFile(join(checkout.dir, 'generated/sdk.ts'), 'utf8');
    expect(/^export type NetworkQuery = .*$/m.exec(generated)?.[0]).toContain(' locale: string,');

    const again = await checkout.npm('schema:pull', ['--from', originalPath, '--fail-on-breaking']);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('schema unchanged');
  });
}, 120_000);
