import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const README = join(fileURLToPath(new URL('../..', import.meta.url)), 'README.md');

/** One fenced code block: its language tag and its text, as printed. */
export interface CodeBlock {
  lang: string;
  code: string;
}

/** The README's text. */
export function readReadme(): Promise<string> {
  return readFile(README, 'utf8');
}

/**
 * The section under `heading` (its text without the `#`s), up to the next heading of the same or a
 * higher level; its subsections are part of it unless `ownTextOnly` is set, which stops at any heading.
 * Headings inside code blocks do not count.
 */
export async function readmeSection(heading: string, { ownTextOnly = false } = {}): Promise<string> {
  const lines = (await readReadme()).split('\n');
  let inCode = false;
  let start = -1;
  let level = 0;
  for (const [index, line] of lines.entries()) {
    if (line.startsWith('```')) inCode = !inCode;
    const match = inCode ? null : /^(#{1,6}) (.*)$/.exec(line);
    if (!match) continue;
    if (start >= 0 && (ownTextOnly || match[1]!.length <= level)) return lines.slice(start, index).join('\n');
    if (start < 0 && match[2]!.trim() === heading) [start, level] = [index + 1, match[1]!.length];
  }
  if (start < 0) throw new Error(`README.md has no heading "${heading}"`);
  return lines.slice(start).join('\n');
}

/** The fenced code blocks of `markdown`, in order; `langs` keeps only those tagged so. */
export function codeBlocks(markdown: string, ...langs: string[]): CodeBlock[] {
  const blocks = [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((match) => ({ lang: match[1]!, code: match[2]! }));
  return langs.length === 0 ? blocks : blocks.filter((block) => langs.includes(block.lang));
}

/** The rows of the first table in `markdown`, as cells (header and separator left out). */
export function tableRows(markdown: string): string[][] {
  const lines = markdown.split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  if (first < 0) return [];
  const table = lines.slice(first).filter((_, index, all) => all.slice(0, index + 1).every((line) => line.startsWith('|')));
  return table.slice(2).map((line) =>
    line
      .slice(1, -1)
      .split(' | ')
      .map((cell) => cell.trim()),
  );
}
