import { describe, expect, it } from 'vitest';
import { statementAt } from '../src/editor/statement-at-cursor.js';

/** Returns the statement text at the `|` marker, which is removed from the SQL first. */
function at(marked: string): string | null {
  const offset = marked.indexOf('|');
  expect(offset).toBeGreaterThanOrEqual(0);
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const statement = statementAt(text, offset);
  if (statement !== null) expect(text.slice(statement.start, statement.end)).toBe(statement.text);
  return statement?.text ?? null;
}

describe('statementAt', () => {
  it('returns the only statement', () => {
    expect(at('SELECT |1')).toBe('SELECT 1');
    expect(statementAt('  SELECT 1  ', 0)).toEqual({ text: 'SELECT 1', start: 2, end: 10 });
  });

  it('picks the statement around the cursor', () => {
    const text = 'SELECT 1;\nSELECT 2;\nSELECT 3';
    expect(at(text.replace('SELECT 2', 'SEL|ECT 2'))).toBe('SELECT 2');
    expect(at(text.replace('SELECT 3', 'SELECT 3|'))).toBe('SELECT 3');
    expect(at(`|${text}`)).toBe('SELECT 1');
  });

  it('gives a cursor right after a semicolon to the statement before', () => {
    expect(at('SELECT 1;|SELECT 2')).toBe('SELECT 1');
    expect(at('SELECT 1;| SELECT 2')).toBe('SELECT 1');
    expect(at('SELECT 1; |SELECT 2')).toBe('SELECT 2');
  });

  it('skips a blank part in favour of the previous statement', () => {
    expect(at('SELECT 1;\n\n|')).toBe('SELECT 1');
    expect(at('SELECT 1;\n  |  ;\nSELECT 2')).toBe('SELECT 1');
    expect(at('SELECT 1;\n-- just a note |\n')).toBe('SELECT 1');
  });

  it('falls back to the next statement when none comes before', () => {
    expect(at('|  ;\nSELECT 2')).toBe('SELECT 2');
  });

  it('returns null for text without a statement', () => {
    expect(at('|')).toBeNull();
    expect(at('  ; ;\n|')).toBeNull();
    expect(at('-- only a comment|')).toBeNull();
    expect(at('/* only */ ; |')).toBeNull();
  });

  it('ignores semicolons in strings and quoted names', () => {
    expect(at("SELECT 'a;b', \"c;d\", `e;f` FROM t|;SELECT 2")).toBe("SELECT 'a;b', \"c;d\", `e;f` FROM t");
    expect(at("SELECT 'it\\'s; fine' |")).toBe("SELECT 'it\\'s; fine'");
    expect(at("SELECT 'it''s; fine' |")).toBe("SELECT 'it''s; fine'");
    expect(at('SELECT `a``;b` |')).toBe('SELECT `a``;b`');
  });

  it('ignores semicolons in comments', () => {
    expect(at('SELECT 1 -- no; split\n, 2|')).toBe('SELECT 1 -- no; split\n, 2');
    expect(at('SELECT /* a; b */ 1|')).toBe('SELECT /* a; b */ 1');
  });

  it('handles nested block comments', () => {
    expect(at('SELECT /* outer /* inner; */ still; comment */ 1|; SELECT 2')).toBe(
      'SELECT /* outer /* inner; */ still; comment */ 1',
    );
  });

  it('treats hash as an ordinary character', () => {
    expect(at('SELECT 1 # x; SELECT |2')).toBe('SELECT 2');
  });

  it('trims leading and trailing comments', () => {
    expect(at('SELECT 1;\n-- the second query\nSELECT 2 -- done\n|')).toBe('SELECT 2');
  });

  it('runs an unterminated string to the end', () => {
    expect(at("SELECT 1; SELECT 'open; |")).toBe("SELECT 'open; ");
  });

  it('clamps an offset outside the text', () => {
    expect(statementAt('SELECT 1; SELECT 2', 999)?.text).toBe('SELECT 2');
    expect(statementAt('SELECT 1; SELECT 2', -5)?.text).toBe('SELECT 1');
    expect(statementAt('SELECT 1; SELECT 2', Number.NaN)?.text).toBe('SELECT 1');
  });

  it('finds a statement in 100 KB of SQL quickly', () => {
    const text = 'SELECT id, \'a;b\' /* c; */ FROM t WHERE x = "y";\n'.repeat(2200);
    expect(text.length).toBeGreaterThan(100_000);
    const started = performance.now();
    const statement = statementAt(text, 50_000);
    const elapsed = performance.now() - started;
    expect(statement?.text).toBe('SELECT id, \'a;b\' /* c; */ FROM t WHERE x = "y"');
    expect(elapsed).toBeLessThan(200);
  });
});
