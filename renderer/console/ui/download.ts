import { type CsvValue, toCsv } from '@protocol/console/csv.ts';

/**
 * Saves text the console made as a file: a CSV (UTF-8 with a byte order mark, so Excel on a Chinese Windows
 * opens the names intact; csv.ts) through a blob link, clicked once and let go.
 */
export const downloadText = (text: string, fileName: string, type: string): void => {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
};

export const downloadCsv = (fileName: string, header: readonly string[], rows: Iterable<readonly CsvValue[]>): void =>
  downloadText(toCsv(header, rows), fileName, 'text/csv;charset=utf-8');
