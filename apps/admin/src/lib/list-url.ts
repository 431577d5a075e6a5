/**
 * The path and query of `url` with one search parameter set, or removed when `value` is empty. A
 * filter changed starts the list again at its first page (the paging cursors are dropped).
 */
export function withParam(url: Pick<URL, 'href'>, name: string, value: string): string {
  const next = new URL(url.href);
  if (value) next.searchParams.set(name, value);
  else next.searchParams.delete(name);
  next.searchParams.delete('after');
  next.searchParams.delete('prev');
  return `${next.pathname}${next.search}`;
}
