import type { Cell, Column } from '@console/shared-types';
import { describe, expect, it } from 'vitest';
import { csvFileName, toCsv } from '../src/results/csv.js';

const BOM = '\uFEFF';

function column(name: string, type = 'STRING'): Column {
  return { name, type };
}

/** Writes one cell under one column, without BOM and header, and returns its field text. */
function field(cell: Cell, type = 'STRING', protectFormulas = true): string {
  const csv = toCsv([column('c', type)], [[cell]], { bom: false, protectFormulas });
  const prefix = 'c\r\n';
  expect(csv.startsWith(prefix)).toBe(true);
  expect(csv.endsWith('\r\n')).toBe(true);
  return csv.slice(prefix.length, -2);
}

/**
 * Reads RFC 4180 text back into records; an unquoted empty field is null and a
 * quoted one is ''. Throws on text that breaks the format.
 */
function parseCsv(text: string): (string | null)[][] {
  const records: (string | null)[][] = [];
  let record: (string | null)[] = [];
  let i = 0;
  while (i < text.length) {
    let value: string | null;
    if (text[i] === '"') {
      let end = i + 1;
      value = '';
      for (;;) {
        const next = text.indexOf('"', end);
        if (next === -1) throw new Error(`unterminated quote at ${i}`);
        value += text.slice(end, next);
        if (text[next + 1] === '"') {
          value += '"';
          end = next + 2;
        } else {
          i = next + 1;
          break;
        }
      }
    } else {
      let end = i;
      while (end < text.length && text[end] !== ',' && text[end] !== '\r') {
        if (text[end] === '"' || text[end] === '\n') throw new Error(`bare ${JSON.stringify(text[end])} at ${end}`);
        end++;
      }
      value = end === i ? null : text.slice(i, end);
      i = end;
    }
    record.push(value);
    if (text[i] === ',') {
      i++;
    } else if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
    } else {
      throw new Error(`expected a comma or CRLF at ${i}`);
    }
  }
  if (record.length > 0) throw new Error('last record has no CRLF');
  return records;
}

describe('toCsv layout', () => {
  it('writes a BOM, a header and CRLF after every record', () => {
    const csv = toCsv([column('id', 'INT'), column('name')], [[1, 'a'], [2, 'b']]);
    expect(csv).toBe(`${BOM}id,name\r\n1,a\r\n2,b\r\n`);
  });

  it('leaves out the BOM when asked', () => {
    const csv = toCsv([column('id', 'INT')], [[1]], { bom: false });
    expect(csv).toBe('id\r\n1\r\n');
  });

  it('writes only the header for no rows', () => {
    expect(toCsv([column('a'), column('b')], [], { bom: false })).toBe('a,b\r\n');
  });

  it('writes one field per column whatever the row length', () => {
    const csv = toCsv([column('a'), column('b'), column('c')], [['x'], ['p', 'q', 'r', 'extra']], { bom: false });
    expect(csv).toBe('a,b,c\r\nx,,\r\np,q,r\r\n');
  });

  it('quotes and protects header names like cells', () => {
    const csv = toCsv([column('a,b'), column('say "hi"'), column('=cmd')], [], { bom: false });
    expect(csv).toBe('"a,b","say ""hi""",\'=cmd\r\n');
  });
});

describe('toCsv quoting', () => {
  it('quotes fields with a comma, quote, CR or LF', () => {
    expect(field('a,b')).toBe('"a,b"');
    expect(field('say "hi"')).toBe('"say ""hi"""');
    expect(field('line\r\nbreak')).toBe('"line\r\nbreak"');
    expect(field('only\nLF')).toBe('"only\nLF"');
    expect(field('only\rCR')).toBe('"only\rCR"');
    expect(field('"')).toBe('""""');
  });

  it('doubles a quote that comes after a comma', () => {
    expect(field('a,"b"')).toBe('"a,""b"""');
  });

  it('doubles adjacent and edge quotes', () => {
    expect(field('""')).toBe('""""""');
    expect(field('a""b"')).toBe('"a""""b"""');
    expect(field('"start')).toBe('"""start"');
  });

  it('leaves plain, accented, emoji and right-to-left text bare', () => {
    expect(field('plain text')).toBe('plain text');
    expect(field('façade ünïcödé')).toBe('façade ünïcödé');
    expect(field('party 🎉👩‍👩‍👧')).toBe('party 🎉👩‍👩‍👧');
    expect(field('مرحبا بالعالم')).toBe('مرحبا بالعالم');
    expect(field(' padded ')).toBe(' padded ');
  });
});

