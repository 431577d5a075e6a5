/** The path and query of `url` with one search parameter set, or removed when `value` is empty. */
export function withParam(url: Pick<URL, 'href'>, name: string, value: string): string {
  const next = new URL(url.href);
  if (value) next.searchParams.set(name, value);
  else next.searchParams.delete(name);
  return `${next.pathname}${next.search}`;
}
