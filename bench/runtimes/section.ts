/**
 * Sections of BENCHMARKS.md that one bench owns and the others keep as they are, each between
 * `<!-- NAME:start -->` and `<!-- NAME:end -->`: `runtime-throughput` (`npm run bench:runtimes -- --write`)
 * and `quota` (`npm run bench:quota`).
 */
export const KEPT_SECTIONS = ['quota', 'runtime-throughput'] as const;

/** The start and end markers of a named section. */
export function sectionMarkers(name: string): { start: string; end: string } {
  return { start: `<!-- ${name}:start -->`, end: `<!-- ${name}:end -->` };
}

/** The named section of a BENCHMARKS.md text, markers included, if it has one. */
export function sectionOf(markdown: string, name: string): string | undefined {
  const { start: startMarker, end: endMarker } = sectionMarkers(name);
  const start = markdown.indexOf(startMarker);
  const end = markdown.indexOf(endMarker);
  return start < 0 || end < start ? undefined : markdown.slice(start, end + endMarker.length);
}

/** Replaces the named section of a BENCHMARKS.md text with `section`, or appends it. */
export function withSection(markdown: string, name: string, section: string | undefined): string {
  if (section === undefined) return markdown;
  const current = sectionOf(markdown, name);
  return current === undefined ? `${markdown.trimEnd()}\n\n${section}\n` : markdown.replace(current, () => section);
}
