import {
  formatCodePoint,
  isDigit,
  isInvisible,
  isLetter,
  isSpace,
  isUriPart,
  isWordPart,
  isWordStart,
} from './characters.js';
import type { Dialect } from './dialects.js';

export type TokenKind = 'word' | 'quoted-identifier' | 'string' | 'number' | 'operator' | 'hint-start' | 'hint-end';

export interface Token {
  kind: TokenKind;
  /** UTF-16 offsets into the text, end exclusive. */
  start: number;
  end: number;
  /**
   * A word in upper case (after NFKC for non-ASCII words, so `ＤＥＬＥＴＥ` reads
   * as DELETE); '' for other kinds and for ASCII words too long to be keywords.
   */
  upper: string;
  /** Inside a Spark optimizer hint. */
  inHint: boolean;
}

/** Text that no engine of the dialect can lex; `found` completes "... but X was found". */
export interface LexError {
  found: string;
  start: number;
  end: number;
  /**
   * Reported even by a secondary reading. An unclosed `$$` string fails in
   * every engine: Spark and MySQL cannot lex `$` at all.
   */
  failsEverywhere?: boolean;
}

export interface LexResult {
  tokens: Token[];
  /** Set when lexing stopped early; `tokens` then contains what came before. */
  error: LexError | undefined;
}

/** Multi-character operators, longest first, so `<=>` is one token and not `<=` then `>`. */
const OPERATORS = [
  '<=>', '->>', '>>>', '#>>',
  '<=', '>=', '<>', '!=', '==', '||', '::', '->', '=>', '<<', '>>', '!<', '!>', '&&', '@>', '<@', '#>', '**', ':=',
];

/** The multi-character operators by their first character, so most operator characters need no search. */
const OPERATORS_BY_FIRST = new Map<number, string[]>();
for (const operator of OPERATORS) {
  const first = operator.charCodeAt(0);
  OPERATORS_BY_FIRST.set(first, [...(OPERATORS_BY_FIRST.get(first) ?? []), operator]);
}

/** Longer than any keyword in statement-words.ts. */
const MAX_KEYWORD_LENGTH = 16;

const BACKSLASH = 0x5c;
const LF = 0x0a;
const CR = 0x0d;

/** Splits SQL text into tokens under one dialect's quoting and comment rules; comments are dropped. */
export function tokenize(sql: string, dialect: Dialect): LexResult {
  return new Lexer(sql, dialect).run();
}

class Failure {
  constructor(readonly error: LexError) {}
}

class Lexer {
  private pos = 0;
  private readonly tokens: Token[] = [];
  private hintStart = -1;
  private executableStart = -1;

  constructor(
    private readonly sql: string,
    private readonly dialect: Dialect,
  ) {}

  run(): LexResult {
    try {
      while (this.pos < this.sql.length) this.step();
    } catch (thrown) {
      if (thrown instanceof Failure) return { tokens: this.tokens, error: thrown.error };
      throw thrown;
    }
    if (this.hintStart >= 0) return this.unclosedAtEnd('an unterminated hint', this.hintStart, 3);
    if (this.executableStart >= 0) return this.unclosedAtEnd('an unterminated comment', this.executableStart, 3);
    return { tokens: this.tokens, error: undefined };
  }

  private unclosedAtEnd(found: string, start: number, length: number): LexResult {
    return { tokens: this.tokens, error: { found, start, end: start + length } };
  }

  private step(): void {
    const sql = this.sql;
    const pos = this.pos;
    const code = sql.codePointAt(pos) ?? 0;
    const next = sql.charCodeAt(pos + 1);

    if (isSpace(code) || isInvisible(code)) {
      this.pos += code > 0xffff ? 2 : 1;
      return;
    }

    switch (code) {
      case 0x2d: // -
        if (next === 0x2d) return this.skipLineComment(pos + 2);
        break;
      case 0x2f: // /
        if (next === 0x2a) return this.openBlockComment();
        break;
      case 0x2a: // *
        if (next === 0x2f && (this.hintStart >= 0 || this.executableStart >= 0)) return this.closeCodeComment();
        break;
      case 0x23: // #
        if (this.dialect.hash === 'comment') return this.skipLineComment(pos + 1);
        if (this.dialect.hash === 'reject') {
          this.fail('a # character (Spark SQL comments start with -- or /*)', pos, pos + 1);
        }
        break;
      case 0x27: // '
        return this.scanQuoted(0x27, this.dialect.backslashEscapes, 'string', 'an unterminated string');
      case 0x22: // "
        if (this.dialect.doubleQuoted === 'string') {
          return this.scanQuoted(0x22, this.dialect.backslashEscapes, 'string', 'an unterminated string');
        }
        return this.scanQuoted(0x22, false, 'quoted-identifier', 'an unterminated quoted identifier');
      case 0x60: // `
        return this.scanQuoted(0x60, false, 'quoted-identifier', 'an unterminated quoted identifier');
      case 0x24: // $
        if (this.dialect.dollarQuotes && this.scanDollarQuoted()) return;
        break;
      case 0x2e: // .
        if (isDigit(next)) return this.scanNumber();
        break;
    }

    if (isDigit(code)) return this.scanNumber();
    if (isWordStart(code)) return this.scanWordOrPrefixedString(code, next);
    this.scanOperator();
  }

