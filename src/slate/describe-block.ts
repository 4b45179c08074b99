/** A block id as error messages quote it: JSON-quoted and cut, because slates may come from untrusted apps. */
export function quoteId(id: string): string {
  return JSON.stringify(id.length > 80 ? `${id.slice(0, 80)}…` : id);
}
