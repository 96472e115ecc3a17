import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgDatabasePath, pathExists } from '../src/data-dir.js';
import { READ_ONLY_OPTIONS } from '../src/engine-options.js';
import type { SqlApiError } from '../src/errors.js';
import { StatementClassifier } from '../src/statement-classifier.js';
import { errorOf, useFixtureServer } from './fixture.js';

const context = useFixtureServer();

/** [SQL, the statement kind the message must name] */
const REJECTED: [string, string][] = [
  ["INSERT INTO item VALUES (4, 'new', 1, NULL)", 'INSERT'],
  ["UPDATE item SET name = 'changed'", 'UPDATE'],
  ['DELETE FROM item', 'DELETE'],
  ['CREATE TABLE copy_of_item AS SELECT * FROM item', 'CREATE TABLE'],
  ['CREATE OR REPLACE VIEW v AS SELECT 1', 'CREATE OR REPLACE'],
  ['DROP TABLE item', 'DROP TABLE'],
  ['ALTER TABLE item ADD COLUMN extra INTEGER', 'ALTER TABLE'],
  ["COPY item TO '/tmp/sql-api-copy-test.csv'", 'COPY'],
  ["ATTACH '/tmp/sql-api-attach-test.duckdb' AS other", 'ATTACH'],
  ['DETACH other', 'DETACH'],
  ["SET threads = 1", 'SET'],
  ['RESET threads', 'RESET'],
  ['PRAGMA version', 'PRAGMA'],
  ['INSTALL httpfs', 'INSTALL'],
  ['LOAD httpfs', 'LOAD'],
  ["EXPORT DATABASE '/tmp/sql-api-export-test'", 'EXPORT DATABASE'],
  ["IMPORT DATABASE '/tmp/sql-api-export-test'", 'IMPORT DATABASE'],
  ['CALL duckdb_settings()', 'CALL'],
  ['EXPLAIN SELECT 1', 'EXPLAIN'],
  ['CHECKPOINT', 'CHECKPOINT'],
  ['BEGIN TRANSACTION', 'BEGIN'],
  ['VACUUM', 'VACUUM'],
  ['WITH x AS (SELECT 1 AS id) INSERT INTO item SELECT id, NULL, NULL, NULL FROM x', 'WITH ... INSERT'],
  ["/* comment */ -- another\n  insert into item values (5, 'x', 1, NULL)", 'INSERT'],
];

describe('read-only classification', () => {
  it.each(REJECTED)('rejects %s with 400', async (sql, kind) => {
    const response = await context.server.sql(context.fixture.tokens.alphaAdmin, 'alpha', sql);

    expect(response.status).toBe(400);
    expect(errorOf(response).code).toBe('not_read_only');
    const article = /^[AEIOU]/.test(kind) ? 'an' : 'a';
    expect(errorOf(response).message).toContain(`Found ${article} ${kind} statement`);
  });

  it('rejects two statements even when both are SELECT', async () => {
    const response = await context.server.sql(context.fixture.tokens.alphaAdmin, 'alpha', 'SELECT 1; SELECT 2');

    expect(response.status).toBe(400);
    expect(errorOf(response).code).toBe('not_read_only');
    expect(errorOf(response).message).toContain('Found 2 statements');
  });

  it('rejects a SELECT followed by a write', async () => {
    const response = await context.server.sql(context.fixture.tokens.alphaAdmin, 'alpha', "SELECT 1; DELETE FROM item");

    expect(response.status).toBe(400);
    expect(errorOf(response).message).toContain('Found 2 statements');
    const rows = await context.server.sql(context.fixture.tokens.alphaAdmin, 'alpha', 'SELECT count(*) FROM item');
    expect(rows.body.result).toEqual([['3']]);
  });

  it('rejects text with only comments', async () => {
    const response = await context.server.sql(context.fixture.tokens.alphaAdmin, 'alpha', '-- nothing here\n/* or here */');

    expect(response.status).toBe(400);
    expect(errorOf(response).code).toBe('invalid_request');
    expect(errorOf(response).message).toContain('no statement');
  });

  it('points at the rejected keyword', async () => {
    const response = await context.server.sql(context.fixture.tokens.alphaAdmin, 'alpha', '\n  DELETE FROM item');

    expect(errorOf(response).position).toEqual({ line: 2, column: 3 });
  });

  it('does not create the EXPORT directory', async () => {
    const target = path.join(context.fixture.dataDir, 'exported');
    await context.server.sql(context.fixture.tokens.alphaAdmin, 'alpha', `EXPORT DATABASE '${target}'`);

    expect(await pathExists(target)).toBe(false);
  });

  it.each([
    ['SELECT 1 AS one'],
    ['FROM item SELECT id'],
    ['WITH t AS (SELECT 2 AS two) SELECT * FROM t'],
    ['VALUES (1), (2)'],
    ['DESCRIBE item'],
    ['SHOW TABLES'],
    ['SUMMARIZE item'],
    ['SELECT 1;'],
    ['(SELECT 1) UNION ALL (SELECT 2)'],
  ])('accepts the query %s', async (sql) => {
    const response = await context.server.sql(context.fixture.tokens.alphaAdmin, 'alpha', sql);

    expect(response.status).toBe(200);
  });
});