  private push(kind: TokenKind, start: number, end: number, upper = ''): void {
    this.tokens.push({ kind, start, end, upper, inHint: this.hintStart >= 0 && kind !== 'hint-start' });
  }

  private fail(found: string, start: number, end: number, failsEverywhere = false): never {
    throw new Failure({ found, start, end, failsEverywhere });
  }

  // Comments

  private skipLineComment(from: number): void {
    const sql = this.sql;
    let i = from;
    while (i < sql.length) {
      const c = sql.charCodeAt(i);
      if (c === LF || c === CR) break;
      if (c === BACKSLASH && this.dialect.commentLineContinuation && sql.charCodeAt(i + 1) === LF) {
        i += 2;
        continue;
      }
      i++;
    }
    this.pos = i;
  }

  private openBlockComment(): void {
    const third = this.sql.charCodeAt(this.pos + 2);
    const insideCode = this.hintStart >= 0 || this.executableStart >= 0;

    if (third === 0x2b && this.dialect.hintsAreCode && !insideCode) {
      this.hintStart = this.pos;
      this.push('hint-start', this.pos, this.pos + 3);
      this.pos += 3;
      return;
    }
    // MariaDB also runs `/*M! ... */`.
    const executableOpener = third === 0x21 ? 3 : third === 0x4d && this.sql.charCodeAt(this.pos + 3) === 0x21 ? 4 : 0;
    if (executableOpener > 0 && this.dialect.executableComments && !insideCode) {
      this.executableStart = this.pos;
      let i = this.pos + executableOpener;
      // MySQL reads the digits right after `/*!` as a minimum server version, not as code.
      while (isDigit(this.sql.charCodeAt(i))) i++;
      this.pos = i;
      return;
    }
    this.skipBlockComment();
  }

  private skipBlockComment(): void {
    const sql = this.sql;
    const start = this.pos;
    let depth = 1;
    let i = start + 2;
    while (i < sql.length) {
      const c = sql.charCodeAt(i);
      if (c === 0x2a && sql.charCodeAt(i + 1) === 0x2f) {
        i += 2;
        depth--;
        if (depth === 0) {
          this.pos = i;
          return;
        }
      } else if (c === 0x2f && sql.charCodeAt(i + 1) === 0x2a && this.opensNestedComment(i)) {
        i += 2;
        depth++;
      } else {
        i++;
      }
    }
    this.fail('an unterminated comment', start, start + 2);
  }

  /** Spark does not open a nested comment at `/*+`, because that is where a hint starts. */
  private opensNestedComment(at: number): boolean {
    if (!this.dialect.nestedComments) return false;
    return !(this.dialect.hintsAreCode && this.sql.charCodeAt(at + 2) === 0x2b);
  }

  private closeCodeComment(): void {
    if (this.hintStart >= 0) {
      this.push('hint-end', this.pos, this.pos + 2);
      this.hintStart = -1;
    } else {
      this.executableStart = -1;
    }
    this.pos += 2;
  }

  // Quoted text

  /**
   * Scans a quoted token. A doubled quote stays inside the token: in Spark it
   * is two adjacent literals, in PostgreSQL an escaped quote, and either way
   * the text ends at the same place.
   */
  private scanQuoted(quote: number, backslashEscapes: boolean, kind: TokenKind, unterminated: string, from = this.pos): void {
    const sql = this.sql;
    const start = from;
    let i = this.pos + 1;
    while (i < sql.length) {
      const c = sql.charCodeAt(i);
      if (c === BACKSLASH && backslashEscapes) {
        i += 2;
      } else if (c === quote) {
        if (sql.charCodeAt(i + 1) === quote) {
          i += 2;
        } else {
          this.push(kind, start, i + 1);
          this.pos = i + 1;
          return;
        }
      } else {
        i++;
      }
    }
    this.fail(unterminated, start, start + 1);
  }

  /** Spark's raw strings end at the first matching quote: no escapes, no doubling. */
  private scanRawString(): void {
    const start = this.pos;
    const quote = this.sql.charCodeAt(start + 1);
    const close = this.sql.indexOf(String.fromCharCode(quote), start + 2);
    if (close < 0) this.fail('an unterminated string', start, start + 2);
    this.push('string', start, close + 1);
    this.pos = close + 1;
  }

