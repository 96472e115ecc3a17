/** A syntax error found by `JsonScanner`, at a byte offset of the text. */
export class JsonSyntaxError extends Error {
  readonly offset: number;

  constructor(offset: number) {
    super(`invalid JSON at byte ${offset}`);
    this.name = 'JsonSyntaxError';
    this.offset = offset;
  }
}

/**
 * Walks JSON text as UTF-8 bytes without building any value. It checks the
 * syntax as strictly as `JSON.parse` and notes whether a number literal would
 * change as a double, so that valid text can be passed on as it is.
 * Bytes above 0x7F inside strings are not checked as UTF-8.
 */
export class JsonScanner {
  readonly bytes: Buffer;
  position = 0;
  /** Set once a number literal is seen that `String(Number(literal))` would not give back. */
  inexactNumber = false;

  constructor(bytes: Buffer) {
    this.bytes = bytes;
  }

  /** Skips whitespace and returns the next byte, or -1 at the end of the text. */
  peek(): number {
    const { bytes } = this;
    let position = this.position;
    while (position < bytes.length) {
      const byte = bytes[position] as number;
      if (byte !== SPACE && byte !== TAB && byte !== LF && byte !== CR) break;
      position += 1;
    }
    this.position = position;
    return position < bytes.length ? (bytes[position] as number) : -1;
  }

  /** Skips whitespace and the expected byte, or throws. */
  expect(byte: number): void {
    if (this.peek() !== byte) throw new JsonSyntaxError(this.position);
    this.position += 1;
  }

  /** Skips whitespace and one byte when it is `byte`; returns whether it was. */
  accept(byte: number): boolean {
    if (this.peek() !== byte) return false;
    this.position += 1;
    return true;
  }

  /**
   * Scans the elements of an array or the members of an object, whose opening
   * byte is at the position, calling `scanItem` for each until `closer`.
   */
  items(closer: number, scanItem: () => void): void {
    this.position += 1;
    if (this.accept(closer)) return;
    do scanItem();
    while (this.accept(COMMA));
    this.expect(closer);
  }

  /**
   * Scans one value of any kind. Arrays and objects are followed with a stack
   * of their closing bytes instead of recursion, so any depth of nesting that
   * `JSON.parse` reads is read here too.
   */
  value(): void {
    const first = this.peek();
    if (first !== OPEN_BRACKET && first !== OPEN_BRACE) {
      // Most cells are scalars, which need no stack.
      this.scalar(first);
      return;
    }

    const closers: number[] = [];
    for (;;) {
      const byte = this.peek();
      if (byte === OPEN_BRACKET || byte === OPEN_BRACE) {
        const closer = byte === OPEN_BRACKET ? CLOSE_BRACKET : CLOSE_BRACE;
        this.position += 1;
        if (!this.accept(closer)) {
          closers.push(closer);
          if (closer === CLOSE_BRACE) this.key();
          continue;
        }
      } else {
        this.scalar(byte);
      }

      // After a value: close every container that ends here, then go on to the next element.
      for (;;) {
        const closer = closers.at(-1);
        if (closer === undefined) return;
        if (this.accept(COMMA)) {
          if (closer === CLOSE_BRACE) this.key();
          break;
        }
        this.expect(closer);
        closers.pop();
      }
    }
  }

  /** Scans a string; the position must be at its opening quote. */
  string(): void {
    const { bytes } = this;
    let position = this.position + 1;
    for (;;) {
      if (position >= bytes.length) throw new JsonSyntaxError(position);
      const byte = bytes[position] as number;
      if (byte === QUOTE) break;
      if (byte < SPACE) throw new JsonSyntaxError(position);
      if (byte === BACKSLASH) position = this.escape(position);
      else position += 1;
    }
    this.position = position + 1;
  }

  /** Scans an object's `"key":`. */
  private key(): void {
    if (this.peek() !== QUOTE) throw new JsonSyntaxError(this.position);
    this.string();
    this.expect(COLON);
  }

  private scalar(byte: number): void {
    if (byte === QUOTE) this.string();
    else if (byte === MINUS || (byte >= DIGIT_0 && byte <= DIGIT_9)) this.number();
    else if (byte === LOWER_T) this.word(TRUE);
    else if (byte === LOWER_F) this.word(FALSE);
    else if (byte === LOWER_N) this.word(NULL);
    else throw new JsonSyntaxError(this.position);
  }

