/** The columns of the demo table `message`, of several types: BIGINT, INT, text, TIMESTAMP, DOUBLE, STRUCT. */
const MESSAGE_COLUMNS = [
  'id',
  'conversation_id',
  'seq',
  'role',
  'content',
  'created_at',
  'token_count',
  'latency_ms',
  'tool_call',
  'feedback',
] as const;

/** Returns a query over `message` with `columnCount` columns named `c<index>_<source>` and `rows` rows. */
export function wideMessageQuery(columnCount: number, rows: number): string {
  const selected: string[] = [];
  for (let index = 0; index < columnCount; index++) {
    const source = MESSAGE_COLUMNS[index % MESSAGE_COLUMNS.length];
    selected.push(`${source} AS c${index}_${source}`);
  }
  return `SELECT ${selected.join(', ')} FROM message ORDER BY id LIMIT ${rows}`;
}
