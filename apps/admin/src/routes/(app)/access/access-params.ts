import { localInputToIso } from '#lib/dates.ts';

/** `?at=2026-11-21T09:30` (Japan time, as the datetime-local input writes it) → ISO or null. */
export function readInstant(params: URLSearchParams): { at: string; iso: string | null } {
  const at = params.get('at') ?? '';
  return { at, iso: at ? localInputToIso(at) : null };
}

export function hrefWith(path: string, values: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
