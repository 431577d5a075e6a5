// @tsukasa/documents: the printed papers of a committee meeting — the agenda (次第) and the minutes (会議録) —
// rendered as Markdown, DOCX and PDF from one MeetingDocument — and the forms a rulebook prescribes (様式), filled
// from a request or a register and rendered as PDF.

export * from './meeting-document.types.ts';
export { documentTitle, documentFileName } from './layout.ts';
export { renderMarkdown } from './markdown.ts';
export { renderDocx } from './docx.ts';
export { renderPdf } from './pdf.ts';
export * from './prescribed-form.types.ts';
export { renderFormPdf, formFileName, formFooter, formDateLines, approvalLine } from './form-pdf.ts';
export { MINATO_FORMS, minatoForm, minatoFormsOfKind, type MinatoFormDefinition } from './minato-forms.ts';
