/**
 * Re-indents JSON text without parsing it, so numbers keep every digit (JSON.parse
 * would round a 64-bit id). Returns null when the text is not a JSON object or
 * array or its brackets and quotes do not balance.
 */
export function indentJson(text: string, indent = '  '): string | null {
  const source = text.trim();
  if (!source.startsWith('{') && !source.startsWith('[')) return null;

  let out = '';
  let depth = 0;
  let inString = false;
  const newline = (): string => `\n${indent.repeat(depth)}`;

  for (let i = 0; i < source.length; i++) {
    const char = source.charAt(i);
    if (inString) {
      out += char;
      if (char === '\\') {
        out += source.charAt(i + 1);
        i++;
      } else if (char === '"') {
        inString = false;
      }
      continue;
    }

    if (char === '"') {
      inString = true;
      out += char;
    } else if (char === '{' || char === '[') {
      const close = char === '{' ? '}' : ']';
      const next = source.slice(i + 1).trimStart().charAt(0);
      if (next === close) {
        // Keep empty objects and arrays on one line.
        out += char + close;
        i = source.indexOf(close, i + 1);
        continue;
      }
      depth++;
      out += char + newline();
    } else if (char === '}' || char === ']') {
      depth--;
      if (depth < 0) return null;
      out += newline() + char;
    } else if (char === ',') {
      out += char + newline();
    } else if (char === ':') {
      out += ': ';
    } else if (!/\s/.test(char)) {
      out += char;
    }
  }
  return depth === 0 && !inString ? out : null;
}
