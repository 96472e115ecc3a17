import { describe, expect, it } from 'vitest';

import { normalizeSql } from '../src/sql/normalize.js';
import { loadCorpus } from './fixtures/read-only-corpus/load-corpus.js';

describe('normalizeSql', () => {
  it('collapses whitespace runs and trims', () => {
    expect(normalizeSql('  SELECT\n\t a ,  b\r\n FROM   t  ')).toBe('SELECT a , b FROM t');
  });

  it('removes line and block comments', () => {
    expect(normalizeSql('SELECT /* which */ a -- trailing note\nFROM t /* nested /* inner */ outer */')).toBe('SELECT a FROM t');
  });

  it('turns a comment between touching tokens into a space', () => {
    expect(normalizeSql('SELECT/**/a')).toBe('SELECT a');
  });

  it('keeps touching tokens touching', () => {
    expect(normalizeSql('SELECT a,b')).toBe('SELECT a,b');
  });

  it('drops one trailing semicolon', () => {
    expect(normalizeSql('SELECT 1 ; -- done')).toBe('SELECT 1');
    expect(normalizeSql('SELECT 1;;')).toBe('SELECT 1;');
  });

  it('keeps quoted text exactly', () => {
    const sql = "SELECT 'a  b', \"c\td\", `e  f`, '-- not a comment', '/* nor this */'";
    expect(normalizeSql(sql)).toBe(sql);
  });

  it('keeps optimizer hints', () => {
    expect(normalizeSql('SELECT  /*+ BROADCAST(t) */  *  FROM t')).toBe('SELECT /*+ BROADCAST(t) */ * FROM t');
  });

  it('treats Unicode spaces as whitespace', () => {
    expect(normalizeSql('SELECT\u00A0a\u200B,b\u3000FROM t\uFEFF')).toBe('SELECT a ,b FROM t');
  });

  it('gives the same key to reformatted TPC-H queries', () => {
    const tpchCases = loadCorpus().filter((c) => c.file === 'tpch.sql' && c.expected === 'accept');
    expect(tpchCases.length).toBeGreaterThanOrEqual(22);
    for (const c of tpchCases) {
      const reformatted = `-- ${c.id}\n${c.sql.replace(/\n */g, '  /* line */\r\n\t\t')}\n-- end`;
      expect(normalizeSql(reformatted), c.id).toBe(normalizeSql(c.sql));
    }
  });

  it('gives different keys to texts that differ inside a string', () => {
    expect(normalizeSql("SELECT 'a'")).not.toBe(normalizeSql("SELECT 'b'"));
    expect(normalizeSql("SELECT 'a b'")).not.toBe(normalizeSql("SELECT 'a  b'"));
    expect(normalizeSql("SELECT '-- x'")).not.toBe(normalizeSql("SELECT '--  x'"));
  });

  it('keeps the rest of the text after a lexical error', () => {
    expect(normalizeSql("SELECT  'abc  def")).toBe("SELECT 'abc  def");
    expect(normalizeSql('SELECT  1  /* open')).toBe('SELECT 1 /* open');
    expect(normalizeSql('SELECT DEL\u200BETE')).toBe('SELECT DEL\u200BETE');
  });

  it('returns an empty key for empty text', () => {
    expect(normalizeSql('')).toBe('');
    expect(normalizeSql(' -- nothing\n/* here */ ')).toBe('');
  });
});
