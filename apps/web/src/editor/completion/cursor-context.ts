import { CLAUSE_KEYWORDS } from './keywords.js';
import { identifierName, isKeyword, type SqlToken } from './sql-lexer.js';
import { isName, isPunct, type StatementTokens } from './statement-tokens.js';

/** The kind of text that may be typed at the cursor. */
export type CursorContext =
  /** Inside a string, a comment or a new alias: nothing to offer. */
  | { kind: 'none' }
  /** At the start of a statement. */
  | { kind: 'statement-start' }
  /** After FROM, JOIN or a comma in a FROM list. */
  | { kind: 'table' }
  /** After a table reference in a FROM clause, where an alias or a keyword follows. */
  | { kind: 'after-table' }
  /** After `name.` or `a.b.`; `inFrom` is true in a table position. */
  | { kind: 'qualified'; parts: string[]; inFrom: boolean }
  /** After `CAST(expr AS`. */
  | { kind: 'type' }
  /** Anywhere an expression may go. */
  | { kind: 'expression' };

export interface CursorPosition {
  context: CursorContext;
  /** The range to replace: the name under the cursor, or an empty range at the cursor. */
  replaceStart: number;
  replaceEnd: number;
  /** True when the name under the cursor starts with a backtick. */
  quoted: boolean;
}

/** Returns whether the cursor at `offset` is inside a string or comment token. */
function isInsideText(token: SqlToken, offset: number): boolean {
  if (token.kind === 'comment' && token.text.startsWith('--')) return offset > token.start && offset <= token.end;
  if (token.kind === 'comment' || token.kind === 'string') {
    return offset > token.start && (offset < token.end || (!token.terminated && offset === token.end));
  }
  return false;
}

/** Returns the index of the last token before `index` at the same bracket depth, walking over bracketed groups. */
function previousAtDepth(statement: StatementTokens, index: number): number {
  const { tokens, partner } = statement;
  let i = index - 1;
  while (i >= 0) {
    const token = tokens[i];
    if (isPunct(token, ')')) {
      const opener = partner[i] ?? -1;
      if (opener < 0) return -1;
      i = opener - 1;
      continue;
    }
    return i;
  }
  return -1;
}

/** Returns the index of the nearest clause keyword at or before `index` at its depth, or -1. */
function clauseAt(statement: StatementTokens, index: number): number {
  for (let i = index; i >= 0; i = previousAtDepth(statement, i)) {
    const token = statement.tokens[i];
    if (isPunct(token, '(')) return -1;
    if (token?.kind === 'word' && CLAUSE_KEYWORDS.has(token.text.toUpperCase())) return i;
  }
  return -1;
}

function isCastBracket(statement: StatementTokens, index: number): boolean {
  // Walk back to the `(` that encloses `index`, then check the word before it.
  for (let i = index; i >= 0; i = previousAtDepth(statement, i)) {
    if (isPunct(statement.tokens[i], '(')) return isKeyword(statement.tokens[i - 1], 'CAST', 'TRY_CAST');
  }
  return false;
}

/** Returns whether the token at `index` starts a table name in a FROM list or after JOIN. */
function isTablePosition(statement: StatementTokens, index: number): boolean {
  const token = statement.tokens[index];
  if (isKeyword(token, 'FROM', 'JOIN')) return true;
  if (!isPunct(token, ',')) return false;
  return isKeyword(statement.tokens[clauseAt(statement, index)], 'FROM');
}

function qualifierParts(statement: StatementTokens, dotIndex: number): { parts: string[]; first: number } {
  const { tokens } = statement;
  const parts: string[] = [];
  let index = dotIndex;
  for (;;) {
    const dot = tokens[index];
    const name = tokens[index - 1];
    if (dot === undefined || !isPunct(dot, '.') || !isName(name) || name.end !== dot.start) break;
    parts.unshift(identifierName(name));
    index -= 2;
  }
  return { parts, first: index + 1 };
}

/**
 * Finds what may be typed at `offset`. `allTokens` are the statement's tokens
 * including comments, and `statement` contains the same tokens without them.
 */
export function cursorPosition(
  allTokens: readonly SqlToken[],
  statement: StatementTokens,
  offset: number,
): CursorPosition {
  const none = { context: { kind: 'none' } as const, replaceStart: offset, replaceEnd: offset, quoted: false };
  if (allTokens.some((token) => isInsideText(token, offset))) return none;

  const { tokens } = statement;
  // The name under or just before the cursor is the prefix being typed.
  const prefixIndex = tokens.findIndex((token) => isName(token) && token.start < offset && offset <= token.end);
  const prefix = tokens[prefixIndex];
  const replaceStart = prefix?.start ?? offset;
  // An unclosed backtick runs to the end of the text, so stop at the cursor.
  const replaceEnd = prefix === undefined || !prefix.terminated ? offset : prefix.end;
  const quoted = prefix?.kind === 'quoted';
  const position = (context: CursorContext): CursorPosition => ({ context, replaceStart, replaceEnd, quoted });

  let before = prefixIndex >= 0 ? prefixIndex - 1 : -1;
  if (prefixIndex < 0) {
    for (let i = tokens.length - 1; i >= 0; i--) {
      if ((tokens[i]?.end ?? Infinity) <= offset) {
        before = i;
        break;
      }
    }
  }
  const previous = tokens[before];
  if (previous === undefined) return position({ kind: 'statement-start' });

  if (isPunct(previous, '.') && previous.end === replaceStart) {
    const { parts, first } = qualifierParts(statement, before);
    if (parts.length > 0) return position({ kind: 'qualified', parts, inFrom: isTablePosition(statement, first - 1) });
  }

  if (isTablePosition(statement, before)) return position({ kind: 'table' });
  if (isKeyword(previous, 'AS')) {
    return position(isCastBracket(statement, before) ? { kind: 'type' } : { kind: 'none' });
  }

  const clause = statement.tokens[clauseAt(statement, before)];
  if (isKeyword(clause, 'FROM', 'JOIN')) return position({ kind: 'after-table' });
  return position({ kind: 'expression' });
}
