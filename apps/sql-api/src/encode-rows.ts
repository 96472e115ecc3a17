import type { DuckDBDataChunk, DuckDBVector } from '@duckdb/node-api';
import type { ColumnEncoder, JsonCell } from './cell-encoding.js';

/**
 * Appends the first `take` rows of a chunk to `rows`, each cell encoded by
 * its column's encoder. The column vectors are looked up once per chunk, not
 * once per cell.
 */
export function appendEncodedRows(chunk: DuckDBDataChunk, encoders: readonly ColumnEncoder[], take: number, rows: JsonCell[][]): void {
  const columns: { vector: DuckDBVector; encode: ColumnEncoder }[] = encoders.map((encode, columnIndex) => ({
    vector: chunk.getColumnVector(columnIndex),
    encode,
  }));
  for (let rowIndex = 0; rowIndex < take; rowIndex += 1) {
    const row: JsonCell[] = [];
    for (const column of columns) row.push(column.encode(column.vector, rowIndex));
    rows.push(row);
  }
}
