// A 1000 x 100 result full of values that CSV writers get wrong: separators,
// quotes and line breaks inside text, formula-like text, empty strings next to
// NULL, numbers sent as strings that a double would round, nested values.

/** A small deterministic generator (mulberry32), so every run writes the same data. */
function randomGenerator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = ['alpha', 'Zoë', 'naïve', 'café', '東京', 'emoji 🎉', 'tab\there', 'O\'Brien', 'semi;colon', 'back\\slash'];

const kinds = [
  { type: 'STRING', make: (random, i) => `${words[i % words.length]}, ${Math.floor(random() * 1000)}` },
  { type: 'STRING', make: (random, i) => `He said "${words[i % words.length]}"` },
  { type: 'STRING', make: (random, i) => `line one\r\nline two ${i}\nline three` },
  { type: 'STRING', make: (random, i) => ['=SUM(A1:A9)', '+1', '-2.5', '@cmd', '-x', '\tlead'][i % 6] },
  { type: 'STRING', make: (random, i) => (i % 3 === 0 ? '' : i % 3 === 1 ? null : 'text') },
  { type: 'BIGINT', make: (random, i) => `${9007199254740993n + BigInt(i) * 7919n}` },
  { type: 'DECIMAL(38,18)', make: (random, i) => `${i % 2 === 0 ? '-' : ''}12345678901234567890.${String(i).padStart(18, '0')}` },
  { type: 'DOUBLE', make: (random) => (random() - 0.5) * 1e6 },
  { type: 'BOOLEAN', make: (random) => (random() < 0.5 ? true : random() < 0.5 ? false : null) },
  { type: 'ARRAY<STRING>', make: (random, i) => (i % 2 === 0 ? ['a,b', 'c"d', null] : { key: 'value, "quoted"', n: i }) },
];

/** Returns columns and rows of the given shape; column i has the kind i mod 10. */
export function trickyResult(rowCount = 1000, columnCount = 100) {
  const random = randomGenerator(20261204);
  const columns = [];
  for (let c = 0; c < columnCount; c += 1) {
    const kind = kinds[c % kinds.length];
    columns.push({ name: c % 7 === 0 ? `col ${c}, "quoted"` : `col_${c}`, type: kind.type });
  }
  const rows = [];
  for (let r = 0; r < rowCount; r += 1) {
    const row = new Array(columnCount);
    for (let c = 0; c < columnCount; c += 1) row[c] = kinds[c % kinds.length].make(random, r + c);
    rows.push(row);
  }
  return { columns, rows };
}
