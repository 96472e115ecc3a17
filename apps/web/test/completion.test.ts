import type { SchemaTable } from '@console/shared-types';
import { describe, expect, it } from 'vitest';
import { completeSql, type CompletionItem, type CompletionResult } from '../src/editor/completion/complete-sql.js';

const SCHEMA: SchemaTable[] = [
  {
    schema: 'main',
    name: 'conversation',
    columns: [
      { name: 'id', type: 'BIGINT' },
      { name: 'workspace_id', type: 'BIGINT' },
      { name: 'title', type: 'STRING' },
      { name: 'created_at', type: 'TIMESTAMP' },
    ],
  },
  {
    schema: 'main',
    name: 'message',
    columns: [
      { name: 'id', type: 'BIGINT' },
      { name: 'conversation_id', type: 'BIGINT' },
      { name: 'body', type: 'STRING' },
      { name: 'sent at', type: 'TIMESTAMP' },
      { name: 'order', type: 'INT' },
    ],
  },
  { schema: 'main', name: 'user', columns: [{ name: 'email', type: 'STRING' }] },
  { schema: 'billing', name: 'invoice', columns: [{ name: 'amount', type: 'DECIMAL(38,9)' }] },
  { schema: 'billing', name: 'message', columns: [{ name: 'billing_note', type: 'STRING' }] },
];

/** Completes at the `|` marker, which is removed from the SQL first. */
function complete(marked: string, tables: SchemaTable[] = SCHEMA): CompletionResult & { text: string } {
  const offset = marked.indexOf('|');
  expect(offset).toBeGreaterThanOrEqual(0);
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { ...completeSql(tables, text, offset), text };
}

function labels(marked: string, kind?: CompletionItem['kind']): string[] {
  return complete(marked)
    .items.filter((item) => kind === undefined || item.kind === kind)
    .map((item) => item.label);
}

function item(marked: string, label: string): CompletionItem | undefined {
  return complete(marked).items.find((candidate) => candidate.label === label);
}

describe('completeSql tables', () => {
  it('offers tables after FROM', () => {
    const tables = labels('SELECT * FROM |', 'table');
    expect(tables).toContain('conversation');
    expect(tables).toContain('invoice');
    expect(labels('SELECT * FROM |', 'column')).toEqual([]);
  });

  it('offers tables after JOIN and after a comma in FROM', () => {
    expect(labels('SELECT * FROM conversation c JOIN |', 'table')).toContain('invoice');
    expect(labels('SELECT * FROM conversation c LEFT OUTER JOIN |', 'table')).toContain('main.message');
    expect(labels('SELECT * FROM conversation c, |', 'table')).toContain('invoice');
  });

  it('qualifies a table name found in two schemas', () => {
    const qualified = item('SELECT * FROM |', 'billing.message');
    expect(qualified?.insertText).toBe('billing.message');
    expect(item('SELECT * FROM |', 'main.message')?.insertText).toBe('main.message');
    expect(labels('SELECT * FROM |', 'table')).not.toContain('message');
  });

  it('offers schemas when there are several', () => {
    expect(labels('SELECT * FROM |', 'schema')).toEqual(['main', 'billing']);
  });

  it('offers the tables of a schema after its name and a dot', () => {
    expect(labels('SELECT * FROM billing.|', 'table')).toEqual(['invoice', 'message']);
    expect(labels('SELECT * FROM spark_catalog.billing.inv|', 'table')).toEqual(['invoice', 'message']);
  });

  it('quotes a reserved table name', () => {
    expect(item('SELECT * FROM |', 'user')?.insertText).toBe('`user`');
  });

  it('offers CTE names after FROM', () => {
    const result = labels('WITH recent AS (SELECT id FROM conversation) SELECT * FROM |', 'table');
    expect(result[0]).toBe('recent');
  });

  it('replaces the table name being typed', () => {
    const result = complete('SELECT * FROM conv| WHERE 1 = 1');
    expect(result.text.slice(result.replaceStart, result.replaceEnd)).toBe('conv');
    expect(result.items.map((i) => i.label)).toContain('conversation');
  });
});

