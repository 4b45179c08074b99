/**
 * Writes the emulator's modelled and unmodelled root fields into docs/emulator.md, between the
 * root-fields markers, from the resolvers themselves: `npm run docs:emulator`. A test fails when
 * the file differs from what this writes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema } from 'graphql';
import { mergedResolvers } from '../packages/tools/src/emulator/executable-schema.js';
import { rootFieldCoverage } from '../packages/tools/src/emulator/root-fields.js';

const START = '<!-- root-fields:start (written by npm run docs:emulator) -->';
const END = '<!-- root-fields:end -->';

/** The path of the emulator's documentation. */
export const EMULATOR_DOC = fileURLToPath(new URL('../docs/emulator.md', import.meta.url));

const SCHEMA = fileURLToPath(new URL('../schema/tribe.graphql', import.meta.url));

function names(list: readonly string[]): string {
  return list.length === 0 ? 'none' : list.map((name) => `\`${name}\``).join(', ');
}

/** The generated section: per root type, the fields answered from the emulator's state and those refused as not modelled. */
export function rootFieldSection(): string {
  const coverage = rootFieldCoverage(buildSchema(readFileSync(SCHEMA, 'utf8')), mergedResolvers());
  const lines = [START, ''];
  for (const { typeName, modelled, unmodelled } of coverage) {
    lines.push(`**${typeName}, answered from the emulator's state (${modelled.length}):** ${names(modelled)}`, '');
    lines.push(`**${typeName}, not modelled (${unmodelled.length}):** ${names(unmodelled)}`, '');
  }
  lines.push(END);
  return lines.join('\n');
}

/** The documentation with its root-fields section replaced by {@link rootFieldSection}. */
export function withRootFieldSection(doc: string): string {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/emulator.md has no ${START} ... ${END} section`);
  return `${doc.slice(0, start)}${rootFieldSection()}${doc.slice(end + END.length)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(EMULATOR_DOC, withRootFieldSection(readFileSync(EMULATOR_DOC, 'utf8')));
}
