import type { Column } from '@console/shared-types';
import type { Header } from '@tanstack/react-table';
import type { VirtualItem } from '@tanstack/react-virtual';
import type { KeyboardEvent } from 'react';

const RESIZE_STEP = 16;

interface GridHeaderProps {
  headers: Header<number, unknown>[];
  columns: readonly Column[];
  virtualColumns: VirtualItem[];
  totalWidth: number;
  gutterWidth: number;
  height: number;
  timeZoneLabel: string;
  timestampCols: ReadonlySet<number>;
}

function ariaSort(sorted: false | 'asc' | 'desc'): 'ascending' | 'descending' | 'none' {
  if (sorted === 'asc') return 'ascending';
  if (sorted === 'desc') return 'descending';
  return 'none';
}

function resizeByKey(event: KeyboardEvent, header: Header<number, unknown>): void {
  if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
  event.preventDefault();
  event.stopPropagation();
  const step = event.key === 'ArrowLeft' ? -RESIZE_STEP : RESIZE_STEP;
  const id = header.column.id;
  header.getContext().table.setColumnSizing((sizes) => ({ ...sizes, [id]: header.column.getSize() + step }));
}

/** Renders the sticky header row with sort buttons, types and resize handles of the visible columns. */
export function GridHeader(props: GridHeaderProps) {
  const { headers, columns, virtualColumns, totalWidth, gutterWidth, height, timeZoneLabel, timestampCols } = props;
  return (
    <div className="grid-header" role="row" aria-rowindex={1} style={{ width: totalWidth, height }}>
      <div className="grid-corner" role="columnheader" aria-label="Row number" style={{ width: gutterWidth, height }} />
      {virtualColumns.map((virtualColumn) => {
        const header = headers[virtualColumn.index];
        const column = columns[virtualColumn.index];
        if (header === undefined || column === undefined) return null;
        const sorted = header.column.getIsSorted();
        const type = timestampCols.has(virtualColumn.index) ? `${column.type} · ${timeZoneLabel}` : column.type;
        return (
          <div
            key={virtualColumn.key}
            className="grid-header-cell"
            role="columnheader"
            aria-colindex={virtualColumn.index + 2}
            aria-sort={ariaSort(sorted)}
            style={{ left: virtualColumn.start, width: virtualColumn.size, height }}
          >
            <button
              type="button"
              className="grid-sort-button"
              data-sorted={sorted === false ? undefined : sorted}
              title={`${column.name} (${column.type}): sort`}
              onClick={header.column.getToggleSortingHandler()}
            >
              {column.name}
              <small>{type}</small>
            </button>
            <div
              className={header.column.getIsResizing() ? 'grid-resizer resizing' : 'grid-resizer'}
              role="separator"
              aria-orientation="vertical"
              aria-label={`Resize column ${column.name}`}
              aria-valuenow={header.column.getSize()}
              tabIndex={0}
              onMouseDown={header.getResizeHandler()}
              onTouchStart={header.getResizeHandler()}
              onDoubleClick={() => header.column.resetSize()}
              onKeyDown={(event) => resizeByKey(event, header)}
            />
          </div>
        );
      })}
    </div>
  );
}
