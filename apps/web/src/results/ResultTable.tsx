import type { Cell, Column } from '@console/shared-types';
import { memo, useCallback, useLayoutEffect, useRef, useState } from 'react';
import { CellViewer } from './CellViewer.js';
import { copyText } from './clipboard.js';
import { selectedBlock } from './copy-selection.js';
import { ResultGrid } from './ResultGrid.js';
import { selectionBounds, type CellPoint, type GridSelection } from './selection.js';
import type { TimeZoneMode } from './timestamp.js';
import { toTsv } from './tsv.js';
import { useResultTable } from './use-result-table.js';

interface ResultTableProps {
  columns: readonly Column[];
  rows: readonly (readonly Cell[])[];
  timeZone: TimeZoneMode;
}

/**
 * Marks the first paint of a new result's cells for benchmarks. The mark is set
 * after the frame that shows them: rAF runs before that paint, the task it
 * schedules runs after it.
 */
function useFirstCellMark(hasCells: boolean): void {
  const marked = useRef(false);
  useLayoutEffect(() => {
    if (!hasCells || marked.current) return;
    marked.current = true;
    requestAnimationFrame(() => setTimeout(() => performance.mark('grid-first-cell'), 0));
  }, [hasCells]);
}

/**
 * One result: the grid, its selection and the cell viewer. Mount it with the
 * result's runId as key, so sort, sizes and selection start fresh per result.
 */
export const ResultTable = memo(function ResultTable({ columns, rows, timeZone }: ResultTableProps) {
  const { table, order, kinds } = useResultTable(columns, rows);
  const [selection, setSelection] = useState<GridSelection | null>(null);
  const [viewerOpen, setViewerOpen] = useState(false);
  const gridFocusRef = useRef<HTMLDivElement | null>(null);
  useFirstCellMark(rows.length > 0 && columns.length > 0);

  const onSelect = useCallback((point: CellPoint, extend: boolean, fromPointer: boolean) => {
    setSelection((current) => (extend && current !== null ? { anchor: current.anchor, focus: point } : { anchor: point, focus: point }));
    if (fromPointer && !extend) setViewerOpen(true);
  }, []);

  const onSelectRow = useCallback(
    (row: number) => setSelection({ anchor: { row, col: 0 }, focus: { row, col: Math.max(0, columns.length - 1) } }),
    [columns.length],
  );

  const copySelection = useCallback(async (): Promise<boolean> => {
    if (selection === null) return false;
    return copyText(toTsv(null, selectedBlock(rows, order, selectionBounds(selection))));
  }, [rows, order, selection]);

  const copyRow = useCallback(async (): Promise<boolean> => {
    if (selection === null) return false;
    const row = selection.focus.row;
    return copyText(toTsv(null, selectedBlock(rows, order, { top: row, bottom: row, left: 0, right: columns.length - 1 })));
  }, [rows, order, selection, columns.length]);

  const closeViewer = useCallback(() => {
    setViewerOpen(false);
    gridFocusRef.current?.querySelector<HTMLElement>('[role="grid"]')?.focus();
  }, []);

  const onEscape = useCallback(() => {
    if (viewerOpen) setViewerOpen(false);
    else setSelection(null);
  }, [viewerOpen]);

  const focus = selection?.focus ?? null;
  const focusColumn = focus === null ? undefined : columns[focus.col];
  const focusRow = focus === null ? undefined : rows[order[focus.row] ?? -1];

  return (
    <div className="result-body" ref={gridFocusRef}>
      <ResultGrid
        table={table}
        columns={columns}
        rows={rows}
        order={order}
        kinds={kinds}
        timeZone={timeZone}
        selection={selection}
        viewerOpen={viewerOpen}
        onSelect={onSelect}
        onSelectRow={onSelectRow}
        onOpenViewer={() => setViewerOpen(true)}
        onEscape={onEscape}
        onCopySelection={() => void copySelection()}
      />
      {viewerOpen && focus !== null && focusColumn !== undefined && focusRow !== undefined && (
        <CellViewer
          value={focusRow[focus.col] ?? null}
          column={focusColumn}
          kind={kinds[focus.col] ?? 'text'}
          rowNumber={focus.row + 1}
          onCopyValue={copyText}
          onCopyRow={copyRow}
          onClose={closeViewer}
        />
      )}
    </div>
  );
});
