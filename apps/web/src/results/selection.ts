/** A cell in display coordinates: the row as sorted on screen, the column index. */
export interface CellPoint {
  row: number;
  col: number;
}

/** A rectangular selection from `anchor` (where it started) to `focus` (the active cell). */
export interface GridSelection {
  anchor: CellPoint;
  focus: CellPoint;
}

export interface SelectionBounds {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export function selectionBounds(selection: GridSelection): SelectionBounds {
  const { anchor, focus } = selection;
  return {
    top: Math.min(anchor.row, focus.row),
    bottom: Math.max(anchor.row, focus.row),
    left: Math.min(anchor.col, focus.col),
    right: Math.max(anchor.col, focus.col),
  };
}

export function isInside(bounds: SelectionBounds, row: number, col: number): boolean {
  return row >= bounds.top && row <= bounds.bottom && col >= bounds.left && col <= bounds.right;
}

export interface GridSize {
  rowCount: number;
  colCount: number;
  /** Rows that fit in the viewport, the step of Page Up and Page Down. */
  pageRows: number;
}

function clamp(value: number, max: number): number {
  return Math.min(Math.max(0, value), Math.max(0, max));
}

/**
 * Returns where a navigation key moves the active cell, or null for any other
 * key. With `toEdge` (Ctrl or Cmd held) arrows jump to the first or last cell.
 */
export function movePoint(point: CellPoint, key: string, size: GridSize, toEdge: boolean): CellPoint | null {
  const lastRow = size.rowCount - 1;
  const lastCol = size.colCount - 1;
  switch (key) {
    case 'ArrowUp':
      return { row: toEdge ? 0 : clamp(point.row - 1, lastRow), col: point.col };
    case 'ArrowDown':
      return { row: toEdge ? clamp(lastRow, lastRow) : clamp(point.row + 1, lastRow), col: point.col };
    case 'ArrowLeft':
      return { row: point.row, col: toEdge ? 0 : clamp(point.col - 1, lastCol) };
    case 'ArrowRight':
      return { row: point.row, col: toEdge ? clamp(lastCol, lastCol) : clamp(point.col + 1, lastCol) };
    case 'Home':
      return toEdge ? { row: 0, col: 0 } : { row: point.row, col: 0 };
    case 'End':
      return toEdge ? { row: clamp(lastRow, lastRow), col: clamp(lastCol, lastCol) } : { row: point.row, col: clamp(lastCol, lastCol) };
    case 'PageUp':
      return { row: clamp(point.row - size.pageRows, lastRow), col: point.col };
    case 'PageDown':
      return { row: clamp(point.row + size.pageRows, lastRow), col: point.col };
    default:
      return null;
  }
}
