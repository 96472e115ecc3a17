import type { SqlPosition } from '@console/shared-types';

import { READINGS } from './dialects.js';
import { earliest, findRejection, type Rejection } from './find-rejection.js';
import { tokenize } from './lexer.js';
import { toPosition } from './position.js';

export type ReadOnlyCheck = { ok: true } | { ok: false; found: string; position: SqlPosition };

/**
 * Checks that `sql` is exactly one read-only query (SELECT, WITH ... SELECT,
 * VALUES, TABLE or FROM-first), with comments anywhere and at most one
 * trailing `;`. Anything else is rejected, with what was found and where.
 *
 * This is an early, precise error that saves the rate budget; the SQL API
 * remains the real control. The text is read under each dialect in
 * `READINGS` and must pass every reading that can lex it whole, because a
 * reading that cannot lex it stands for an engine that rejects it unrun.
 */
export function checkReadOnly(sql: string): ReadOnlyCheck {
  const rejection = findFirstRejection(sql);
  if (rejection === undefined) return { ok: true };
  return { ok: false, found: rejection.found, position: toPosition(sql, rejection.start, rejection.end) };
}

/**
 * Characters without which every reading lexes the text the same way as
 * Spark: backslash escapes, `#`, `$` quotes, URI identifiers, hints and
 * executable comments. Double quotes end at the same place in every reading
 * unless a backslash is present, and Spark's reading of them is the stricter.
 */
const READINGS_DIFFER = /[\\#$]|:\/\/|\/\*[+!M]/;

function findFirstRejection(sql: string): Rejection | undefined {
  let first = findVariableReference(sql);
  const readings = READINGS_DIFFER.test(sql) ? READINGS : READINGS.slice(0, 1);

  readings.forEach((dialect, index) => {
    const { tokens, error } = tokenize(sql, dialect);
    const primary = index === 0;
    if (error !== undefined && !primary && error.failsEverywhere !== true) return;

    let rejection = earliest(findRejection(sql, tokens, error === undefined), error);
    if (rejection !== undefined && !primary) rejection = { ...rejection, found: `${rejection.found} (${dialect.readsAs})` };
    first = earliest(first, rejection);
  });
  return first;
}

/**
 * Spark replaces `${name}` before it parses, also inside strings and comments,
 * and `${env:NAME}` or `${system:name}` reads the server's environment, so the
 * text the engine runs is not the text checked here.
 */
function findVariableReference(sql: string): Rejection | undefined {
  const start = sql.indexOf('${');
  if (start < 0) return undefined;
  return { found: 'a ${...} variable reference (Spark substitutes it before parsing)', start, end: start + 2 };
}
