/**
 * A JSON value read with the source text of every node kept. A test can then
 * compare numbers digit for digit as the server wrote them, and nested values
 * as their exact JSON text, where `JSON.parse` would round big numbers.
 */
export type RawJson =
  | { kind: 'null'; text: string }
  | { kind: 'boolean'; text: string; value: boolean }
  | { kind: 'number'; text: string }
  | { kind: 'string'; text: string; value: string }
  | { kind: 'array'; text: string; items: RawJson[] }
  | { kind: 'object'; text: string; entries: Map<string, RawJson> };

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;

class RawJsonReader {
  private offset = 0;

  constructor(private readonly source: string) {}

  read(): RawJson {
    const value = this.value();
    this.skipWhitespace();
    if (this.offset !== this.source.length) this.fail('text after the JSON value');
    return value;
  }

  private fail(what: string): never {
    throw new SyntaxError(`Invalid JSON at offset ${this.offset}: ${what}.`);
  }

  private skipWhitespace(): void {
    WHITESPACE.lastIndex = this.offset;
    WHITESPACE.exec(this.source);
    this.offset = WHITESPACE.lastIndex;
  }

  private value(): RawJson {
    this.skipWhitespace();
    const start = this.offset;
    const char = this.source[start];
    if (char === '{') return this.object(start);
    if (char === '[') return this.array(start);
    if (char === '"') {
      const value = this.string();
      return { kind: 'string', text: this.source.slice(start, this.offset), value };
    }
    for (const [word, node] of [
      ['null', { kind: 'null', text: 'null' }],
      ['true', { kind: 'boolean', text: 'true', value: true }],
      ['false', { kind: 'boolean', text: 'false', value: false }],
    ] as const) {
      if (this.source.startsWith(word, start)) {
        this.offset += word.length;
        return node;
      }
    }
    NUMBER.lastIndex = start;
    const match = NUMBER.exec(this.source);
    if (match === null) this.fail('expected a value');
    this.offset = NUMBER.lastIndex;
    return { kind: 'number', text: match[0] };
  }

  /** Reads a string token; JSON.parse decodes its escapes exactly as the browser would. */
  private string(): string {
    const start = this.offset;
    let index = start + 1;
    while (index < this.source.length && this.source[index] !== '"') {
      index += this.source[index] === '\\' ? 2 : 1;
    }
    if (index >= this.source.length) this.fail('unterminated string');
    this.offset = index + 1;
    return JSON.parse(this.source.slice(start, this.offset)) as string;
  }

  private expect(char: string): void {
    this.skipWhitespace();
    if (this.source[this.offset] !== char) this.fail(`expected ${char}`);
    this.offset++;
  }

  /** Consumes `close` and returns true, or consumes a comma and returns false. */
  private endOrComma(close: string): boolean {
    this.skipWhitespace();
    const char = this.source[this.offset];
    if (char === close) {
      this.offset++;
      return true;
    }
    if (char !== ',') this.fail(`expected , or ${close}`);
    this.offset++;
    return false;
  }

  private array(start: number): RawJson {
    this.offset++;
    const items: RawJson[] = [];
    this.skipWhitespace();
    if (this.source[this.offset] === ']') {
      this.offset++;
    } else {
      do items.push(this.value());
      while (!this.endOrComma(']'));
    }
    return { kind: 'array', text: this.source.slice(start, this.offset), items };
  }

  private object(start: number): RawJson {
    this.offset++;
    const entries = new Map<string, RawJson>();
    this.skipWhitespace();
    if (this.source[this.offset] === '}') {
      this.offset++;
    } else {
      do {
        this.skipWhitespace();
        if (this.source[this.offset] !== '"') this.fail('expected a key');
        const key = this.string();
        this.expect(':');
        entries.set(key, this.value());
      } while (!this.endOrComma('}'));
    }
    return { kind: 'object', text: this.source.slice(start, this.offset), entries };
  }
}

/** Parses JSON text, keeping each node's source text. Throws SyntaxError on invalid JSON. */
export function parseRawJson(source: string): RawJson {
  return new RawJsonReader(source).read();
}

/** Returns the member `key` of an object node, failing with the path when it is missing. */
export function member(node: RawJson, key: string): RawJson {
  if (node.kind !== 'object') throw new TypeError(`Expected an object with "${key}", got ${node.kind}.`);
  const value = node.entries.get(key);
  if (value === undefined) throw new TypeError(`The object has no member "${key}".`);
  return value;
}

/** Returns the items of an array node. */
export function items(node: RawJson): RawJson[] {
  if (node.kind !== 'array') throw new TypeError(`Expected an array, got ${node.kind}.`);
  return node.items;
}
