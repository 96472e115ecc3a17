import type { Cell, Column } from '@console/shared-types';
import { useEffect, useState } from 'react';
import { fullCellText } from './cell-format.js';
import type { ColumnKind } from './column-kind.js';
import { indentJson } from './indent-json.js';
import { cellToText } from './tsv.js';
import { formatTimestamp } from './timestamp.js';

interface CellViewerProps {
  value: Cell;
  column: Column;
  kind: ColumnKind;
  /** 1-based row number as shown in the grid. */
  rowNumber: number;
  onCopyValue: (text: string) => Promise<boolean>;
  onCopyRow: () => Promise<boolean>;
  onClose: () => void;
}

function viewerText(value: Cell): string {
  if (typeof value === 'string') return indentJson(value) ?? value;
  return fullCellText(value);
}

/** Shows the full value of the active cell, pretty-printed, in a side panel with copy buttons. */
export function CellViewer({ value, column, kind, rowNumber, onCopyValue, onCopyRow, onClose }: CellViewerProps) {
  const [copied, setCopied] = useState<string | null>(null);
  const text = viewerText(value);

  useEffect(() => setCopied(null), [value]);

  const copy = async (what: string, action: () => Promise<boolean>) => {
    setCopied((await action()) ? `${what} copied.` : 'The browser did not allow copying; select the text and press Ctrl+C.');
  };

  return (
    <aside
      className="cell-viewer"
      aria-label="Cell value"
      data-testid="cell-viewer"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <header>
        <h2>
          {column.name} <small>{column.type}</small>
        </h2>
        <p className="muted">Row {rowNumber}</p>
      </header>
      {value === null && <p className="cell-viewer-null">NULL (no value)</p>}
      {value === '' && <p className="cell-viewer-empty">Empty string (a value with no characters)</p>}
      {value !== null && value !== '' && (
        <pre className="cell-viewer-value" data-testid="cell-viewer-value" tabIndex={0}>
          {text}
        </pre>
      )}
      {kind === 'timestamp' && typeof value === 'string' && (
        <dl className="cell-viewer-times">
          <dt>UTC</dt>
          <dd>{formatTimestamp(value, 'utc')}</dd>
          <dt>Local time</dt>
          <dd>{formatTimestamp(value, 'local')}</dd>
        </dl>
      )}
      <div className="cell-viewer-actions">
        <button type="button" data-testid="cell-viewer-copy" onClick={() => void copy('Value', () => onCopyValue(cellToText(value)))}>
          Copy value
        </button>
        <button type="button" data-testid="cell-viewer-copy-row" onClick={() => void copy('Row', onCopyRow)}>
          Copy row
        </button>
        <button type="button" data-testid="cell-viewer-close" onClick={onClose}>
          Close <kbd>Esc</kbd>
        </button>
      </div>
      <p className="muted" role="status">
        {copied}
      </p>
    </aside>
  );
}
