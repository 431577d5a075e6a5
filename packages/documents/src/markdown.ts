// Markdown rendering of a meeting paper: the layout as headings and lists, for previews and plain-text mail.

import { buildLayout, type LabeledLines } from './layout.ts';
import type { MeetingDocument } from './meeting-document.types.ts';

/** Escapes the characters Markdown would take as formatting inside a line of text. */
function escapeInline(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/([\\`*_[\]<>|])/g, '\\$1');
}

/** A list item that starts with a number or # would turn into a list or a heading; escape it. */
function escapeLineStart(text: string): string {
  const escaped = escapeInline(text);
  return escaped.replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([#+-])/, '\\$1');
}

function labeledItem(line: LabeledLines, indent = ''): string {
  return `${indent}- ${line.label}：${line.values.map(escapeInline).join(line.separator ?? '、')}`;
}

export function renderMarkdown(doc: MeetingDocument): string {
  const layout = buildLayout(doc);
  const out: string[] = [`# ${escapeInline(layout.title)}`, ''];

  for (const field of layout.fields) out.push(labeledItem(field));
  out.push('');

  out.push(`## ${layout.attendanceHeading}`, '');
  for (const group of layout.attendance) {
    out.push(`- ${group.label}`);
    for (const v of group.values) out.push(`  - ${escapeLineStart(v)}`);
  }
  out.push('');

  if (layout.absence) {
    out.push(`## ${layout.absence.label}`, '');
    for (const v of layout.absence.values) out.push(`- ${escapeLineStart(v)}`);
    out.push('');
  }

  if (layout.quorum) {
    out.push(`## ${layout.quorum.label}`, '');
    for (const v of layout.quorum.values) out.push(escapeLineStart(v));
    out.push('');
  }

  out.push(`## ${layout.agendaHeading}`, '');
  for (const group of layout.groups) {
    out.push(`### ${escapeInline(group.heading)}`, '');
    for (const item of group.items) {
      const marker = `${item.number}. `;
      out.push(`${marker}${escapeInline(item.title)}`);
      for (const d of item.details) out.push(labeledItem(d, ' '.repeat(marker.length)));
    }
    out.push('');
  }

  if (layout.notes.length > 0) {
    out.push(`## ${layout.notesHeading}`, '');
    for (const note of layout.notes) out.push(`- ${escapeLineStart(note)}`);
    out.push('');
  }

  out.push('---', '', escapeLineStart(layout.footer), '');
  return out.join('\n');
}