describe('toCsv values', () => {
  it('writes NULL as an empty field and the empty string as ""', () => {
    const csv = toCsv([column('a'), column('b'), column('c')], [[null, '', 'x']], { bom: false });
    expect(csv).toBe('a,b,c\r\n,"",x\r\n');
  });

  it('keeps big numbers sent as strings digit for digit', () => {
    expect(field('18446744073709551615', 'BIGINT')).toBe('18446744073709551615');
    expect(field('-9223372036854775808', 'BIGINT')).toBe('-9223372036854775808');
    expect(field('12345678901234567890123456789.123456789', 'DECIMAL(38,9)')).toBe(
      '12345678901234567890123456789.123456789',
    );
    expect(field('0.000000000', 'DECIMAL(38,9)')).toBe('0.000000000');
  });

  it('writes numbers as their shortest exact text', () => {
    expect(field(42, 'INT')).toBe('42');
    expect(field(0.1, 'DOUBLE')).toBe('0.1');
    expect(field(0.1 + 0.2, 'DOUBLE')).toBe('0.30000000000000004');
    expect(field(123456789.123, 'DOUBLE')).toBe('123456789.123');
    expect(field(9007199254740991, 'BIGINT')).toBe('9007199254740991');
    expect(field(1e21, 'DOUBLE')).toBe('1e+21');
    expect(field(5e-324, 'DOUBLE')).toBe('5e-324');
    expect(field(-0, 'DOUBLE')).toBe('-0');
  });

  it('writes booleans as true and false', () => {
    expect(field(true, 'BOOLEAN')).toBe('true');
    expect(field(false, 'BOOLEAN')).toBe('false');
  });

  it('writes timestamps exactly as received', () => {
    expect(field('2025-01-20T12:34:56.123456Z', 'TIMESTAMP')).toBe('2025-01-20T12:34:56.123456Z');
    expect(field('2025-01-20 12:34:56', 'TIMESTAMP_NTZ')).toBe('2025-01-20 12:34:56');
    expect(field('2025-01-20', 'DATE')).toBe('2025-01-20');
  });

  it('writes nested values as quoted JSON', () => {
    expect(field(['a', 'b'], 'ARRAY<STRING>')).toBe('"[""a"",""b""]"');
    expect(field({ id: '18446744073709551615', tags: [1, null] }, 'STRUCT<id: BIGINT, tags: ARRAY<INT>>')).toBe(
      '"{""id"":""18446744073709551615"",""tags"":[1,null]}"',
    );
    expect(field([1, 2], 'ARRAY<INT>')).toBe('"[1,2]"');
    expect(field([], 'ARRAY<INT>')).toBe('[]');
  });
});

