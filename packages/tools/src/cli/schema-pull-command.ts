import { resolve } from 'node:path';
import { APP_SCHEMA_PATH, loadAppProject, SHIPPED_SCHEMA_PATH } from './app-project.js';
import { parseCommand } from './args.js';
import { readDocumentFiles, readOperationFiles, type OperationFile } from './operation-files.js';
import { pullSchema } from './schema-pull.js';
import { formatSchemaReport, reportSchemaChanges } from './schema-report.js';

/** The operation files under `dir`, or none when there is no such directory (a project without operations). */
async function operationFilesIfAny(dir: string): Promise<OperationFile[]> {
  try {
    return await readOperationFiles(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Usage of `tribe-sdk schema pull`. */
const PULL_USAGE = `Usage: tribe-sdk schema pull [--from <file|url>] [--out <file>] [--operations <dir>] [--fail-on-breaking]

Writes a sorted snapshot of the Tribe schema and reports what changed since the previous one, naming
the project's operations each breaking change hits. Without --from it introspects TRIBE_API_URL (or the
default endpoint) with a bot token from TRIBE_CLIENT_ID, TRIBE_CLIENT_SECRET and TRIBE_NETWORK_ID, or
with TRIBE_ACCESS_TOKEN. The project (schema file, documents) comes from its graphql-config file.

  --from <file|url>     an SDL or introspection JSON file, or an endpoint URL
  --out <file>          where to write (default: the project's schema, or schema/tribe.graphql)
  --operations <dir>    report on the .graphql/.gql files under this folder instead
  --fail-on-breaking    on breaking changes, keep the old snapshot and exit 1 (for CI)`;

/**
 * `tribe-sdk schema pull`: writes the snapshot and prints what changed since the previous one, with
 * the operations that breaking changes hit. With `--fail-on-breaking`, a snapshot with breaking
 * changes is not written and the exit code is 1, so that CI notices before anyone regenerates.
 */
export async function schemaPullCommand(args: string[], env: Record<string, string | undefined>): Promise<number> {
  const values = parseCommand(args, {
    command: 'schema pull',
    usage: PULL_USAGE,
    options: { from: { type: 'string' }, out: { type: 'string' }, operations: { type: 'string' }, 'fail-on-breaking': { type: 'boolean' } },
  });
  if (!values) return 0;
  const project = await loadAppProject(process.cwd());
  // A project still on the shipped snapshot pulls into its own file, never into node_modules.
  const onShipped = resolve(project.schemaPath) === SHIPPED_SCHEMA_PATH || /(^|[\\/])node_modules[\\/]/.test(project.schemaPath);
  const out = values.out ?? (onShipped ? APP_SCHEMA_PATH : project.schemaPath);
  const documents = () => (values.operations === undefined ? readDocumentFiles(project.documents) : operationFilesIfAny(values.operations));
  let breaking = 0;
  const { previous, next, written } = await pullSchema({
    from: values.from,
    out,
    // A project still on the shipped snapshot compares the pull against that.
    previousFrom: project.schemaPath,
    env,
    accept: async (before, after) => {
      if (before === undefined || before === after) return true;
      const report = await reportSchemaChanges(before, after, await documents());
      process.stdout.write(formatSchemaReport(report));
      breaking = report.counts.breaking;
      return !(values['fail-on-breaking'] && breaking > 0);
    },
  });
  if (!written) {
    process.stderr.write(`tribe-sdk: schema not written: ${breaking} breaking change(s) and --fail-on-breaking; ${out} is unchanged\n`);
    return 1;
  }
  const verdict = previous === undefined ? 'written' : previous === next ? 'unchanged' : 'updated';
  process.stderr.write(`tribe-sdk: schema ${verdict}: ${out}${verdict === 'updated' ? '; run codegen to regenerate' : ''}\n`);
  return 0;
}
