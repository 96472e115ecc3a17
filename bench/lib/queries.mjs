// The queries the benchmarks run on the demo organization's data. Their
// shapes (rows x columns) are fixed; each benchmark checks the shape it got.

export const oneRow = { sql: 'SELECT * FROM conversation LIMIT 1', rows: 1, columns: 15 };

/** 1000 rows x 20 columns: every conversation column plus five computed ones. */
export const rows1000x20 = {
  sql: `SELECT *,
  length(title) AS title_length,
  upper(channel) AS channel_upper,
  started_at + INTERVAL '1 hour' AS started_plus_hour,
  total_cost * 2 AS double_cost,
  id + 1 AS next_id
FROM conversation
LIMIT 1000`,
  rows: 1000,
  columns: 20,
};

// Nine expression kinds over `message` cycle through the 90 computed columns,
// so the result mixes numbers, 64-bit ids sent as strings, text, NULL and ''.
const expressionKinds = [
  (k) => `seq + ${k} AS seq_plus_${k}`,
  (k) => `token_count * ${k} AS tokens_times_${k}`,
  (k) => `left(content, ${20 + (k % 20)}) AS content_prefix_${k}`,
  (k) => `role || '-${k}' AS role_${k}`,
  (k) => `created_at + INTERVAL '${k} minutes' AS created_plus_${k}`,
  (k) => `latency_ms / ${k} AS latency_over_${k}`,
  (k) => `id + ${k} AS id_plus_${k}`,
  (k) => `length(content) + ${k} AS content_length_${k}`,
  (k) => `feedback AS feedback_${k}`,
];

function wideSql() {
  const expressions = ['id', 'conversation_id', 'seq', 'role', 'left(content, 60) AS content', 'created_at', 'token_count', 'latency_ms', 'tool_call', 'feedback'];
  for (let k = 1; k <= 90; k += 1) expressions.push(expressionKinds[k % expressionKinds.length](k));
  // One line, because the editor indents new lines as they are typed and the console must send this exact text.
  return `SELECT ${expressions.join(', ')} FROM message LIMIT 1000`;
}

/** 1000 rows x 100 columns built from `message`, the grid benchmarks' shape. */
export const rows1000x100 = { sql: wideSql(), rows: 1000, columns: 100 };

/** Throws unless a result has the shape the query promised. */
export function checkShape(query, columns, rows) {
  if (columns.length !== query.columns || rows.length !== query.rows) {
    throw new Error(`Expected ${query.rows} rows x ${query.columns} columns, got ${rows.length} x ${columns.length} for:\n${query.sql}`);
  }
}
