import type { Cell } from '@console/shared-types';
import type { VirtualItem } from '@tanstack/react-virtual';
import { memo } from 'react';
import { formatCell } from './cell-format.js';
import type { ColumnKind } from './column-kind.js';
import type { TimeZoneMode } from './timestamp.js';

interface GridRowProps {
  row: readonly Cell[] | undefined;
  /** Row position on screen, 0-based, after sorting. */
  displayIndex: number;
  top: number;
  height: number;
  virtualColumns: VirtualItem[];
  kinds: readonly ColumnKind[];
  timeZone: TimeZoneMode;
  totalWidth: number;
  /** Selected columns of this row as [left, right], or null. */
  selectedCols: readonly [number, number] | null;
  /** The active cell's column when it is in this row, or -1. */
  activeCol: number;
}

/**
 * One grid row with only its visible cells. Memoized, so scrolling along one
 * axis re-renders only the rows that come into view.
 */
export const GridRow = memo(function GridRow(props: GridRowProps) {
  const { row, displayIndex, virtualColumns, kinds, timeZone, selectedCols, activeCol } = props;
  return (
    <div
      className="grid-row"
      role="row"
      aria-rowindex={displayIndex + 2}
      style={{ transform: `translateY(${props.top}px)`, width: props.totalWidth, height: props.height }}
    >
      {virtualColumns.map((virtualColumn) => {
        const col = virtualColumn.index;
        const kind = kinds[col] ?? 'text';
        const display = formatCell(row?.[col] ?? null, kind, timeZone);
        const selected = selectedCols !== null && col >= selectedCols[0] && col <= selectedCols[1];
        let className = `grid-cell kind-${kind} tag-${display.tag}`;
        if (selected) className += ' selected';
        if (col === activeCol) className += ' active';
        // The mark of an empty string is drawn by CSS, so its meaning is given in words here.
        const label = display.tag === 'empty' ? 'Empty string' : undefined;
        return (
          <div
            key={virtualColumn.key}
            className={className}
            role="gridcell"
            aria-colindex={col + 2}
            aria-selected={selected || undefined}
            data-row={displayIndex}
            data-col={col}
            title={label}
            aria-label={label}
            style={{ left: virtualColumn.start, width: virtualColumn.size }}
          >
            {display.text}
          </div>
        );
      })}
    </div>
  );
});