describe('completeSql aliases', () => {
  const joined = 'SELECT * FROM conversation c JOIN message AS m ON m.|';

  it('offers the columns of an AS alias', () => {
    expect(labels(joined, 'column')).toEqual(['id', 'conversation_id', 'body', 'sent at', 'order']);
  });

  it('offers the columns of a bare alias', () => {
    expect(labels('SELECT * FROM conversation c JOIN message AS m ON c.|', 'column')).toEqual([
      'id',
      'workspace_id',
      'title',
      'created_at',
    ]);
  });

  it('finds aliases declared after the cursor', () => {
    expect(labels('SELECT c.| FROM conversation c', 'column')).toContain('title');
    const sql = 'SELECT c.ti|, m.body FROM conversation AS c JOIN message m ON m.conversation_id = c.id';
    expect(labels(sql, 'column')).toContain('title');
  });

  it('quotes column names that need it', () => {
    expect(item(joined, 'sent at')?.insertText).toBe('`sent at`');
    expect(item(joined, 'order')?.insertText).toBe('`order`');
    expect(item(joined, 'body')?.insertText).toBe('body');
  });

  it('shows the column type and table', () => {
    expect(item(joined, 'body')?.detail).toBe('STRING · message');
    expect(item('SELECT m.| FROM billing.message m', 'billing_note')?.detail).toBe('STRING · billing.message');
  });

  it('uses a table name without alias as a qualifier', () => {
    expect(labels('SELECT conversation.| FROM conversation', 'column')).toContain('created_at');
  });

  it('reads schema-qualified table references', () => {
    expect(labels('SELECT i.| FROM billing.invoice i', 'column')).toEqual(['amount']);
    expect(labels('SELECT m.| FROM billing.message m', 'column')).toEqual(['billing_note']);
    expect(labels('SELECT m.| FROM `main`.`message` AS `m`', 'column')).toContain('conversation_id');
  });

  it('completes a fully qualified column without FROM', () => {
    expect(labels('SELECT billing.invoice.|', 'column')).toEqual(['amount']);
  });

  it('offers nothing for an unknown qualifier', () => {
    expect(complete('SELECT x.| FROM conversation c').items).toEqual([]);
  });

  it('does not take a keyword for an alias', () => {
    expect(labels('SELECT conversation.| FROM conversation WHERE id > 1', 'column')).toContain('title');
    expect(labels('SELECT message.| FROM conversation JOIN message ON 1 = 1', 'column')).toContain('body');
  });

  it('quotes every name after a typed backtick', () => {
    const result = complete('SELECT m.`bo| FROM message m');
    expect(result.text.slice(result.replaceStart, result.replaceEnd)).toBe('`bo');
    expect(result.items.find((i) => i.label === 'body')?.insertText).toBe('`body`');
  });
});

describe('completeSql columns in scope', () => {
  it('offers columns of every table in the statement', () => {
    const columns = labels('SELECT | FROM conversation c JOIN message m ON m.conversation_id = c.id', 'column');
    expect(columns).toContain('title');
    expect(columns).toContain('body');
    expect(columns).not.toContain('amount');
  });

  it('offers aliases, functions and keywords with the columns', () => {
    const result = complete('SELECT * FROM conversation c WHERE |').items;
    expect(result.find((i) => i.label === 'c')).toMatchObject({ kind: 'alias', detail: 'alias of conversation' });
    expect(result.find((i) => i.label === 'date_trunc')).toMatchObject({
      kind: 'function',
      detail: 'date_trunc(unit, ts)',
      insertText: 'date_trunc($0)',
      isSnippet: true,
    });
    expect(result.find((i) => i.label === 'current_date')?.insertText).toBe('current_date()');
    expect(result.find((i) => i.label === 'GROUP BY')?.kind).toBe('keyword');
  });

  it('sorts columns before tables, functions and keywords', () => {
    const result = complete('SELECT * FROM conversation c WHERE |').items;
    const sortOf = (label: string): string => result.find((i) => i.label === label)?.sortText ?? '';
    expect(sortOf('title') < sortOf('c')).toBe(true);
    expect(sortOf('c') < sortOf('count')).toBe(true);
    expect(sortOf('count') < sortOf('SELECT')).toBe(true);
  });

  it('keeps the scope to the statement under the cursor', () => {
    const columns = labels('SELECT * FROM message;\nSELECT | FROM conversation;\nSELECT * FROM invoice', 'column');
    expect(columns).toContain('title');
    expect(columns).not.toContain('body');
    expect(columns).not.toContain('amount');
  });

  it('includes tables of subqueries', () => {
    const sql = 'SELECT * FROM conversation WHERE id IN (SELECT conversation_id FROM message WHERE |)';
    expect(labels(sql, 'column')).toContain('body');
  });

  it('offers names given in SELECT', () => {
    const result = complete('SELECT count(*) AS n, title FROM conversation GROUP BY title ORDER BY |').items;
    expect(result.find((i) => i.label === 'n')).toMatchObject({ kind: 'alias', detail: 'name given in SELECT' });
    expect(result.filter((i) => i.label === 'title').map((i) => i.kind)).toEqual(['column']);
  });

  it('offers every table column before FROM is written', () => {
    const result = complete('SELECT | ').items;
    expect(result.find((i) => i.label === 'amount')?.detail).toBe('DECIMAL(38,9) · billing.invoice');
    expect(result.find((i) => i.label === 'title')?.detail).toBe('STRING · main.conversation');
  });

  it('offers keywords but no columns at the statement start', () => {
    const result = complete('SEL|').items;
    expect(result.map((i) => i.label)).toContain('SELECT');
    expect(result.every((i) => i.kind === 'keyword')).toBe(true);
  });

  it('offers keywords after a table in FROM', () => {
    const kinds = new Set(complete('SELECT * FROM conversation c |').items.map((i) => i.kind));
    expect([...kinds]).toEqual(['keyword']);
  });

  it('offers type names inside CAST', () => {
    expect(labels('SELECT CAST(id AS |) FROM conversation', 'keyword')).toContain('BIGINT');
    expect(labels('SELECT try_cast(id AS DEC|) FROM conversation', 'keyword')).toContain('DECIMAL');
  });
});

