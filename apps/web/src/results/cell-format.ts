import type { Cell } from '@console/shared-types';
import type { ColumnKind } from './column-kind.js';
import { formatTimestamp, type TimeZoneMode } from './timestamp.js';

/** Grid text of a cell, with a tag that marks NULL and the empty string. */
export interface CellDisplay {
  text: string;
  /** `null` and `empty` get their own styles so the two are never confused. */
  tag: 'null' | 'empty' | 'value';
}

/** Characters of a long text shown in a grid cell; the cell viewer shows all of it. */
const MAX_CELL_CHARS = 1000;
const LINE_BREAKS = /\r\n|\r|\n/g;

function oneLine(text: string): string {
  const short = text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS)}…` : text;
  // A grid row has room for one line, so line breaks are shown as a visible mark.
  return short.includes('\n') || short.includes('\r') ? short.replace(LINE_BREAKS, '↵') : short;
}

const NULL_DISPLAY: CellDisplay = { text: 'NULL', tag: 'null' };
const EMPTY_DISPLAY: CellDisplay = { text: '', tag: 'empty' };

function formatNumber(value: number): string {
  // String() gives the shortest text that reads back as the same double, so
  // nothing is rounded; it only loses the sign of -0, kept here.
  return Object.is(value, -0) ? '-0' : String(value);
}

/**
 * Returns the grid text of one cell. Strings are shown as received, so BIGINT
 * and DECIMAL values sent as strings keep every digit. Only line breaks become
 * `↵`, and text past 1000 characters is cut. Nested values are compact JSON,
 * and instants follow the UTC or local time switch.
 */
export function formatCell(value: Cell, kind: ColumnKind, timeZone: TimeZoneMode): CellDisplay {
  if (value === null) return NULL_DISPLAY;
  if (typeof value === 'string') {
    if (value === '') return EMPTY_DISPLAY;
    return { text: kind === 'timestamp' ? formatTimestamp(value, timeZone) : oneLine(value), tag: 'value' };
  }
  if (typeof value === 'number') return { text: formatNumber(value), tag: 'value' };
  if (typeof value === 'boolean') return { text: value ? 'true' : 'false', tag: 'value' };
  return { text: oneLine(JSON.stringify(value)), tag: 'value' };
}

/** Returns the full text of a cell for the cell viewer and for copying: nested values as indented JSON. */
export function fullCellText(value: Cell): string {
  if (value === null) return 'NULL';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return JSON.stringify(value, null, 2);
}