  /** Returns false when the `$` does not open a dollar quote (`$1` is a parameter). */
  private scanDollarQuoted(): boolean {
    const sql = this.sql;
    const start = this.pos;
    let i = start + 1;
    if (sql.charCodeAt(i) !== 0x24) {
      const first = sql.codePointAt(i) ?? 0;
      if (!isWordStart(first)) return false;
      while (i < sql.length && sql.charCodeAt(i) !== 0x24 && isWordPart(sql.codePointAt(i) ?? 0)) i++;
      if (sql.charCodeAt(i) !== 0x24) return false;
    }
    const delimiter = sql.slice(start, i + 1);
    const close = sql.indexOf(delimiter, i + 1);
    if (close < 0) this.fail('an unterminated dollar-quoted string', start, i + 1, true);
    this.push('string', start, close + delimiter.length);
    this.pos = close + delimiter.length;
    return true;
  }

  // Numbers, words and operators

  /** Digits, a fraction and an exponent; letters after them (`1L`, `1delete`) form the next token. */
  private scanNumber(): void {
    const sql = this.sql;
    const start = this.pos;
    let i = start;
    while (isDigit(sql.charCodeAt(i))) i++;
    if (sql.charCodeAt(i) === 0x2e) {
      i++;
      while (isDigit(sql.charCodeAt(i))) i++;
    }
    const e = sql.charCodeAt(i);
    if (e === 0x45 || e === 0x65) {
      let j = i + 1;
      const sign = sql.charCodeAt(j);
      if (sign === 0x2b || sign === 0x2d) j++;
      if (isDigit(sql.charCodeAt(j))) {
        while (isDigit(sql.charCodeAt(j))) j++;
        i = j;
      }
    }
    this.push('number', start, i);
    this.pos = i;
  }

  private scanWordOrPrefixedString(code: number, next: number): void {
    const lower = code | 0x20;
    if (this.dialect.rawStrings && lower === 0x72 && (next === 0x27 || next === 0x22)) return this.scanRawString();
    if (this.dialect.escapeStrings && lower === 0x65 && next === 0x27) {
      this.pos++;
      return this.scanQuoted(0x27, true, 'string', 'an unterminated string', this.pos - 1);
    }
    this.scanWord();
  }

  private scanWord(): void {
    const sql = this.sql;
    const start = this.pos;
    let i = start;
    let asciiOnly = true;
    let lettersOnly = true;
    while (i < sql.length) {
      const c = sql.codePointAt(i) ?? 0;
      if (!isWordPart(c)) break;
      if (c >= 0x80) asciiOnly = false;
      if (lettersOnly && this.dialect.uriIdentifiers && !isLetter(c)) lettersOnly = false;
      i += c > 0xffff ? 2 : 1;
    }

    if (this.dialect.uriIdentifiers && lettersOnly && sql.startsWith('://', i) && isUriPart(sql.codePointAt(i + 3) ?? 0)) {
      i += 3;
      while (i < sql.length && isUriPart(sql.codePointAt(i) ?? 0)) i += (sql.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
      this.push('word', start, i, sql.slice(start, i).toUpperCase());
      this.pos = i;
      return;
    }

    this.rejectInvisibleJoin(i);
    this.push('word', start, i, this.upperCase(start, i, asciiOnly));
    this.pos = i;
  }

  /**
   * Returns a word in upper case for keyword matching. Words longer than any
   * keyword the check looks for keep '' to save allocations on large texts.
   */
  private upperCase(start: number, end: number, asciiOnly: boolean): string {
    if (asciiOnly) return end - start > MAX_KEYWORD_LENGTH ? '' : this.sql.slice(start, end).toUpperCase();
    return this.sql.slice(start, end).normalize('NFKC').toUpperCase();
  }

  /**
   * Rejects an invisible character between two word characters, as in
   * `DEL\u200BETE`. The check would read two words there, while a copy step,
   * an editor or another engine that drops the character reads DELETE.
   */
  private rejectInvisibleJoin(wordEnd: number): void {
    const sql = this.sql;
    let i = wordEnd;
    while (i < sql.length && isInvisible(sql.charCodeAt(i))) i++;
    if (i > wordEnd && isWordPart(sql.codePointAt(i) ?? 0)) {
      this.fail(`a zero-width character (${formatCodePoint(sql.charCodeAt(wordEnd))}) inside a word`, wordEnd, wordEnd + 1);
    }
  }

  private scanOperator(): void {
    const sql = this.sql;
    const start = this.pos;
    for (const operator of OPERATORS_BY_FIRST.get(sql.charCodeAt(start)) ?? []) {
      if (sql.startsWith(operator, start)) {
        this.push('operator', start, start + operator.length);
        this.pos = start + operator.length;
        return;
      }
    }
    const code = sql.codePointAt(start) ?? 0;
    const end = start + (code > 0xffff ? 2 : 1);
    this.push('operator', start, end);
    this.pos = end;
  }
}
