/** The runtime section of BENCHMARKS.md, which `npm run bench:runtimes -- --write` owns and `npm run bench -- --write` keeps. */
export const SECTION_START = '<!-- runtime-throughput:start -->';
export const SECTION_END = '<!-- runtime-throughput:end -->';

/** The runtime section of a BENCHMARKS.md text, markers included, if it has one. */
export function runtimeSectionOf(markdown: string): string | undefined {
  const start = markdown.indexOf(SECTION_START);
  const end = markdown.indexOf(SECTION_END);
  return start < 0 || end < start ? undefined : markdown.slice(start, end + SECTION_END.length);
}

/** Replaces the runtime section of a BENCHMARKS.md text with `section`, or appends it. */
export function withRuntimeSection(markdown: string, section: string | undefined): string {
  if (section === undefined) return markdown;
  const current = runtimeSectionOf(markdown);
  return current === undefined ? `${markdown.trimEnd()}\n\n${section}\n` : markdown.replace(current, () => section);
}
