import type { Token } from './lexer.js';
import {
  DEFINITION_OBJECTS,
  DEFINITION_WORDS,
  QUERY_STARTS,
  REFLECTION_FUNCTIONS,
  STATEMENT_ONLY_WORDS,
  WRITE_WORDS,
  describeStatement,
  withArticle,
} from './statement-words.js';

/** The reason a text is not a single read-only query; `found` completes "... but X was found". */
export interface Rejection {
  found: string;
  /** UTF-16 offsets of the offending text, end exclusive. */
  start: number;
  end: number;
}

export const EMPTY_TEXT = 'no statement (the text is empty or only comments)';

type Place = 'statement' | 'with-body' | 'after-with';

const PLACE_SUFFIX: Record<Place, string> = {
  statement: '',
  'with-body': ' inside a WITH clause',
  'after-with': ' after a WITH clause',
};

/** Returns the earlier of two rejections; on a tie, the first. */
export function earliest(first: Rejection | undefined, second: Rejection | undefined): Rejection | undefined {
  if (first === undefined) return second;
  if (second === undefined) return first;
  return second.start < first.start ? second : first;
}

/**
 * Finds the first place where the tokens stop being one read-only query.
 * `complete` is false when lexing stopped early, so a missing end is not the text's fault.
 */
export function findRejection(sql: string, lexed: readonly Token[], complete: boolean): Rejection | undefined {
  const hasHints = lexed.some((token) => token.kind === 'hint-start');
  const tokens = hasHints ? lexed.filter((token) => !token.inHint && token.kind !== 'hint-start' && token.kind !== 'hint-end') : lexed;
  const first = tokens[0];
  // Placed at the end of the text, so a statement that another reading finds inside a comment is named instead.
  if (first === undefined) return complete ? { found: EMPTY_TEXT, start: sql.length, end: sql.length } : undefined;

  // One statement and at most one trailing semicolon.
  let semicolon = -1;
  for (let i = 0; i < tokens.length && semicolon < 0; i++) if (isOperatorText(sql, tokens[i], ';')) semicolon = i;
  let extra: Rejection | undefined;
  if (semicolon === 0) {
    extra = at('a semicolon before the query', first);
  } else if (semicolon > 0) {
    const after = tokens[semicolon + 1];
    if (after !== undefined) {
      extra = at(isOperatorText(sql, after, ';') ? 'an extra semicolon' : 'a second statement', after);
    }
  }
  const body = semicolon < 0 ? tokens : tokens.slice(0, semicolon);
  if (body.length === 0) return extra;

  return earliest(new QueryShape(sql, body, complete).check(), extra);
}

function at(found: string, token: Token): Rejection {
  return { found, start: token.start, end: token.end };
}

function isOperatorText(sql: string, token: Token | undefined, text: string): boolean {
  if (token === undefined || token.kind !== 'operator' || token.end - token.start !== text.length) return false;
  return text.length === 1 ? sql.charCodeAt(token.start) === text.charCodeAt(0) : sql.startsWith(text, token.start);
}

/** Checks the shape of one statement's tokens: how it starts, its WITH clauses, and words that write. */
class QueryShape {
  private readonly cteNames = new Set<string>();
  private readonly closing: Int32Array;

  constructor(
    private readonly sql: string,
    private readonly tokens: readonly Token[],
    private readonly complete: boolean,
  ) {
    this.closing = this.matchParentheses();
  }

  check(): Rejection | undefined {
    let rejection = this.checkQueryStart(0, 'statement');
    // WITH clauses first, so the names they define are known when words are checked.
    for (let i = 0; i < this.tokens.length; i++) {
      if (this.tokens[i]?.upper === 'WITH' && (i === 0 || this.isOperator(i - 1, '('))) {
        rejection = earliest(rejection, this.checkWith(i));
      }
    }
    return earliest(rejection, this.checkWords());
  }

  // Token helpers

  private isWord(i: number, upper: string): boolean {
    const token = this.tokens[i];
    return token !== undefined && token.kind === 'word' && token.upper === upper;
  }

  private wordAt(i: number): string | undefined {
    const token = this.tokens[i];
    return token?.kind === 'word' ? token.upper : undefined;
  }

  private isOperator(i: number, text: string): boolean {
    return isOperatorText(this.sql, this.tokens[i], text);
  }

