// COPY … FROM STDIN in PostgreSQL's text format, fed from a row iterator with backpressure, so
// ten million rows never sit in memory at once.
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type Cell = string | number | boolean | null | Date | readonly string[] | { readonly [k: string]: unknown };
export type Row = readonly Cell[];

const escapeText = (s: string): string =>
  /[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : s;

/** A text[] literal: every element quoted, so commas, braces and spaces need no more thought. */
export function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((i) => `"${i.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

export function cell(v: Cell): string {
  if (v === null) return '\\N';
  if (typeof v === 'string') return escapeText(v);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return escapeText(arrayLiteral(v as string[]));
  return escapeText(JSON.stringify(v));
}

export interface CopyResult {
  table: string;
  rows: number;
  ms: number;
}

/**
 * Streams `rows` into `table` (columns in the given order) in one COPY statement. A row may also
 * come as a line already in COPY text format (without its newline).
 */
export async function copyRows(client: pg.ClientBase, table: string, columns: readonly string[], rows: Iterable<Row | string>): Promise<CopyResult> {
  const started = performance.now();
  const stream = client.query(copyFrom(`copy "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) from stdin`));
  let count = 0;
  let chunk = '';
  try {
    for (const row of rows) {
      if (typeof row === 'string') chunk += `${row}\n`;
      else {
        let line = '';
        for (let i = 0; i < row.length; i++) line += (i ? '\t' : '') + cell(row[i]!);
        chunk += `${line}\n`;
      }
      count++;
      if (chunk.length >= 1 << 18) {
        if (!stream.write(chunk)) await once(stream, 'drain');
        chunk = '';
      }
    }
  } catch (e) {
    // The server is told the COPY failed (the transaction is then rolled back by the caller).
    stream.destroy(e as Error);
    await finished(stream).catch(() => undefined);
    throw e;
  }
  if (chunk) stream.write(chunk);
  stream.end();
  await finished(stream);
  return { table, rows: count, ms: performance.now() - started };
}
