import { ChangeType, CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildSchema, isEnumType, isInputObjectType, type GraphQLSchema } from 'graphql';
import type { OperationFile } from './operation-files.js';
import { usageOfDefinitions, type DefinitionUsage } from './operation-usage.js';

/** How much a change can hurt existing operations, after graphql-inspector's criticality. */
export type ChangeLevel = 'breaking' | 'dangerous' | 'safe';

/** One schema change, classed, with the operations and fragments it hits. */
export interface ReportedChange {
  level: ChangeLevel;
  /** Whether something was added, removed, or changed in place. */
  action: 'added' | 'removed' | 'changed';
  /** The schema coordinate, e.g. `Post.shortContent` or `Query.post.id`. */
  path: string;
  /** graphql-inspector's description of the change. */
  message: string;
  /** `file: query name` or `file: fragment Name` for each definition the change hits (breaking and dangerous only). */
  hits: string[];
}

/** The changes between two schema snapshots. */
export interface SchemaReport {
  changes: ReportedChange[];
  counts: Record<ChangeLevel, number>;
}

const LEVELS: Record<CriticalityLevel, ChangeLevel> = {
  [CriticalityLevel.Breaking]: 'breaking',
  [CriticalityLevel.Dangerous]: 'dangerous',
  [CriticalityLevel.NonBreaking]: 'safe',
};

function actionOf(change: Change): ReportedChange['action'] {
  if (change.type.endsWith('_REMOVED')) return 'removed';
  if (change.type.endsWith('_ADDED')) return 'added';
  return 'changed';
}

/**
 * The coordinates whose use makes an operation depend on `change`. Values of input types and enums
 * arrive at run time, so a change inside one hits every operation that uses the type; a new
 * required argument hits every operation that selects the field.
 */
function coordinatesHitBy(change: Change, previous: GraphQLSchema): string[] {
  if (!change.path) return [];
  const segments = change.path.split('.');
  const directiveAt = segments.findIndex((segment) => segment.startsWith('@'));
  if (directiveAt === 0) return [segments[0]!];
  const element = directiveAt === -1 ? segments : segments.slice(0, directiveAt);
  if (change.type === ChangeType.FieldArgumentAdded) return [element.slice(0, 2).join('.')];
  const owner = previous.getType(element[0]!);
  if (element.length === 2 && (isInputObjectType(owner) || isEnumType(owner))) return [owner.name];
  return [element.join('.')];
}

function hitsOf(change: Change, previous: GraphQLSchema, usages: readonly DefinitionUsage[]): string[] {
  if (change.criticality.level === CriticalityLevel.NonBreaking) return [];
  const coordinates = coordinatesHitBy(change, previous);
  return usages.filter((usage) => coordinates.some((coordinate) => usage.coordinates.has(coordinate))).map((usage) => `${usage.path}: ${usage.label}`);
}

/**
 * Compares two SDL snapshots with graphql-inspector and traces the breaking and dangerous changes
 * to the operations in `operationFiles`. Both schemas are built from SDL text, so that they carry
 * the same source information; a schema built from introspection makes every `@deprecated` look removed.
 */
export async function reportSchemaChanges(previousSdl: string, nextSdl: string, operationFiles: readonly OperationFile[]): Promise<SchemaReport> {
  const previous = buildSchema(previousSdl);
  const next = buildSchema(nextSdl);
  const usages = usageOfDefinitions(previous, operationFiles);
  const changes = (await diff(previous, next)).map((change): ReportedChange => ({
    level: LEVELS[change.criticality.level],
    action: actionOf(change),
    path: change.path ?? '',
    message: change.message,
    hits: hitsOf(change, previous, usages),
  }));
  const counts = { breaking: 0, dangerous: 0, safe: 0 };
  for (const change of changes) counts[change.level] += 1;
  return { changes, counts };
}

/** The report as text for a terminal: a summary line, then the changes grouped by level. */
export function formatSchemaReport(report: SchemaReport): string {
  const { breaking, dangerous, safe } = report.counts;
  if (report.changes.length === 0) return 'Schema changes: none.\n';
  const lines = [`Schema changes: ${report.changes.length} (${breaking} breaking, ${dangerous} dangerous, ${safe} safe)`];
  for (const level of ['breaking', 'dangerous', 'safe'] as const) {
    const changes = report.changes.filter((change) => change.level === level);
    if (changes.length === 0) continue;
    lines.push('', `${level.toUpperCase()} (${changes.length})`);
    for (const change of changes) {
      lines.push(`  ${change.action} ${change.path}: ${change.message}`);
      for (const hit of change.hits) lines.push(`    hits ${hit}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
