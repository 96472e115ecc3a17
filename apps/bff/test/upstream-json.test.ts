import { describe, expect, it } from 'vitest';
import { hasInexactNumberLiteral, parseJsonLosslessly } from '../src/upstream/lossless-json.js';

const BIGINT_ABOVE_2_53 = '9007199254740993';
const DECIMAL_38_18 = '12345678901234567890.123456789012345678';

describe('parseJsonLosslessly', () => {
  it('keeps a BIGINT above 2^53 sent as a number', () => {
    const parsed = parseJsonLosslessly(`[${BIGINT_ABOVE_2_53}, -${BIGINT_ABOVE_2_53}]`);
    expect(parsed).toEqual([BIGINT_ABOVE_2_53, `-${BIGINT_ABOVE_2_53}`]);
  });

  it('keeps a BIGINT above 2^53 sent as a string', () => {
    expect(parseJsonLosslessly(`["${BIGINT_ABOVE_2_53}"]`)).toEqual([BIGINT_ABOVE_2_53]);
  });

  it('keeps a DECIMAL(38,18) sent as a number', () => {
    expect(parseJsonLosslessly(`{"amount": ${DECIMAL_38_18}}`)).toEqual({ amount: DECIMAL_38_18 });
  });

  it('keeps a DECIMAL(38,18) sent as a string', () => {
    expect(parseJsonLosslessly(`{"amount": "${DECIMAL_38_18}"}`)).toEqual({ amount: DECIMAL_38_18 });
  });

  it('leaves safe numbers as numbers', () => {
    const parsed = parseJsonLosslessly('[0, 42, -7, 1.5, 0.1, 9007199254740991, 1e-7]');
    expect(parsed).toEqual([0, 42, -7, 1.5, 0.1, 9007199254740991, 1e-7]);
  });

  it('keeps the text of literals a number would rewrite', () => {
    expect(parseJsonLosslessly('[2.50, 1e21, -0, 1E5]')).toEqual(['2.50', '1e21', '-0', '1E5']);
  });

  it('gives the same result on both parsing paths', () => {
    const exactText = '{"a": [1, 2.5, "x\\"1e999", null, true], "b": {"c": -3}}';
    expect(hasInexactNumberLiteral(exactText)).toBe(false);

    const withBigInt = exactText.replace('-3', BIGINT_ABOVE_2_53);
    expect(hasInexactNumberLiteral(withBigInt)).toBe(true);
    expect(parseJsonLosslessly(withBigInt)).toEqual({
      a: [1, 2.5, 'x"1e999', null, true],
      b: { c: BIGINT_ABOVE_2_53 },
    });
  });

  it('ignores digits inside strings when choosing the path', () => {
    expect(hasInexactNumberLiteral(`["${BIGINT_ABOVE_2_53}", "a\\\\", "${DECIMAL_38_18}"]`)).toBe(false);
  });

  it('keeps the last of duplicate keys on both paths', () => {
    expect(parseJsonLosslessly('{"a": 1, "a": 2}')).toEqual({ a: 2 });
    expect(parseJsonLosslessly(`{"a": 1, "a": ${BIGINT_ABOVE_2_53}}`)).toEqual({ a: BIGINT_ABOVE_2_53 });
  });

  it('rejects invalid JSON on both paths', () => {
    expect(() => parseJsonLosslessly('{"a": 1')).toThrow(SyntaxError);
    expect(() => parseJsonLosslessly(`{"a": ${BIGINT_ABOVE_2_53}`)).toThrow(SyntaxError);
  });
});
