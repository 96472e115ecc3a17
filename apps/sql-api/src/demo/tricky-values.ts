import { sqlString } from './demo-helpers.js';

/**
 * One row per awkward value that real data contains, so tests and people can
 * find each by its `kind`. Columns that a row is not about hold ordinary
 * values: big_id 1, signed_id 1, amount 1.000000000, happened_at
 * 2025-01-01 00:00:00, empty_or_null 'not empty', score 1.5, tags ['plain'].
 */
export interface TrickyValue {
  kind: string;
  text: string | null;
  bigId?: string;
  signedId?: string;
  amount?: string;
  happenedAt?: string;
  emptyOrNull?: 'empty' | 'null';
  score?: string;
  nested?: { tags: string; attributes: string; properties: string };
}

const LONG_LINE = 'Customer wrote: "The answer was wrong, again", and attached a screenshot.';

export const TRICKY_VALUES: readonly TrickyValue[] = [
  { kind: 'null', text: null, emptyOrNull: 'null' },
  { kind: 'empty_string', text: '', emptyOrNull: 'empty' },
  { kind: 'multiline', text: 'first line\nsecond line\n\nfourth line after a blank one' },
  { kind: 'quotes_and_commas', text: 'She said "yes, no, maybe", then left; it\'s fine' },
  { kind: 'long_text', text: Array.from({ length: 60 }, (_, index) => `${index + 1}. ${LONG_LINE}`).join('\n') },
  { kind: 'emoji', text: '🙂 Thanks! 🚀 👩‍💻 café' },
  { kind: 'right_to_left', text: 'مرحبا، كيف يمكنني المساعدة؟ שלום עולם' },
  { kind: 'formula_equals', text: '=HYPERLINK("https://example.com","Click me")' },
  { kind: 'formula_plus', text: '+1 (555) 010-0199' },
  { kind: 'formula_minus', text: '-5% discount not applied' },
  { kind: 'formula_at', text: '@support please escalate' },
  { kind: 'html', text: '<script>alert("x")</script><b>bold</b> & more' },
  { kind: 'tab_and_carriage_return', text: 'column a\tcolumn b\r\nnext line' },
  { kind: 'backslash_and_json', text: 'C:\\Users\\demo\\file.txt {"a": [1, 2]}' },
  { kind: 'combining_and_zero_width', text: 'e\u0301 (e + accent), zero\u200Bwidth, ﬁ ligature' },
  { kind: 'leading_and_trailing_spaces', text: '  padded value  ' },
  { kind: 'bigint_above_2_53', text: '2^53 + 1 does not fit a double', signedId: '9007199254740993', bigId: '9007199254740993' },
  { kind: 'bigint_min', text: 'smallest BIGINT', signedId: '-9223372036854775808' },
  { kind: 'ubigint_max', text: 'largest UBIGINT', bigId: '18446744073709551615' },
  { kind: 'decimal_max', text: 'largest DECIMAL(38,9)', amount: '99999999999999999999999999999.999999999' },
  { kind: 'decimal_tiny', text: 'smallest positive DECIMAL(38,9)', amount: '0.000000001' },
  { kind: 'decimal_negative', text: 'negative amount', amount: '-1234567890.123456789' },
  { kind: 'timestamp_microseconds', text: 'timestamp with microseconds', happenedAt: '2025-03-04 05:06:07.123456' },
  { kind: 'timestamp_before_epoch', text: 'one microsecond before 1970', happenedAt: '1969-12-31 23:59:59.999999' },
  { kind: 'double_nan', text: 'not a number', score: "'NaN'::DOUBLE" },
  { kind: 'double_infinity', text: 'positive infinity', score: "'Infinity'::DOUBLE" },
  { kind: 'double_tiny', text: 'smallest positive double', score: '5e-324' },
  {
    kind: 'nested',
    text: 'array, struct and map with NULLs and empty strings inside',
    nested: {
      tags: "['a', NULL, '', '🙂']",
      attributes: "{'plan': 'team', 'seats': 5, 'flags': ['beta', NULL]}",
      properties: "MAP {'color': 'blue', 'empty': '', 'missing': NULL}",
    },
  },
];

/** SQL that creates and fills `tricky_values`. */
export function trickyValuesSql(): string {
  const rows = TRICKY_VALUES.map((row, index) => {
    const nested = row.nested ?? {
      tags: "['plain']",
      attributes: "{'plan': 'free', 'seats': 1, 'flags': []}",
      properties: "MAP {'color': 'grey'}",
    };
    return `(${[
      index + 1,
      sqlString(row.kind),
      row.text === null ? 'NULL' : sqlString(row.text),
      `(${row.bigId ?? '1'})::UBIGINT`,
      `(${row.signedId ?? '1'})::BIGINT`,
      `(${row.amount ?? '1'})::DECIMAL(38,9)`,
      `TIMESTAMP '${row.happenedAt ?? '2025-01-01 00:00:00'}'`,
      emptyOrNullLiteral(row.emptyOrNull),
      `(${row.score ?? '1.5'})::DOUBLE`,
      nested.tags,
      nested.attributes,
      nested.properties,
    ].join(', ')})`;
  });

  return `
CREATE TABLE tricky_values (
  id INTEGER PRIMARY KEY,
  kind VARCHAR NOT NULL,
  text_value VARCHAR,
  big_id UBIGINT,
  signed_id BIGINT,
  amount DECIMAL(38,9),
  happened_at TIMESTAMP,
  empty_or_null VARCHAR,
  score DOUBLE,
  tags VARCHAR[],
  attributes STRUCT(plan VARCHAR, seats INTEGER, flags VARCHAR[]),
  properties MAP(VARCHAR, VARCHAR)
);
INSERT INTO tricky_values VALUES
${rows.join(',\n')};
`;
}

function emptyOrNullLiteral(value: TrickyValue['emptyOrNull']): string {
  if (value === 'null') return 'NULL';
  if (value === 'empty') return "''";
  return "'not empty'";
}
