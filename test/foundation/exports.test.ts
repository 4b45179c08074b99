import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** Every name an entry exports, values and types alike, as the TypeScript checker sees them. */
function exportedNames(entries: string[]): Record<string, string[]> {
  const config = ts.getParsedCommandLineOfConfigFile(`${REPO}tsconfig.json`, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const program = ts.createProgram(
    entries.map((entry) => `${REPO}${entry}`),
    config.options,
  );
  const checker = program.getTypeChecker();
  return Object.fromEntries(
    entries.map((entry) => {
      const module = checker.getSymbolAtLocation(program.getSourceFile(`${REPO}${entry}`)!)!;
      return [
        entry,
        checker
          .getExportsOfModule(module)
          .map((symbol) => symbol.name)
          .sort(),
      ];
    }),
  );
}

describe('public exports', () => {
  it('are exactly the listed names for each entry (a change here is a change of the public API)', () => {
    const names = exportedNames([
      'src/index.ts',
      'src/index.node.ts',
      'packages/tools/src/emulator/index.ts',
      'packages/tools/src/codegen/index.ts',
      'src/webhooks/index.ts',
      'src/slate/index.ts',
      'generated/sdk.ts',
    ]);
    expect(names['src/index.node.ts']).toEqual(names['src/index.ts']);
    expect({ ...names, 'generated/sdk.ts': names['generated/sdk.ts']!.length }).toMatchSnapshot();
    expect(names['generated/sdk.ts']).toEqual(expect.arrayContaining(['getSdk', 'Sdk', 'PostsDocument', 'PostsQuery', 'PostFieldsFragment']));
  });
});
