import { readmeSection } from '../support/readme.js';

/** One package npm warned about with `EBADENGINE`: its name, version and the Node it requires. */
export interface EngineWarning {
  name: string;
  version: string;
  requiredNode: string;
}

/** One package the README names as warned about on Node 20: its name, version prefix (`0.12.`) and the Node it requires. */
export interface DocumentedEngineWarning {
  name: string;
  versionPrefix: string;
  requiredNode: string;
}

const WARNING_BLOCK = /Unsupported engine \{/g;
const WARNING = /package: '(.+)@([^@']+)',\s*\n[^\n]*required: \{ node: '>=([\d.]+)' \}/g;
const DOCUMENTED = /`([^`]+)` ([\d.]+)x \(Node ([\d.]+)\)/g;

/** The `EBADENGINE` warnings in npm's output; throws when a warning does not have the form this reads. */
export function engineWarnings(npmOutput: string): EngineWarning[] {
  const warnings = [...npmOutput.matchAll(WARNING)].map(([, name, version, requiredNode]) => ({ name: name!, version: version!, requiredNode: requiredNode! }));
  const blocks = npmOutput.match(WARNING_BLOCK)?.length ?? 0;
  if (warnings.length !== blocks) throw new Error(`engineWarnings: read ${warnings.length} of ${blocks} EBADENGINE warnings\n${npmOutput}`);
  return warnings;
}

/** The packages the README's "Supported runtimes" section lists as warned about when the tools install on Node 20. */
export async function documentedEngineWarnings(): Promise<DocumentedEngineWarning[]> {
  const listItems = (await readmeSection('Supported runtimes'))
    .split('\n')
    .filter((line) => line.startsWith('  - '))
    .join('\n');
  return [...listItems.matchAll(DOCUMENTED)].map(([, name, versionPrefix, requiredNode]) => ({
    name: name!,
    versionPrefix: versionPrefix!,
    requiredNode: requiredNode!,
  }));
}

/** Whether `warning` is the package `documented` names, at a version and Node requirement it states. */
export function isDocumented(warning: EngineWarning, documented: DocumentedEngineWarning): boolean {
  return (
    warning.name === documented.name &&
    warning.version.startsWith(documented.versionPrefix) &&
    (warning.requiredNode === documented.requiredNode || warning.requiredNode === `${documented.requiredNode}.0`)
  );
}