describe('the classifier', () => {
  it('classifies concurrent checks independently', async () => {
    const classifier = await StatementClassifier.create();
    try {
      // [SQL, a part of the error message expected, or null when the statement is accepted]
      const cases: [string, string | null][] = [
        ['SELECT 1', null],
        ['DELETE FROM item', 'Found a DELETE statement'],
        ['SELEC 1', 'Parser Error'],
        ['SELECT 1; SELECT 2', 'Found 2 statements'],
        ['FROM item', null],
        ["INSERT INTO item VALUES (4, 'new', 1, NULL)", 'Found an INSERT statement'],
      ];
      // Three rounds of twelve checks at once: more than the connections kept idle between rounds.
      for (let round = 0; round < 3; round += 1) {
        const batch = [...cases, ...cases];
        const outcomes = await Promise.allSettled(batch.map(([sql]) => classifier.assertSingleSelect(sql)));
        outcomes.forEach((outcome, index) => {
          const expected = batch[index]?.[1] ?? null;
          if (expected === null) {
            expect(outcome.status).toBe('fulfilled');
            return;
          }
          expect(outcome.status).toBe('rejected');
          if (outcome.status === 'rejected') expect((outcome.reason as SqlApiError).message).toContain(expected);
        });
      }
    } finally {
      classifier.close();
    }
  });
});

describe('read-only enforced by the engine', () => {
  it('fails read_csv on a local file even as a SELECT', async () => {
    const response = await context.server.sql(context.fixture.tokens.alphaAdmin, 'alpha', "SELECT * FROM read_csv('/etc/passwd')");

    expect(response.status).toBe(400);
    expect(errorOf(response).code).toBe('sql_error');
    expect(errorOf(response).message).toContain('disabled by configuration');
  });

  it('fails read_text and glob as a SELECT', async () => {
    for (const sql of ["SELECT * FROM read_text('/etc/hostname')", "SELECT * FROM glob('/etc/*')"]) {
      const response = await context.server.sql(context.fixture.tokens.alphaAdmin, 'alpha', sql);
      expect(response.status).toBe(400);
      expect(errorOf(response).message).toContain('disabled by configuration');
    }
  });

  it('shows the settings that lock the database down', async () => {
    const response = await context.server.sql(
      context.fixture.tokens.alphaAdmin,
      'alpha',
      "SELECT name, value FROM duckdb_settings() WHERE name IN ('access_mode', 'enable_external_access', 'lock_configuration') ORDER BY name",
    );

    expect(response.body.result).toEqual([
      ['access_mode', 'read_only'],
      ['enable_external_access', 'false'],
      ['lock_configuration', 'true'],
    ]);
  });

  // These statements run straight on a database opened the way the server
  // opens it, as if the classifier had let them through.
  describe('without the classifier', () => {
    let instance: DuckDBInstance;

    beforeAll(async () => {
      await mkdir(path.join(context.fixture.dataDir, 'engine'), { recursive: true });
      instance = await DuckDBInstance.create(orgDatabasePath(context.fixture.dataDir, 'beta'), READ_ONLY_OPTIONS);
    });

    afterAll(() => {
      instance.closeSync();
    });

    it.each([
      ["SELECT * FROM read_csv('/etc/passwd')", 'disabled by configuration'],
      [`COPY item TO '${'/tmp/sql-api-engine-copy.csv'}'`, 'disabled by configuration'],
      ["ATTACH '/tmp/sql-api-engine-attach.duckdb' AS other", 'disabled by configuration'],
      ['SET enable_external_access = true', 'locked'],
      ['SET threads = 1', 'locked'],
      ["PRAGMA memory_limit = '1GB'", 'locked'],
      ["INSERT INTO item VALUES (1, 'x')", 'read-only'],
      ['CREATE TABLE z (a INTEGER)', 'read-only'],
      ['LOAD httpfs', 'disabled through configuration'],
      ['INSTALL httpfs', 'disabled by configuration'],
    ])('fails %s', async (sql, expected) => {
      const connection = await instance.connect();
      try {
        await expect(connection.run(sql)).rejects.toThrow(expected);
      } finally {
        connection.closeSync();
      }
    });

    it('fails EXPORT without creating its directory', async () => {
      const target = path.join(context.fixture.dataDir, 'engine', 'export-target');
      const connection = await instance.connect();
      try {
        await expect(connection.run(`EXPORT DATABASE '${target}'`)).rejects.toThrow('disabled by configuration');
      } finally {
        connection.closeSync();
      }

      expect(await pathExists(target)).toBe(false);
    });

    it('leaves the attached COPY and ATTACH targets absent', async () => {
      expect(await pathExists('/tmp/sql-api-engine-copy.csv')).toBe(false);
      expect(await pathExists('/tmp/sql-api-engine-attach.duckdb')).toBe(false);
    });
  });
});
