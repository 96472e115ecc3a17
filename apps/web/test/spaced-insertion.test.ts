import { describe, expect, it } from 'vitest';
import { spacedInsertion } from '../src/editor/positions.js';

describe('spacedInsertion', () => {
  it.each([
    ['a name before a keyword', '', 'tricky_values', 'SELECT * FROM t', 'tricky_values '],
    ['a name after a keyword', 'SELECT * FROM', 'tricky_values', '', ' tricky_values'],
    ['a name between words', 'FROM', 'message', 'WHERE', ' message '],
    ['a name after a space', 'FROM ', 'message', ' WHERE', 'message'],
    ['a name after a dot', 'SELECT m.', 'content', ' FROM m', 'content'],
    ['a name before a comma', 'SELECT ', 'id', ', role', 'id'],
    ['a name after an opening bracket', 'count(', 'id', ')', 'id'],
    ['a quoted name after a word', 'FROM', '"order"', '', ' "order"'],
    ['an accented name between words', 'FROM', 'données', 'où', ' données '],
  ])('inserts %s', (_case, before, text, after, expected) => {
    expect(spacedInsertion(before, text, after)).toBe(expected);
  });
});