/** Returns the field that JSON.stringify and RFC 4180 quoting make of a value. */
function stringifiedField(value: unknown): string {
  const json = JSON.stringify(value);
  return /[",\r\n]/.test(json) ? `"${json.replaceAll('"', '""')}"` : json;
}

describe('toCsv nested values', () => {
  it('writes JSON escapes inside nested strings', () => {
    expect(field(['say "hi"', 'back\\slash'])).toBe('"[""say \\""hi\\"""",""back\\\\slash""]"');
    expect(field(['line\r\nbreak\ttab'])).toBe('"[""line\\r\\nbreak\\ttab""]"');
    expect(field({ 'k"ey': 'v' })).toBe('"{""k\\""ey"":""v""}"');
  });

  it('leaves nested JSON without comma or quote bare', () => {
    expect(field([1], 'ARRAY<INT>')).toBe('[1]');
    expect(field([[true]], 'ARRAY<ARRAY<BOOLEAN>>')).toBe('[[true]]');
    expect(field({}, 'STRUCT<>')).toBe('{}');
    expect(field([null], 'ARRAY<INT>')).toBe('[null]');
  });

  it.each<[string, Cell]>([
    ['empty and single values', [[], {}, [1], [null], ['']]],
    ['numbers JSON cannot hold', [NaN, Infinity, -Infinity, -0, 1e21, 5e-324, 0.1]],
    ['control characters', ['\u0000\u0001\u001f\u007f', '\b\f\n\r\t']],
    ['line and paragraph separators', ['\u2028\u2029']],
    ['lone and paired surrogates', ['\ud800', 'x\udc00', '\ud83d\ude00', 'emoji 🎉']],
    ['integer keys', { b: 1, 2: 'two', a: [], 1: 'one' }],
    ['deep nesting', { a: [{ b: [1, { c: 'd,e', d: null }] }], e: { f: { g: ['"', '\\'] } } }],
    ['escapes in keys', { 'a\nb': 1, '\u0000': 2, 'c\\d': 3, '"': 4 }],
  ])('matches JSON.stringify for %s', (_, value) => {
    expect(field(value)).toBe(stringifiedField(value));
  });
});

describe('toCsv formula protection', () => {
  it('prefixes text that starts a formula', () => {
    expect(field('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(field('+cmd')).toBe("'+cmd");
    expect(field('-2+3')).toBe("'-2+3");
    expect(field('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(field('\t=1')).toBe("'\t=1");
  });

  it('quotes a prefixed field that needs quotes', () => {
    expect(field('\r=1')).toBe('"\'\r=1"');
    expect(field('=HYPERLINK("http://example.test","x")')).toBe('"\'=HYPERLINK(""http://example.test"",""x"")"');
  });

  it('leaves plain numbers alone in numeric columns', () => {
    expect(field(-5, 'INT')).toBe('-5');
    expect(field('-5', 'INT')).toBe('-5');
    expect(field('+3.2', 'DOUBLE')).toBe('+3.2');
    expect(field('-18446744073709551615', 'DECIMAL(38,0)')).toBe('-18446744073709551615');
    expect(field('-1.5E-3', 'DOUBLE')).toBe('-1.5E-3');
    expect(field(-Infinity, 'DOUBLE')).toBe('-Infinity');
  });

  it('leaves plain numbers alone in text columns too', () => {
    expect(field('-5', 'STRING')).toBe('-5');
    expect(field('+3.2', 'STRING')).toBe('+3.2');
    expect(field('-.5', 'STRING')).toBe('-.5');
  });

  it('prefixes signed text that is not a finite number', () => {
    expect(field('-', 'STRING')).toBe("'-");
    expect(field('- 5', 'STRING')).toBe("'- 5");
    expect(field('-5 ', 'STRING')).toBe("'-5 ");
    expect(field('-Infinity', 'DOUBLE')).toBe("'-Infinity");
    expect(field('+1e', 'STRING')).toBe("'+1e");
    expect(field('-0x1F', 'STRING')).toBe("'-0x1F");
    expect(field('+1 (555) 010-0199', 'STRING')).toBe("'+1 (555) 010-0199");
    expect(field('-5% discount not applied', 'STRING')).toBe("'-5% discount not applied");
    expect(field('-infinity', 'TIMESTAMP')).toBe("'-infinity");
  });

  it('leaves other text and mid-text formula characters alone', () => {
    expect(field('a=b')).toBe('a=b');
    expect(field(' =1')).toBe(' =1');
    expect(field("'=already")).toBe("'=already");
  });

  it('writes formulas unchanged with protection off', () => {
    expect(field('=SUM(A1)', 'STRING', false)).toBe('=SUM(A1)');
    expect(field('@x', 'STRING', false)).toBe('@x');
    expect(field('-2+3', 'STRING', false)).toBe('-2+3');
    expect(field('\r=1', 'STRING', false)).toBe('"\r=1"');
  });
});

describe('toCsv round trip', () => {
  // A fixed seed keeps failures reproducible.
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
  }
  const ALPHABET = ['a', 'Z', '0', ',', '"', '\r', '\n', ' ', '=', '+', '-', '@', '\t', "'", 'é', '😀', 'ع'];

  it('reads back every random text cell exactly', () => {
    const next = random(7);
    const columns = Array.from({ length: 8 }, (_, i) => column(`c${i}`));
    const rows: Cell[][] = Array.from({ length: 300 }, () =>
      columns.map(() => {
        const length = Math.floor(next() * 6);
        if (length === 5 && next() < 0.3) return null;
        return Array.from({ length }, () => ALPHABET[Math.floor(next() * ALPHABET.length)] ?? 'a').join('');
      }),
    );

    const parsed = parseCsv(toCsv(columns, rows, { bom: false, protectFormulas: false }));

    expect(parsed[0]).toEqual(columns.map((c) => c.name));
    expect(parsed.slice(1)).toEqual(rows);
  });

  it('reads back random nested values as JSON', () => {
    const next = random(11);
    const leaf = (): Cell => {
      const pick = next();
      if (pick < 0.15) return null;
      if (pick < 0.3) return next() < 0.5;
      if (pick < 0.5) return Math.round((next() - 0.5) * 1e6) / 100;
      const length = Math.floor(next() * 5);
      return Array.from({ length }, () => ALPHABET[Math.floor(next() * ALPHABET.length)] ?? 'a').join('');
    };
    const nested = (depth: number): Cell => {
      const size = Math.floor(next() * 4);
      const child = (): Cell => (depth < 3 && next() < 0.3 ? nested(depth + 1) : leaf());
      if (next() < 0.5) return Array.from({ length: size }, child);
      const record: Record<string, Cell> = {};
      for (let i = 0; i < size; i++) record[String(leaf())] = child();
      return record;
    };
    const columns = Array.from({ length: 4 }, (_, i) => column(`c${i}`, 'ARRAY<STRING>'));
    const rows: Cell[][] = Array.from({ length: 200 }, () => columns.map(() => nested(0)));

    const parsed = parseCsv(toCsv(columns, rows, { bom: false }));

    expect(parsed.slice(1)).toEqual(rows.map((row) => row.map((cell) => JSON.stringify(cell))));
  });

  it('adds only the prefix when protecting', () => {
    const rows: Cell[][] = [['=1+1', '-5', 'a,"b"', '\r=x', '', null]];
    const columns = rows[0]?.map((_, i) => column(`c${i}`)) ?? [];

    const parsed = parseCsv(toCsv(columns, rows, { bom: false }));

    expect(parsed[1]).toEqual(["'=1+1", '-5', 'a,"b"', "'\r=x", '', null]);
  });
});

describe('csvFileName', () => {
  const date = new Date('2026-12-04T20:15:03.456Z');

  it('joins the slugged title and the UTC time', () => {
    expect(csvFileName('Monthly revenue', date)).toBe('monthly-revenue-2026-12-04T20-15-03Z.csv');
  });

  it('falls back to query without a usable title', () => {
    expect(csvFileName(undefined, date)).toBe('query-2026-12-04T20-15-03Z.csv');
    expect(csvFileName('', date)).toBe('query-2026-12-04T20-15-03Z.csv');
    expect(csvFileName(' /:*?"<>| ', date)).toBe('query-2026-12-04T20-15-03Z.csv');
  });

  it('removes characters that file systems forbid', () => {
    expect(csvFileName('a/b\\c:d*e?f"g<h>i|j', date)).toBe('a-b-c-d-e-f-g-h-i-j-2026-12-04T20-15-03Z.csv');
    expect(csvFileName('../../etc/passwd', date)).toBe('etc-passwd-2026-12-04T20-15-03Z.csv');
    expect(csvFileName('tab\there\nnewline', date)).toBe('tab-here-newline-2026-12-04T20-15-03Z.csv');
  });

  it('keeps letters of any script', () => {
    expect(csvFileName('Café Überblick', date)).toBe('café-überblick-2026-12-04T20-15-03Z.csv');
    expect(csvFileName('تقرير شهري', date)).toBe('تقرير-شهري-2026-12-04T20-15-03Z.csv');
    expect(csvFileName('Ｒｅｖｅｎｕｅ 2026', date)).toBe('revenue-2026-2026-12-04T20-15-03Z.csv');
  });

  it('shortens long titles', () => {
    const name = csvFileName('x'.repeat(500), date);
    expect(name).toBe(`${'x'.repeat(80)}-2026-12-04T20-15-03Z.csv`);
  });

  it('rejects an invalid date', () => {
    expect(() => csvFileName('a', new Date('nope'))).toThrow(/valid date/);
  });
});
