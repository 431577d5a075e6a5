/** Hands a CSV to the browser as a download named `name`. */
export function downloadCsv(csv: string, name: string): void {
  // Excel reads a CSV as Shift_JIS unless it starts with a UTF-8 byte-order mark.
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
