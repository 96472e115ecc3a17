import { describe, expect, it } from 'vitest';
import { messageInEditorTerms } from '../src/editor/positions.js';

const MESSAGE = 'Only a single read-only SELECT query can run here, but a DELETE statement was found at line 1, column 1.';

describe('messageInEditorTerms', () => {
  it('counts from the statement start in the editor', () => {
    const message = messageInEditorTerms(MESSAGE, { line: 3, column: 4 }, { line: 1, column: 1 });
    expect(message).toContain('at line 3, column 4.');
    expect(message).not.toContain('line 1, column 1');
  });

  it('keeps the column of later lines', () => {
    const message = messageInEditorTerms(
      MESSAGE.replace('line 1, column 1', 'line 2, column 7'),
      { line: 5, column: 10 },
      { line: 2, column: 7 },
    );
    expect(message).toContain('at line 6, column 7.');
  });

  it('leaves a message from the top of the editor unchanged', () => {
    expect(messageInEditorTerms(MESSAGE, { line: 1, column: 1 }, { line: 1, column: 1 })).toBe(MESSAGE);
  });

  it('leaves a message without the phrase unchanged', () => {
    const engineMessage = 'Binder Error: column "titel" not found';
    expect(messageInEditorTerms(engineMessage, { line: 4, column: 1 }, { line: 1, column: 8 })).toBe(engineMessage);
  });
});
