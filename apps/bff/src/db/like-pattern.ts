/** Turns free text into a `LIKE ... ESCAPE '\'` pattern that matches it anywhere, wildcards taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
