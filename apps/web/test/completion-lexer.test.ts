import { describe, expect, it } from 'vitest';
import { SQL_FUNCTIONS } from '../src/editor/completion/functions.js';
import { QUERY_KEYWORDS } from '../src/editor/completion/keywords.js';
import { quoteIdentifier } from '../src/editor/completion/quote-identifier.js';
import { identifierName, lexSql } from '../src/editor/completion/sql-lexer.js';

function kinds(text: string): string[] {
  return lexSql(text).map((token) => `${token.kind}:${token.text}`);
}

describe('lexSql', () => {
  it('splits words, numbers and punctuation', () => {
    expect(kinds('SELECT a.b, 1.5e3, 10L FROM t;')).toEqual([
      'word:SELECT',
      'word:a',
      'punct:.',
      'word:b',
      'punct:,',
      'number:1.5e3',
      'punct:,',
      'number:10L',
      'word:FROM',
      'word:t',
      'punct:;',
    ]);
  });

  it('keeps offsets of every token', () => {
    const text = "  x  'y' `z`";
    for (const token of lexSql(text)) expect(text.slice(token.start, token.end)).toBe(token.text);
  });

  it('reads strings with backslash escapes', () => {
    expect(kinds("'it\\'s' \"a\\\"b\"")).toEqual(["string:'it\\'s'", 'string:"a\\"b"']);
  });

  it('reads quoted names with doubled backticks', () => {
    const [token] = lexSql('`my ``odd`` name`');
    expect(token?.kind).toBe('quoted');
    expect(token === undefined ? '' : identifierName(token)).toBe('my `odd` name');
  });

  it('reads line and nested block comments', () => {
    expect(kinds('a -- note\nb /* x /* y */ z */ c')).toEqual([
      'word:a',
      'comment:-- note',
      'word:b',
      'comment:/* x /* y */ z */',
      'word:c',
    ]);
  });

  it('marks unterminated tokens', () => {
    for (const text of ["'open", '`open', '/* open', '/* a /* b */']) {
      const [token] = lexSql(text);
      expect(token?.terminated, text).toBe(false);
      expect(token?.end, text).toBe(text.length);
    }
  });

  it('reads a name of an unclosed backtick without the quote', () => {
    const [token] = lexSql('`sent at');
    expect(token === undefined ? '' : identifierName(token)).toBe('sent at');
  });

  it('treats hash and non-ASCII letters plainly', () => {
    expect(kinds('# café_1 日本')).toEqual(['punct:#', 'word:café_1', 'word:日本']);
  });
});

describe('quoteIdentifier', () => {
  it('leaves plain names bare', () => {
    expect(quoteIdentifier('conversation_id')).toBe('conversation_id');
    expect(quoteIdentifier('_x1')).toBe('_x1');
  });

  it('quotes names that need it', () => {
    expect(quoteIdentifier('sent at')).toBe('`sent at`');
    expect(quoteIdentifier('1st')).toBe('`1st`');
    expect(quoteIdentifier('café')).toBe('`café`');
    expect(quoteIdentifier('a-b')).toBe('`a-b`');
    expect(quoteIdentifier('')).toBe('``');
  });

  it('quotes reserved words in any case', () => {
    expect(quoteIdentifier('order')).toBe('`order`');
    expect(quoteIdentifier('User')).toBe('`User`');
    expect(quoteIdentifier('select')).toBe('`select`');
  });

  it('doubles the quote inside a name', () => {
    expect(quoteIdentifier('a`b')).toBe('`a``b`');
    expect(quoteIdentifier('say "x"', '"')).toBe('"say ""x"""');
  });
});

describe('completion word lists', () => {
  it('lists each function once with a signature', () => {
    const names = SQL_FUNCTIONS.map((fn) => fn.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThan(250);
    for (const fn of SQL_FUNCTIONS) {
      expect(fn.name, fn.signature).toMatch(/^[a-z_][a-z0-9_]*$/);
      expect(fn.signature.startsWith(`${fn.name}(`), fn.signature).toBe(true);
      expect(fn.signature.endsWith(')'), fn.signature).toBe(true);
    }
  });

  it('lists each keyword once in upper case', () => {
    expect(new Set(QUERY_KEYWORDS).size).toBe(QUERY_KEYWORDS.length);
    for (const keyword of QUERY_KEYWORDS) expect(keyword).toBe(keyword.toUpperCase());
  });
});
