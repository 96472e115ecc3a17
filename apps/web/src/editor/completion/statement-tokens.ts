import { identifierName, isKeyword, type SqlToken } from './sql-lexer.js';

/** The code tokens of one statement (comments dropped) with their bracket structure. */
export interface StatementTokens {
  tokens: readonly SqlToken[];
  /**
   * For `(` and `)`, the index of the matching bracket, or -1 when there is
   * none. An unclosed `(` matches `tokens.length`, so it runs to the end.
   */
  partner: Int32Array;
  /** Bracket depth of each token; a bracket has the depth outside it. */
  depth: Int32Array;
  /** Index of the innermost `(` around each token, or -1 at the top level. */
  enclosing: Int32Array;
}

export function isPunct(token: SqlToken | undefined, char: string): boolean {
  return token !== undefined && token.kind === 'punct' && token.text === char;
}

export function isName(token: SqlToken | undefined): token is SqlToken {
  return token !== undefined && (token.kind === 'word' || token.kind === 'quoted');
}

export function buildStatementTokens(tokens: readonly SqlToken[]): StatementTokens {
  const code = tokens.filter((token) => token.kind !== 'comment');
  const partner = new Int32Array(code.length).fill(-1);
  const depth = new Int32Array(code.length);
  const enclosing = new Int32Array(code.length);
  const open: number[] = [];

  code.forEach((token, index) => {
    if (isPunct(token, ')')) {
      const opener = open.pop();
      if (opener !== undefined) {
        partner[opener] = index;
        partner[index] = opener;
      }
    }
    depth[index] = open.length;
    enclosing[index] = open[open.length - 1] ?? -1;
    if (isPunct(token, '(')) open.push(index);
  });
  for (const opener of open) partner[opener] = code.length;
  return { tokens: code, partner, depth, enclosing };
}

/** A dotted name such as `schema.table` and the index just after it. */
export interface QualifiedName {
  parts: string[];
  end: number;
}

/** Reads `name(.name)*` starting at `index`; returns null when no name starts there. */
export function readQualifiedName(statement: StatementTokens, index: number): QualifiedName | null {
  const { tokens } = statement;
  const first = tokens[index];
  if (!isName(first)) return null;
  const parts = [identifierName(first)];
  let end = index + 1;
  while (isPunct(tokens[end], '.') && isName(tokens[end + 1])) {
    const next = tokens[end + 1];
    if (next !== undefined) parts.push(identifierName(next));
    end += 2;
  }
  return { parts, end };
}

/** Returns the index of the first keyword among `keywords` at the depth of `from`, searching up to `to`. */
export function findAtDepth(statement: StatementTokens, from: number, to: number, ...keywords: string[]): number {
  const baseDepth = statement.depth[from] ?? 0;
  for (let i = from; i < to; i++) {
    const depth = statement.depth[i] ?? 0;
    if (depth < baseDepth) return -1;
    if (depth === baseDepth && isKeyword(statement.tokens[i], ...keywords)) return i;
  }
  return -1;
}
