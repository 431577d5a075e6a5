/**
 * A count with its noun, as English output prints it: "1 system", "2 systems", "1,741
 * municipalities" (pass the plural when it is not the noun with an s).
 */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? singular : plural}`;
}

/** Several counts in a sentence: "20 systems, 245 staff and 1,032 other records". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
