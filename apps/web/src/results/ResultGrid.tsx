import type { Cell, Column } from '@console/shared-types';
import type { Table } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import type { ColumnKind } from './column-kind.js';
import { GridHeader } from './GridHeader.js';
import { GridRow } from './GridRow.js';
import { movePoint, selectionBounds, type CellPoint, type GridSelection, type SelectionBounds } from './selection.js';
import type { TimeZoneMode } from './timestamp.js';

const ROW_HEIGHT = 26;
const HEADER_HEIGHT = 40;
const ROW_OVERSCAN = 4;
const COLUMN_OVERSCAN = 1;
/** Width of one digit in the row number gutter, in pixels, plus its padding. */
const GUTTER_DIGIT_WIDTH = 8;
const GUTTER_PADDING = 20;

export interface ResultGridProps {
  table: Table<number>;
  columns: readonly Column[];
  rows: readonly (readonly Cell[])[];
  order: readonly number[];
  kinds: readonly ColumnKind[];
  timeZone: TimeZoneMode;
  selection: GridSelection | null;
  /** Whether the cell viewer is open; opening it narrows the grid, so the active cell is scrolled back into view. */
  viewerOpen: boolean;
  /** `fromPointer` is true for a click, which also opens the cell viewer. */
  onSelect: (point: CellPoint, extend: boolean, fromPointer: boolean) => void;
  onSelectRow: (row: number) => void;
  onOpenViewer: () => void;
  onEscape: () => void;
  onCopySelection: () => void;
}

// One tuple per bounds object, so memoized rows see the same value until the selection changes.
const selectedColsCache = new WeakMap<SelectionBounds, readonly [number, number]>();

function selectedColsFor(bounds: SelectionBounds): readonly [number, number] {
  let cols = selectedColsCache.get(bounds);
  if (cols === undefined) {
    cols = [bounds.left, bounds.right];
    selectedColsCache.set(bounds, cols);
  }
  return cols;
}

function pointFromTarget(target: EventTarget): CellPoint | null {
  if (!(target instanceof HTMLElement)) return null;
  const cell = target.closest<HTMLElement>('[data-row][data-col]');
  if (cell === null) return null;
  return { row: Number(cell.dataset['row']), col: Number(cell.dataset['col']) };
}

