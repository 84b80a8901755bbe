/**
 * One CSV line (RFC 4180: fields with a comma, quote or line break are quoted, quotes
 * doubled; lines end with CRLF). A text cell that a spreadsheet would take for a formula
 * (starting with = + - @, or a tab or carriage return) gets a leading single quote.
 */
export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