  private display(token: Token): string {
    if (token.kind === 'word' && token.upper !== '') return token.upper;
    const text = this.sql.slice(token.start, token.end);
    return text.length > 30 ? `${text.slice(0, 30)}...` : text;
  }

  /** For each `(`, the index of its `)`, or -1 when it is never closed. */
  private matchParentheses(): Int32Array {
    const closing = new Int32Array(this.tokens.length).fill(-1);
    const open: number[] = [];
    this.tokens.forEach((token, i) => {
      if (token.kind !== 'operator' || token.end - token.start !== 1) return;
      const code = this.sql.charCodeAt(token.start);
      if (code === 0x28) {
        open.push(i);
      } else if (code === 0x29) {
        const opener = open.pop();
        if (opener !== undefined) closing[opener] = i;
      }
    });
    return closing;
  }

  /** Returns a rejection placed at the end of the text, right after the last token. */
  private endOfText(found: string): Rejection | undefined {
    if (!this.complete) return undefined;
    const last = this.tokens[this.tokens.length - 1];
    const end = last === undefined ? 0 : last.end;
    return { found, start: end, end };
  }

  // Statement start

  /** Checks that a query starts at token `i`, after any opening parentheses. */
  private checkQueryStart(i: number, place: Place): Rejection | undefined {
    let j = i;
    while (this.isOperator(j, '(')) j++;
    const token = this.tokens[j];
    if (token === undefined) return this.endOfText(`the end of the text${PLACE_SUFFIX[place]} where a query should start`);
    if (token.kind === 'word' && QUERY_STARTS.has(token.upper)) return undefined;

    const statement =
      token.kind === 'word' && token.upper !== ''
        ? describeStatement(token.upper, this.wordAt(j + 1))
        : `a statement that starts with ${this.display(token)}`;
    return at(statement + PLACE_SUFFIX[place], token);
  }

  /**
   * Checks a WITH clause: each common table expression must hold a query, and
   * a query must follow the clause (not `INSERT`, as `WITH ... INSERT` writes).
   * Accepts Spark's `name AS (...)`, `name (...)` without AS, column lists,
   * and PostgreSQL's `[NOT] MATERIALIZED`.
   */
  private checkWith(withIndex: number): Rejection | undefined {
    let i = withIndex + 1;
    if (this.isWord(i, 'RECURSIVE')) i++;

    for (;;) {
      const name = this.tokens[i];
      if (name === undefined) return this.endOfText('the end of the text inside a WITH clause');
      if (name.kind !== 'word' && name.kind !== 'quoted-identifier' && !(name.kind === 'string' && this.sql[name.start] === '"')) {
        return at(`an unexpected ${this.display(name)} in a WITH clause`, name);
      }
      if (name.kind === 'word') this.cteNames.add(name.upper);
      i++;

      let bodyOpen = -1;
      if (this.isOperator(i, '(')) {
        const close = this.closingOf(i);
        if (close === undefined) return at('an unclosed parenthesis in a WITH clause', this.tokenAt(i));
        // `name (col, ...) AS (...)` has a column list; Spark's `name (query)` does not.
        if (this.isWord(close + 1, 'AS') || this.isOperator(close + 1, '(')) i = close + 1;
        else bodyOpen = i;
      }
      if (bodyOpen < 0) {
        if (this.isWord(i, 'AS')) i++;
        if (this.isWord(i, 'NOT') && this.isWord(i + 1, 'MATERIALIZED')) i += 2;
        else if (this.isWord(i, 'MATERIALIZED')) i++;
        if (!this.isOperator(i, '(')) {
          const token = this.tokens[i];
          if (token === undefined) return this.endOfText('the end of the text inside a WITH clause');
          return at(`an unexpected ${this.display(token)} in a WITH clause`, token);
        }
        bodyOpen = i;
      }

      const close = this.closingOf(bodyOpen);
      if (close === undefined) return at('an unclosed parenthesis in a WITH clause', this.tokenAt(bodyOpen));
      const body = this.checkQueryStart(bodyOpen + 1, 'with-body');
      if (body !== undefined) return body;
      i = close + 1;

      if (!this.isOperator(i, ',')) break;
      i++;
    }
    return this.checkQueryStart(i, 'after-with');
  }

  private closingOf(open: number): number | undefined {
    const close = this.closing[open];
    return close === undefined || close < 0 ? undefined : close;
  }

