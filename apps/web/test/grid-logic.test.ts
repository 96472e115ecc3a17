import type { Cell, Column } from '@console/shared-types';
import { describe, expect, it } from 'vitest';
import { offsetToPosition, toEditorPosition, underlineRange } from '../src/editor/positions.js';
import { selectedBlock } from '../src/results/copy-selection.js';
import { sortRowOrder } from '../src/results/row-order.js';
import { isInside, movePoint, selectionBounds } from '../src/results/selection.js';

const size = { rowCount: 100, colCount: 10, pageRows: 20 };

describe('movePoint', () => {
  it('moves one cell with arrows and stops at the edges', () => {
    expect(movePoint({ row: 5, col: 5 }, 'ArrowDown', size, false)).toEqual({ row: 6, col: 5 });
    expect(movePoint({ row: 0, col: 0 }, 'ArrowUp', size, false)).toEqual({ row: 0, col: 0 });
    expect(movePoint({ row: 0, col: 9 }, 'ArrowRight', size, false)).toEqual({ row: 0, col: 9 });
  });

  it('jumps to the edge with Ctrl', () => {
    expect(movePoint({ row: 5, col: 5 }, 'ArrowDown', size, true)).toEqual({ row: 99, col: 5 });
    expect(movePoint({ row: 5, col: 5 }, 'Home', size, true)).toEqual({ row: 0, col: 0 });
    expect(movePoint({ row: 5, col: 5 }, 'End', size, false)).toEqual({ row: 5, col: 9 });
  });

  it('pages by the visible row count', () => {
    expect(movePoint({ row: 5, col: 1 }, 'PageDown', size, false)).toEqual({ row: 25, col: 1 });
    expect(movePoint({ row: 95, col: 1 }, 'PageDown', size, false)).toEqual({ row: 99, col: 1 });
    expect(movePoint({ row: 5, col: 1 }, 'PageUp', size, false)).toEqual({ row: 0, col: 1 });
  });

  it('ignores other keys', () => {
    expect(movePoint({ row: 5, col: 5 }, 'a', size, false)).toBeNull();
  });
});

describe('selection', () => {
  it('normalizes a selection dragged up and left', () => {
    const bounds = selectionBounds({ anchor: { row: 8, col: 4 }, focus: { row: 2, col: 1 } });
    expect(bounds).toEqual({ top: 2, bottom: 8, left: 1, right: 4 });
    expect(isInside(bounds, 2, 4)).toBe(true);
    expect(isInside(bounds, 9, 4)).toBe(false);
  });

  it('copies the block in display order', () => {
    const rows: Cell[][] = [
      ['a', 1, null],
      ['b', 2, ''],
      ['c', 3, 'z'],
    ];
    expect(selectedBlock(rows, [2, 0, 1], { top: 0, bottom: 1, left: 1, right: 2 })).toEqual([
      [3, 'z'],
      [1, null],
    ]);
  });
});

describe('sortRowOrder', () => {
  const columns: Column[] = [{ name: 'amount', type: 'DECIMAL(38,9)' }];
  const rows: Cell[][] = [['10.5'], [null], ['9.25'], ['100'], ['9.25']];

  it('keeps the received order without a sort', () => {
    expect(sortRowOrder(rows, columns, null)).toEqual([0, 1, 2, 3, 4]);
  });

  it('sorts numbers sent as strings by value, ties stable, NULL last', () => {
    expect(sortRowOrder(rows, columns, { col: 0, direction: 'asc' })).toEqual([2, 4, 0, 3, 1]);
  });

  it('keeps NULL last when descending', () => {
    expect(sortRowOrder(rows, columns, { col: 0, direction: 'desc' })).toEqual([3, 0, 2, 4, 1]);
  });
});

describe('editor positions', () => {
  it('finds line and column of an offset', () => {
    expect(offsetToPosition('SELECT\n  x\nFROM t', 0)).toEqual({ line: 1, column: 1 });
    expect(offsetToPosition('SELECT\n  x\nFROM t', 9)).toEqual({ line: 2, column: 3 });
  });

  it('moves a position of a selection into the editor text', () => {
    const origin = { line: 3, column: 5 };
    expect(toEditorPosition(origin, { line: 1, column: 8 })).toEqual({ line: 3, column: 12 });
    expect(toEditorPosition(origin, { line: 2, column: 4 })).toEqual({ line: 4, column: 4 });
  });

  it('underlines the reported length', () => {
    expect(underlineRange({ line: 2, column: 3 }, 20, 6, null)).toEqual({
      startLineNumber: 2,
      startColumn: 3,
      endLineNumber: 2,
      endColumn: 9,
    });
  });

  it('underlines the word when the length is unknown', () => {
    expect(underlineRange({ line: 1, column: 1 }, 20, undefined, 7).endColumn).toBe(7);
  });

  it('underlines at least one character within the line', () => {
    expect(underlineRange({ line: 1, column: 50 }, 10, undefined, null)).toEqual({
      startLineNumber: 1,
      startColumn: 10,
      endLineNumber: 1,
      endColumn: 11,
    });
    expect(underlineRange({ line: 1, column: 4 }, 10, 100, null).endColumn).toBe(11);
  });
});
