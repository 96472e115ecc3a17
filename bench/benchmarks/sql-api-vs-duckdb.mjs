// The local SQL API against DuckDB itself: the same 1000-row query over HTTP
// (token check, read-only check, JSON encoding, one connection per call) and
// run in this process on the same database file, its rows read as JSON values.
import { DuckDBInstance } from '@duckdb/node-api';
import { figure } from '../lib/figure.mjs';
import { querySqlApi } from '../lib/http.mjs';
import { checkShape, rows1000x20 } from '../lib/queries.mjs';
import { median } from '../lib/stats.mjs';

async function timeInProcess(connection, sql) {
  const started = performance.now();
  const reader = await connection.runAndReadAll(sql);
  const rows = reader.getRowsJson();
  return { elapsedMs: performance.now() - started, columns: reader.columnNames(), rows };
}

export default {
  name: 'sql-api-vs-duckdb',
  async run(context) {
    const stack = await context.stack();
    const query = rows1000x20;
    // Both processes can open the file because both open it read-only.
    const instance = await DuckDBInstance.create(stack.demoDatabasePath, { access_mode: 'READ_ONLY' });
    const connection = await instance.connect();

    try {
      const inProcess = await timeInProcess(connection, query.sql);
      checkShape(query, inProcess.columns, inProcess.rows);
      const overHttp = await querySqlApi(stack.sqlApiUrl, stack.token, query.sql);
      checkShape(query, overHttp.body.columns, overHttp.body.result ?? overHttp.body.rows);
      for (let i = 0; i < context.repeat(5, 1); i += 1) {
        await timeInProcess(connection, query.sql);
        await querySqlApi(stack.sqlApiUrl, stack.token, query.sql);
      }

      const samples = [];
      const referenceSamples = [];
      const calls = context.repeat(20, 3);
      for (let round = 0; round < context.repeat(5, 2); round += 1) {
        const api = [];
        const local = [];
        for (let call = 0; call < calls; call += 1) {
          api.push((await querySqlApi(stack.sqlApiUrl, stack.token, query.sql)).elapsedMs);
          local.push((await timeInProcess(connection, query.sql)).elapsedMs);
        }
        samples.push(median(api));
        referenceSamples.push(median(local));
      }

      return [
        figure({
          id: 'sql-api-1000-rows',
          label: 'Local SQL API, 1000 rows x 20 columns, p50',
          unit: 'ms',
          samples,
          reference: { label: 'DuckDB in-process', samples: referenceSamples },
          compare: 'ratio',
          target: { on: 'comparison', op: '<=', limit: 1.2, text: 'ratio <= 1.2' },
          note: `Median over rounds of each round's median of ${calls} calls.`,
        }),
      ];
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  },
};