  private tokenAt(i: number): Token {
    const token = this.tokens[i];
    if (token === undefined) throw new RangeError(`no token at index ${i}`);
    return token;
  }

  // Words inside the query

  /** Finds the first word that writes, locks rows, runs a program or creates an object. */
  private checkWords(): Rejection | undefined {
    let depth = 0;
    for (let i = 0; i < this.tokens.length; i++) {
      const token = this.tokens[i];
      if (token === undefined) continue;
      if (token.kind === 'operator') {
        if (this.isOperator(i, '(')) depth++;
        else if (this.isOperator(i, ')')) depth--;
        continue;
      }
      if (token.kind !== 'word') continue;
      // After `.` or `:` a word is a field name or a JSON path step (`t.delete`, `raw:update`).
      if (this.isOperator(i - 1, '.') || this.isOperator(i - 1, ':')) continue;

      const found = this.describeWord(i, token.upper, depth === 0);
      if (found !== undefined) return at(found, token);
    }
    return undefined;
  }

  private describeWord(i: number, word: string, topLevel: boolean): string | undefined {
    if (i > 0 && topLevel && STATEMENT_ONLY_WORDS.has(word) && !this.cteNames.has(word)) {
      return `${describeStatement(word, this.wordAt(i + 1))} (quote the word if it is a name)`;
    }
    if (WRITE_WORDS.has(word)) {
      if (word === 'UPDATE' && this.followsFor(i)) return 'a FOR UPDATE locking clause';
      // Right after SELECT or a comma, `delete FROM` is more likely a column than a statement.
      const listItem = this.isWord(i - 1, 'SELECT') || this.isOperator(i - 1, ',');
      if (!listItem && this.isWriteStatement(i, word)) return `${withArticle(word)} statement`;
      if (this.cteNames.has(word)) return undefined;
      return `the keyword ${word} (quote it if it is a name)`;
    }
    if (word === 'LOCK' && this.isWord(i + 1, 'IN') && this.isWord(i + 2, 'SHARE')) return 'a LOCK IN SHARE MODE locking clause';
    if (word === 'INTO') return 'an INTO clause (SELECT ... INTO writes a table)';
    if (word === 'FOR' && this.isRowLock(i)) return 'a FOR SHARE locking clause';
    if (word === 'USING' && this.tokens[i + 1]?.kind === 'string') return 'a script transform (USING runs an external command)';
    if (REFLECTION_FUNCTIONS.has(word) && this.isOperator(i + 1, '(')) {
      return `a call to ${word.toLowerCase()} (it runs Java methods)`;
    }
    if (DEFINITION_WORDS.has(word)) {
      const next = this.wordAt(i + 1);
      if (next !== undefined && DEFINITION_OBJECTS.has(next)) return describeStatement(word, next);
    }
    return undefined;
  }

  /** `FOR UPDATE` or `FOR NO KEY UPDATE`. */
  private followsFor(i: number): boolean {
    return this.isWord(i - 1, 'FOR') || (this.isWord(i - 1, 'KEY') && this.isWord(i - 2, 'NO') && this.isWord(i - 3, 'FOR'));
  }

  /** `FOR SHARE` or `FOR KEY SHARE`, but not a PIVOT's `FOR share IN (...)`. */
  private isRowLock(i: number): boolean {
    if (this.isWord(i + 1, 'SHARE')) return !this.isWord(i + 2, 'IN');
    return this.isWord(i + 1, 'KEY') && this.isWord(i + 2, 'SHARE') && !this.isWord(i + 3, 'IN');
  }

  /** Whether the write word is followed by what makes it a statement, like `DELETE FROM`. */
  private isWriteStatement(i: number, word: string): boolean {
    const next = this.wordAt(i + 1);
    switch (word) {
      case 'INSERT':
        return next === 'INTO' || next === 'OVERWRITE' || next === 'TABLE' || next === 'OR' || next === 'IGNORE';
      case 'DELETE':
        return next === 'FROM';
      case 'MERGE':
        return next === 'INTO' || next === 'WITH';
      case 'UPSERT':
        return next === 'INTO';
      default:
        // UPDATE t [AS a] SET ...
        for (let j = i + 2; j <= i + 6; j++) if (this.isWord(j, 'SET')) return true;
        return false;
    }
  }
}