describe('completeSql CTEs and subqueries', () => {
  it('offers the columns a CTE selects', () => {
    const sql = 'WITH recent AS (SELECT id, title AS name, created_at FROM conversation) SELECT r.| FROM recent r';
    expect(labels(sql, 'column')).toEqual(['id', 'name', 'created_at']);
    expect(item(sql, 'name')?.detail).toBe('STRING · recent');
  });

  it('expands star in a CTE', () => {
    const sql = 'WITH m AS (SELECT * FROM message) SELECT m.| FROM m';
    expect(labels(sql, 'column')).toEqual(['id', 'conversation_id', 'body', 'sent at', 'order']);
  });

  it('expands a qualified star and implicit aliases', () => {
    const sql =
      'WITH x AS (SELECT c.*, count(*) n, m.body note FROM conversation c JOIN message m ON 1 = 1 GROUP BY 1) ' +
      'SELECT x.| FROM x';
    expect(labels(sql, 'column')).toEqual(['id', 'workspace_id', 'title', 'created_at', 'n', 'note']);
  });

  it('uses a CTE column list', () => {
    const sql = 'WITH t(a, b) AS (SELECT id, title FROM conversation) SELECT t.| FROM t';
    expect(labels(sql, 'column')).toEqual(['a', 'b']);
  });

  it('reads chained CTEs', () => {
    const sql = 'WITH a AS (SELECT id, title FROM conversation), b AS (SELECT * FROM a) SELECT b.| FROM b';
    expect(labels(sql, 'column')).toEqual(['id', 'title']);
  });

  it('completes a CTE name used as a qualifier', () => {
    expect(labels('WITH a AS (SELECT id FROM conversation) SELECT a.| FROM a', 'column')).toEqual(['id']);
  });

  it('offers the columns of a subquery alias', () => {
    const sql = 'SELECT s.| FROM (SELECT id AS conversation_key, title FROM conversation) AS s';
    expect(labels(sql, 'column')).toEqual(['conversation_key', 'title']);
  });

  it('survives a CTE that reads itself', () => {
    const sql = 'WITH RECURSIVE r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r) SELECT r.| FROM r';
    expect(labels(sql, 'column')).toEqual(['n']);
  });
});

describe('completeSql cursor positions', () => {
  it('offers nothing inside a string or comment', () => {
    expect(complete("SELECT 'conv|' FROM conversation").items).toEqual([]);
    expect(complete('SELECT 1 -- FROM |').items).toEqual([]);
    expect(complete('SELECT /* c.| */ 1 FROM conversation c').items).toEqual([]);
    expect(complete("SELECT 'open|").items).toEqual([]);
  });

  it('offers nothing while an alias is being named', () => {
    expect(complete('SELECT id AS | FROM conversation').items).toEqual([]);
  });

  it('reports the range of the name being typed', () => {
    const result = complete('SELECT c.tit|le FROM conversation c');
    expect(result.text.slice(result.replaceStart, result.replaceEnd)).toBe('title');
    const empty = complete('SELECT c.| FROM conversation c');
    expect(empty.replaceStart).toBe(empty.replaceEnd);
  });

  it('completes within 100 KB of SQL quickly', () => {
    const filler = 'SELECT c.id, m.body FROM conversation c JOIN message m ON m.conversation_id = c.id;\n'.repeat(1200);
    const marked = `${filler}SELECT m.| FROM message m;\n${filler}`;
    expect(marked.length).toBeGreaterThan(100_000);
    const started = performance.now();
    const columns = labels(marked, 'column');
    const elapsed = performance.now() - started;
    expect(columns).toContain('body');
    expect(elapsed).toBeLessThan(250);
  });

  it('uses double quotes when asked', () => {
    const result = completeSql(SCHEMA, 'SELECT * FROM ', 14, { identifierQuote: '"' });
    expect(result.items.find((i) => i.label === 'user')?.insertText).toBe('"user"');
  });

  it('works with an empty schema', () => {
    expect(completeSql([], 'SELECT * FROM ', 14).items).toEqual([]);
    expect(completeSql([], '', 0).items.length).toBeGreaterThan(0);
  });
});
