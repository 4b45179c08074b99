import { parseArgs } from 'node:util';
import { DEFAULT_OPERATIONS_DIR, readOperationFiles, type OperationFile } from './operation-files.js';
import { DEFAULT_SCHEMA_PATH, pullSchema } from './schema-pull.js';
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

/**
 * `tribe-sdk schema pull`: writes the snapshot and prints what changed since the previous one, with
 * the operations that breaking changes hit. With `--fail-on-breaking`, a snapshot with breaking
 * changes is not written and the exit code is 1, so that CI notices before anyone regenerates.
 */
export async function schemaPullCommand(args: string[], env: Record<string, string | undefined>): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      from: { type: 'string' },
      out: { type: 'string' },
      operations: { type: 'string' },
      'fail-on-breaking': { type: 'boolean' },
    },
  });
  const out = values.out ?? DEFAULT_SCHEMA_PATH;
  let breaking = 0;
  const { previous, next, written } = await pullSchema({
    from: values.from,
    out,
    env,
    accept: async (before, after) => {
      if (before === undefined || before === after) return true;
      const report = await reportSchemaChanges(before, after, await operationFilesIfAny(values.operations ?? DEFAULT_OPERATIONS_DIR));
      process.stdout.write(formatSchemaReport(report));
      breaking = report.counts.breaking;
      return !(values['fail-on-breaking'] && breaking > 0);
    },
  });
  if (!written) {
    process.stderr.write(`schema not written: ${breaking} breaking change(s) and --fail-on-breaking; ${out} is unchanged\n`);
    return 1;
  }
  const verdict = previous === undefined ? 'written' : previous === next ? 'unchanged' : 'updated';
  process.stderr.write(`schema ${verdict}: ${out}${verdict === 'updated' ? '; run npm run codegen to regenerate' : ''}\n`);
  return 0;
}
