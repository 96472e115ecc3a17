import type { Cell, Column } from '@console/shared-types';
import { csvFileName, toCsv, type CsvOptions } from './csv.js';

/** Builds the CSV from the rows in memory (no new query) and hands it to the browser as a download. */
export function downloadCsv(
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
  title: string | undefined,
  options: CsvOptions,
): void {
  const blob = new Blob([toCsv(columns, rows, options)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = csvFileName(title, new Date());
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is ample.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
