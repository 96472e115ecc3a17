import type { SqlPosition } from '@console/shared-types';

import { READINGS } from './dialects.js';
import { earliest, findRefusal, type Refusal } from './find-refusal.js';
import { tokenize } from './lexer.js';
import { toPosition } from './position.js';

export type ReadOnlyCheck = { ok: true } | { ok: false; found: string; position: SqlPosition };

/**
 * Checks that `sql` is exactly one read-only query (SELECT, WITH ... SELECT,
 * VALUES, TABLE or FROM-first), with comments anywhere and at most one
 * trailing `;`. Anything else is refused, with what was found and where.
 *
 * This is an early, precise error that saves the rate budget; the SQL API
 * remains the real control. The text is read under each dialect in
 * `READINGS` and must pass every reading that can lex it whole, because a
 * reading that cannot lex it stands for an engine that rejects it unrun.
 */
export function checkReadOnly(sql: string): ReadOnlyCheck {
  const refusal = findFirstRefusal(sql);
  if (refusal === undefined) return { ok: true };
  return { ok: false, found: refusal.found, position: toPosition(sql, refusal.start, refusal.end) };
}

/**
 * Characters without which every reading lexes the text the same way as
 * Spark: backslash escapes, `#`, `$` quotes, URI identifiers, hints and
 * executable comments. Double quotes end at the same place in every reading
 * unless a backslash is present, and Spark's reading of them is the stricter.
 */
const READINGS_DIFFER = /[\\#$]|:\/\/|\/\*[+!M]/;

function findFirstRefusal(sql: string): Refusal | undefined {
  let first = findVariableReference(sql);
  const readings = READINGS_DIFFER.test(sql) ? READINGS : READINGS.slice(0, 1);

  readings.forEach((dialect, index) => {
    const { tokens, error } = tokenize(sql, dialect);
    const primary = index === 0;
    if (error !== undefined && !primary && error.failsEverywhere !== true) return;

    let refusal = earliest(findRefusal(sql, tokens, error === undefined), error);
    if (refusal !== undefined && !primary) refusal = { ...refusal, found: `${refusal.found} (${dialect.readsAs})` };
    first = earliest(first, refusal);
  });
  return first;
}

/**
 * Spark replaces `${name}` before it parses, also inside strings and comments,
 * and `${env:NAME}` or `${system:name}` reads the server's environment, so the
 * text the engine runs is not the text checked here.
 */
function findVariableReference(sql: string): Refusal | undefined {
  const start = sql.indexOf('${');
  if (start < 0) return undefined;
  return { found: 'a ${...} variable reference (Spark substitutes it before parsing)', start, end: start + 2 };
}
