import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

/** Every TypeScript file under src/, relative to it. */
function sources(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sources(path) : entry.name.endsWith('.ts') ? [relative(SRC, path)] : [];
  });
}

/** The unit a file belongs to: its top folder under src/, or the file itself for the base modules beside the folders. */
const unitOf = (file: string): string => (file.includes(sep) ? file.slice(0, file.indexOf(sep)) : file.replace(/\.ts$/, ''));

/** Which units each unit imports (relative imports inside src/ only, type-only ones included). */
function unitGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sources()) {
    const from = unitOf(file);
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const match of readFileSync(join(SRC, file), 'utf8').matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)) {
      const target = relative(SRC, resolve(join(SRC, dirname(file)), match[1]!));
      if (target.startsWith('..')) continue;
      const to = unitOf(target.replace(/\.js$/, '.ts'));
      if (to !== from) edges.add(to);
    }
  }
  return graph;
}

/** One cycle in the graph, as the units along it, or undefined. */
function findCycle(graph: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (unit: string): string[] | undefined => {
    if (state.get(unit) === 'done') return undefined;
    if (state.get(unit) === 'open') return [...path.slice(path.indexOf(unit)), unit];
    state.set(unit, 'open');
    path.push(unit);
    for (const next of graph.get(unit) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(unit, 'done');
    return undefined;
  };
  for (const unit of graph.keys()) {
    const cycle = visit(unit);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('layers of src/', () => {
  const graph = unitGraph();

  it('has no import cycle between folders (or between a folder and a base module)', () => {
    expect(findCycle(graph)).toBeUndefined();
  });

  it('keeps auth/ untied from cluster/, and transport/ below client/, options/ and auth/', () => {
    expect([...graph.get('auth')!]).not.toContain('cluster');
    for (const higher of ['client', 'options', 'auth', 'cluster']) expect([...graph.get('transport')!]).not.toContain(higher);
  });

  it('finds a cycle when there is one (the check itself can fail)', () => {
    const withCycle = new Map(graph);
    withCycle.set('auth', new Set([...graph.get('auth')!, 'cluster']));
    expect(findCycle(withCycle)).toEqual(expect.arrayContaining(['auth', 'cluster']));
  });
});
