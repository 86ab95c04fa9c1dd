/**
 * CSV as Excel reads it: UTF-8 with a byte order mark (without it, Excel on a Chinese Windows takes the file for
 * GBK and garbles every name), CRLF line ends, fields quoted when they hold a quote, comma or line break. A field
 * that starts like a formula (= + - @, tab, CR) is prefixed with ' so a spreadsheet never runs it.
 */
export const CSV_BOM = '\uFEFF';

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export const csvField = (value: CsvValue): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (FORMULA_START.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const csvLine = (fields: readonly CsvValue[]): string => `${fields.map(csvField).join(',')}\r\n`;

/** A whole document: the BOM, the header, the rows. */
export const toCsv = (header: readonly string[], rows: Iterable<readonly CsvValue[]>): string => {
  let text = CSV_BOM + csvLine(header);
  for (const row of rows) text += csvLine(row);
  return text;
};
