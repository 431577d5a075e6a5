// @tsukasa/documents: the printed papers of a committee meeting — the agenda (次第) and the minutes (会議録) —
// rendered as Markdown, DOCX and PDF from one MeetingDocument.

export * from './meeting-document.types.ts';
export { documentTitle, documentFileName } from './layout.ts';
export { renderMarkdown } from './markdown.ts';
export { renderDocx } from './docx.ts';
export { renderPdf } from './pdf.ts';
