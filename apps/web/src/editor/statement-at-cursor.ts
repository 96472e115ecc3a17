import { lexSql, type SqlToken } from './completion/sql-lexer.js';

/** The text between two `;` separators, with the cursor offsets it owns. */
export interface StatementSegment {
  /**
   * Cursor offsets this segment owns: `ownerStart < offset <= ownerEnd`, except
   * that the first segment also owns offset 0. A cursor right after a `;` thus
   * belongs to the statement that the `;` ends.
   */
  ownerStart: number;
  ownerEnd: number;
  /** Index in the token list of the segment's first token. */
  firstToken: number;
  /** Index just after the segment's last token, not counting the `;`. */
  endToken: number;
  /** Offsets of the first and after the last token that is not a comment; equal when there is none. */
  codeStart: number;
  codeEnd: number;
}

export interface Statement {
  text: string;
  /** Offset of the first character in the full text. */
  start: number;
  /** Offset just after the last character. */
  end: number;
}

function isSeparator(token: SqlToken): boolean {
  return token.kind === 'punct' && token.text === ';';
}

/** Splits tokens into segments at every `;` outside strings, quoted names and comments. */
export function splitStatements(tokens: readonly SqlToken[], textLength: number): StatementSegment[] {
  const segments: StatementSegment[] = [];
  let ownerStart = 0;
  let firstToken = 0;
  let codeStart = -1;
  let codeEnd = -1;

  const close = (endToken: number, ownerEnd: number): void => {
    const start = codeStart < 0 ? ownerEnd : codeStart;
    const end = codeEnd < 0 ? start : codeEnd;
    segments.push({ ownerStart, ownerEnd, firstToken, endToken, codeStart: start, codeEnd: end });
    ownerStart = ownerEnd;
    firstToken = endToken + 1;
    codeStart = -1;
    codeEnd = -1;
  };

  tokens.forEach((token, index) => {
    if (isSeparator(token)) {
      close(index, token.end);
    } else if (token.kind !== 'comment') {
      if (codeStart < 0) codeStart = token.start;
      codeEnd = token.end;
    }
  });
  close(tokens.length, textLength);
  return segments;
}

/** Returns the index of the segment that owns the cursor `offset`. */
export function segmentIndexAt(segments: readonly StatementSegment[], offset: number): number {
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    const segment = segments[middle];
    if (segment !== undefined && segment.ownerEnd < offset) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

function hasCode(segment: StatementSegment | undefined): segment is StatementSegment {
  return segment !== undefined && segment.codeEnd > segment.codeStart;
}

/**
 * Returns the statement under the cursor, for running it when nothing is
 * selected. Statements are split at `;` outside strings, quoted identifiers and
 * comments. A cursor right after a `;` belongs to the statement before it.
 * When the cursor's part contains only whitespace or comments, the nearest
 * previous statement is returned, or else the nearest next one. Returns null
 * when the text has no statement. The text excludes the `;` and leading and trailing
 * whitespace and comments. `offset` is clamped to the text.
 */
export function statementAt(text: string, offset: number): Statement | null {
  const segments = splitStatements(lexSql(text), text.length);
  const cursor = Math.min(Math.max(Number.isFinite(offset) ? offset : 0, 0), text.length);
  const index = segmentIndexAt(segments, cursor);

  let found: StatementSegment | undefined;
  for (let i = index; i >= 0 && found === undefined; i--) {
    if (hasCode(segments[i])) found = segments[i];
  }
  for (let i = index + 1; i < segments.length && found === undefined; i++) {
    if (hasCode(segments[i])) found = segments[i];
  }
  if (found === undefined) return null;
  return { text: text.slice(found.codeStart, found.codeEnd), start: found.codeStart, end: found.codeEnd };
}