/** Renders the results grid with rows and columns virtualized, a sticky header and keyboard navigation. */
export function ResultGrid(props: ResultGridProps) {
  const { table, columns, rows, order, kinds, timeZone, selection } = props;
  const scrollRef = useRef<HTMLDivElement | null>(null);

  const leafColumns = table.getVisibleLeafColumns();
  const columnSizing = table.getState().columnSizing;
  const gutterWidth = String(order.length).length * GUTTER_DIGIT_WIDTH + GUTTER_PADDING;

  const rowVirtualizer = useVirtualizer({
    count: order.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: ROW_OVERSCAN,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: leafColumns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => leafColumns[index]?.getSize() ?? 0,
    overscan: COLUMN_OVERSCAN,
    paddingStart: gutterWidth,
    scrollPaddingStart: gutterWidth,
  });

  // Column widths are cached by the virtualizer; a resize must refresh them.
  useLayoutEffect(() => {
    columnVirtualizer.measure();
  }, [columnVirtualizer, columnSizing]);

  // Opening or closing the viewer changes the grid's width, so bring the active cell back into view.
  useLayoutEffect(() => {
    const active = scrollRef.current?.querySelector('.grid-cell.active');
    if (active instanceof HTMLElement) active.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [props.viewerOpen]);

  const timestampCols = useMemo(
    () => new Set(kinds.flatMap((kind, index) => (kind === 'timestamp' ? [index] : []))),
    [kinds],
  );

  const virtualRows = rowVirtualizer.getVirtualItems();
  const virtualColumns = columnVirtualizer.getVirtualItems();
  const totalWidth = columnVirtualizer.getTotalSize();
  const totalHeight = rowVirtualizer.getTotalSize();
  const bounds = useMemo(() => (selection === null ? null : selectionBounds(selection)), [selection]);
  const headers = table.getHeaderGroups()[0]?.headers ?? [];

  const onMouseDown = (event: MouseEvent) => {
    const point = pointFromTarget(event.target);
    if (point !== null) {
      props.onSelect(point, event.shiftKey, true);
      return;
    }
    if (event.target instanceof HTMLElement) {
      const rowHeader = event.target.closest<HTMLElement>('[data-row-header]');
      if (rowHeader !== null) props.onSelectRow(Number(rowHeader.dataset['rowHeader']));
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target !== event.currentTarget) return;
    const modifier = event.ctrlKey || event.metaKey;
    if (modifier && event.key.toLowerCase() === 'c') {
      event.preventDefault();
      props.onCopySelection();
      return;
    }
    // Ctrl/Cmd+Enter is left to the page, where it runs the query.
    if (event.key === 'Enter' && !modifier) {
      event.preventDefault();
      if (selection === null) props.onSelect({ row: 0, col: 0 }, false, false);
      props.onOpenViewer();
      return;
    }
    if (event.key === 'Escape') {
      props.onEscape();
      return;
    }
    const current = selection?.focus ?? { row: 0, col: 0 };
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 2);
    const next =
      selection === null && event.key.startsWith('Arrow')
        ? current
        : movePoint(current, event.key, { rowCount: order.length, colCount: columns.length, pageRows }, modifier);
    if (next === null) return;
    event.preventDefault();
    props.onSelect(next, event.shiftKey, false);
    rowVirtualizer.scrollToIndex(next.row, { align: 'auto' });
    columnVirtualizer.scrollToIndex(next.col, { align: 'auto' });
  };

  return (
    <div
      ref={scrollRef}
      className="grid-scroll"
      role="grid"
      aria-label="Query results"
      aria-rowcount={order.length + 1}
      aria-colcount={columns.length + 1}
      aria-multiselectable="true"
      tabIndex={0}
      data-testid="results-grid"
      onMouseDown={onMouseDown}
      onKeyDown={onKeyDown}
    >
      <div className="grid-canvas" style={{ width: totalWidth, height: totalHeight }}>
        <GridHeader
          headers={headers}
          columns={columns}
          virtualColumns={virtualColumns}
          totalWidth={totalWidth}
          gutterWidth={gutterWidth}
          height={HEADER_HEIGHT}
          timeZoneLabel={timeZone === 'utc' ? 'UTC' : 'local'}
          timestampCols={timestampCols}
        />
        {/* One sticky column for all row numbers: a sticky element per row would each be a compositor layer. */}
        <div className="grid-gutter-column" aria-hidden="true" style={{ width: gutterWidth, height: totalHeight - HEADER_HEIGHT }}>
          {virtualRows.map((virtualRow) => (
            <div
              key={virtualRow.key}
              className="grid-gutter"
              data-row-header={virtualRow.index}
              style={{ transform: `translateY(${virtualRow.start - HEADER_HEIGHT}px)`, height: ROW_HEIGHT }}
            >
              {virtualRow.index + 1}
            </div>
          ))}
        </div>
        {virtualRows.map((virtualRow) => {
          const inSelection = bounds !== null && virtualRow.index >= bounds.top && virtualRow.index <= bounds.bottom;
          return (
            <GridRow
              key={virtualRow.key}
              row={rows[order[virtualRow.index] ?? -1]}
              displayIndex={virtualRow.index}
              top={virtualRow.start}
              height={ROW_HEIGHT}
              virtualColumns={virtualColumns}
              kinds={kinds}
              timeZone={timeZone}
              totalWidth={totalWidth}
              selectedCols={inSelection ? selectedColsFor(bounds) : null}
              activeCol={selection !== null && selection.focus.row === virtualRow.index ? selection.focus.col : -1}
            />
          );
        })}
      </div>
    </div>
  );
}
