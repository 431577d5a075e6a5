/**
 * English messages that count something carry both forms, "singular|plural" ('{count} system|{count}
 * systems'); the `count` parameter picks one. Messages without a bar (all Japanese ones) stay as they are.
 */
export function pluralForm(template: string, params?: Record<string, string | number>): string {
  const bar = template.indexOf('|');
  if (bar < 0) return template;
  const raw = params?.['count'];
  const count = typeof raw === 'number' ? raw : Number(String(raw ?? '').replace(/[^\d.-]/g, ''));
  return count === 1 ? template.slice(0, bar) : template.slice(bar + 1);
}
