import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgDatabasePath } from '../src/data-dir.js';
import { TRICKY_VALUES } from '../src/demo/tricky-values.js';
import { createToken, generateDemoData } from '../src/index.js';
import { startTestServer, type TestServer } from './fixture.js';

const SCALE = 0.01;
const DEMO_TABLES = ['agent', 'billing_event', 'conversation', 'conversation_tag', 'daily_usage', 'message', 'tag', 'tricky_values', 'user', 'workspace'];

let firstDir: string;
let secondDir: string;

async function readAllTables(dataDir: string, orgId: string): Promise<Record<string, string>> {
  const instance = await DuckDBInstance.create(orgDatabasePath(dataDir, orgId), { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  const tables: Record<string, string> = {};
  try {
    const names = (await connection.runAndReadAll('SELECT table_name FROM information_schema.tables ORDER BY table_name')).getRows();
    for (const [name] of names) {
      const reader = await connection.runAndReadAll(`SELECT * FROM "${String(name)}"`);
      tables[String(name)] = JSON.stringify(reader.getRowsJson());
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return tables;
}

beforeAll(async () => {
  firstDir = await mkdtemp(path.join(tmpdir(), 'sql-api-demo-a-'));
  secondDir = await mkdtemp(path.join(tmpdir(), 'sql-api-demo-b-'));
  await generateDemoData(firstDir, { scale: SCALE });
  await generateDemoData(secondDir, { scale: SCALE });
});

afterAll(async () => {
  await rm(firstDir, { recursive: true, force: true });
  await rm(secondDir, { recursive: true, force: true });
});

describe('demo generator', () => {
  it('builds the same rows on every run', async () => {
    const first = await readAllTables(firstDir, 'demo');
    const second = await readAllTables(secondDir, 'demo');

    expect(Object.keys(first)).toEqual(DEMO_TABLES);
    for (const table of DEMO_TABLES) expect(second[table], table).toBe(first[table]);
  });

  it('builds the same acme organization on every run', async () => {
    expect(await readAllTables(secondDir, 'acme')).toEqual(await readAllTables(firstDir, 'acme'));
  });

  it('keeps existing organizations unless forced', async () => {
    const before = await stat(orgDatabasePath(firstDir, 'demo'));

    const secondRun = await generateDemoData(firstDir, { scale: SCALE });
    const after = await stat(orgDatabasePath(firstDir, 'demo'));

    expect(secondRun).toEqual({ created: [], skipped: ['demo', 'acme'] });
    expect(after.mtimeMs).toBe(before.mtimeMs);
  });

  it('rebuilds with force', async () => {
    const rebuilt = await generateDemoData(secondDir, { scale: SCALE, force: true });

    expect(rebuilt).toEqual({ created: ['demo', 'acme'], skipped: [] });
  });

  it('rejects a scale of zero', async () => {
    await expect(generateDemoData(firstDir, { scale: 0 })).rejects.toThrow('Invalid demo scale 0');
  });
});

describe('demo data over HTTP', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    token = await createToken(firstDir, { org: 'demo', role: 'service' });
    server = await startTestServer(firstDir);
  });

  afterAll(async () => {
    await server.close();
  });

  it('has one tricky_values row per kind', async () => {
    const response = await server.sql(token, 'demo', 'SELECT kind FROM tricky_values ORDER BY id');

    expect(response.body.result).toEqual(TRICKY_VALUES.map((row) => [row.kind]));
  });

  it.each([
    ['null', null],
    ['empty_string', ''],
    ['multiline', 'first line\nsecond line\n\nfourth line after a blank one'],
    ['quotes_and_commas', 'She said "yes, no, maybe", then left; it\'s fine'],
    ['emoji', '🙂 Thanks! 🚀 👩‍💻 café'],
    ['right_to_left', 'مرحبا، كيف يمكنني المساعدة؟ שלום עולם'],
    ['formula_equals', '=HYPERLINK("https://example.com","Click me")'],
    ['formula_plus', '+1 (555) 010-0199'],
    ['formula_minus', '-5% discount not applied'],
    ['formula_at', '@support please escalate'],
  ])('returns the %s text exactly', async (kind, expected) => {
    const response = await server.sql(token, 'demo', `SELECT text_value FROM tricky_values WHERE kind = '${kind}'`);

    expect(response.body.result).toEqual([[expected]]);
  });

  it('returns NULL and empty string side by side', async () => {
    const response = await server.sql(token, 'demo', "SELECT kind, empty_or_null FROM tricky_values WHERE kind IN ('null', 'empty_string') ORDER BY id");

    expect(response.body.result).toEqual([
      ['null', null],
      ['empty_string', ''],
    ]);
  });

  it('returns big ids, decimals and timestamps exactly', async () => {
    const response = await server.sql(
      token,
      'demo',
      `SELECT kind, big_id, signed_id, amount, happened_at FROM tricky_values
       WHERE kind IN ('bigint_above_2_53', 'bigint_min', 'ubigint_max', 'decimal_max', 'decimal_tiny', 'timestamp_microseconds', 'timestamp_before_epoch')
       ORDER BY id`,
    );

    expect(response.body.result).toEqual([
      ['bigint_above_2_53', '9007199254740993', '9007199254740993', '1.000000000', '2025-01-01T00:00:00.000000Z'],
      ['bigint_min', '1', '-9223372036854775808', '1.000000000', '2025-01-01T00:00:00.000000Z'],
      ['ubigint_max', '18446744073709551615', '1', '1.000000000', '2025-01-01T00:00:00.000000Z'],
      ['decimal_max', '1', '1', '99999999999999999999999999999.999999999', '2025-01-01T00:00:00.000000Z'],
      ['decimal_tiny', '1', '1', '0.000000001', '2025-01-01T00:00:00.000000Z'],
      ['timestamp_microseconds', '1', '1', '1.000000000', '2025-03-04T05:06:07.123456Z'],
      ['timestamp_before_epoch', '1', '1', '1.000000000', '1969-12-31T23:59:59.999999Z'],
    ]);
  });

  it('returns special doubles and nested values', async () => {
    const response = await server.sql(token, 'demo', "SELECT kind, score, tags, attributes, properties FROM tricky_values WHERE kind IN ('double_nan', 'double_infinity', 'nested') ORDER BY id");

    expect(response.body.result).toEqual([
      ['double_nan', 'NaN', ['plain'], { plan: 'free', seats: 1, flags: [] }, { color: 'grey' }],
      ['double_infinity', 'Infinity', ['plain'], { plan: 'free', seats: 1, flags: [] }, { color: 'grey' }],
      ['nested', 1.5, ['a', null, '', '🙂'], { plan: 'team', seats: 5, flags: ['beta', null] }, { color: 'blue', empty: '', missing: null }],
    ]);
  });

  it('shows awkward titles in the first ten conversations', async () => {
    const response = await server.sql(token, 'demo', 'SELECT id, title FROM conversation LIMIT 10');
    const rows = response.body.result as [string, string | null][];

    expect(rows[0]?.[0]).toBe('9007199254740993');
    const titles = rows.map((row) => row[1]);
    expect(titles).toContain('=HYPERLINK("https://example.com","Click me")');
    expect(titles).toContain('@support please escalate');
    expect(titles).toContain('');
    expect(titles).toContain(null);
    expect(titles.some((title) => title?.includes('\n'))).toBe(true);
    expect(titles.some((title) => title?.includes('🙂'))).toBe(true);
  });

  it('lists every demo table and its columns in information_schema', async () => {
    const tables = await server.sql(token, 'demo', 'SELECT table_name FROM information_schema.tables ORDER BY table_name');
    const columns = await server.sql(token, 'demo', "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'billing_event' ORDER BY ordinal_position");

    expect(tables.body.result).toEqual(DEMO_TABLES.map((name) => [name]));
    expect(columns.body.result).toContainEqual(['amount', 'DECIMAL(38,9)']);
  });

  it('links every message to a conversation', async () => {
    const response = await server.sql(token, 'demo', 'SELECT count(*) FROM message m LEFT JOIN conversation c ON c.id = m.conversation_id WHERE c.id IS NULL');

    expect(response.body.result).toEqual([['0']]);
  });
});