  private number(): void {
    const { bytes } = this;
    const start = this.position;
    let position = start;
    let integerOnly = true;
    if (bytes[position] === MINUS) position += 1;

    const firstDigit = position;
    if (bytes[position] === DIGIT_0) position += 1;
    else if (isDigit(bytes[position])) position = skipDigits(bytes, position);
    else throw new JsonSyntaxError(position);
    const integerDigits = position - firstDigit;

    if (bytes[position] === DOT) {
      integerOnly = false;
      if (!isDigit(bytes[position + 1])) throw new JsonSyntaxError(position + 1);
      position = skipDigits(bytes, position + 1);
    }
    if (bytes[position] === LOWER_E || bytes[position] === UPPER_E) {
      integerOnly = false;
      position += 1;
      if (bytes[position] === PLUS || bytes[position] === MINUS) position += 1;
      if (!isDigit(bytes[position])) throw new JsonSyntaxError(position);
      position = skipDigits(bytes, position);
    }
    this.position = position;

    if (this.inexactNumber) return;
    // Integers of up to 15 digits are below 2^53, so a double keeps them; only -0 loses its sign.
    const negativeZero = start !== firstDigit && integerDigits === 1 && bytes[firstDigit] === DIGIT_0;
    if (integerOnly && integerDigits <= MAX_EXACT_DIGITS && !negativeZero) return;
    const literal = latin1(bytes, start, position);
    if (String(Number(literal)) !== literal) this.inexactNumber = true;
  }

  private word(expected: readonly number[]): void {
    const { bytes, position } = this;
    for (let offset = 0; offset < expected.length; offset += 1) {
      if (bytes[position + offset] !== expected[offset]) throw new JsonSyntaxError(position + offset);
    }
    this.position = position + expected.length;
  }

  /** Checks the escape at `position` (a backslash) and returns the position after it. */
  private escape(position: number): number {
    const { bytes } = this;
    const kind = bytes[position + 1];
    if (kind === LOWER_U) {
      for (let offset = 2; offset < 6; offset += 1) {
        if (!isHexDigit(bytes[position + offset])) throw new JsonSyntaxError(position + offset);
      }
      return position + 6;
    }
    if (kind === undefined || !SIMPLE_ESCAPES.has(kind)) throw new JsonSyntaxError(position + 1);
    return position + 2;
  }
}

function skipDigits(bytes: Uint8Array, position: number): number {
  let next = position;
  while (isDigit(bytes[next])) next += 1;
  return next;
}

function isDigit(byte: number | undefined): boolean {
  return byte !== undefined && byte >= DIGIT_0 && byte <= DIGIT_9;
}

function isHexDigit(byte: number | undefined): boolean {
  if (byte === undefined) return false;
  return isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66);
}

/** Decodes ASCII bytes, such as a number literal, to a string. */
function latin1(bytes: Buffer, start: number, end: number): string {
  return bytes.toString('latin1', start, end);
}

const codes = (text: string): readonly number[] => [...text].map((char) => char.charCodeAt(0));

/** Every integer of up to 15 digits is below 2^53, so a double keeps it exactly. */
const MAX_EXACT_DIGITS = 15;
const TRUE = codes('true');
const FALSE = codes('false');
const NULL = codes('null');
const SIMPLE_ESCAPES = new Set(codes('"\\/bfnrt'));

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const PLUS = 0x2b;
const COMMA = 0x2c;
const MINUS = 0x2d;
const DOT = 0x2e;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const COLON = 0x3a;
const UPPER_E = 0x45;
const OPEN_BRACKET = 0x5b;
const BACKSLASH = 0x5c;
const CLOSE_BRACKET = 0x5d;
const LOWER_E = 0x65;
const LOWER_F = 0x66;
const LOWER_N = 0x6e;
const LOWER_T = 0x74;
const LOWER_U = 0x75;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

export const JSON_BYTES = { QUOTE, OPEN_BRACKET, CLOSE_BRACKET, OPEN_BRACE, CLOSE_BRACE, COLON, LOWER_F, LOWER_N, LOWER_T } as const;
