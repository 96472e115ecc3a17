import type { Cell, Column } from '@console/shared-types';
import { useState } from 'react';
import { downloadCsv } from './download-csv.js';

interface CsvButtonProps {
  columns: readonly Column[];
  rows: readonly (readonly Cell[])[];
  title: string | undefined;
}

/** Downloads the result as CSV, with the two options people need to switch. */
export function CsvButton({ columns, rows, title }: CsvButtonProps) {
  const [bom, setBom] = useState(true);
  const [protectFormulas, setProtectFormulas] = useState(true);
  return (
    <div className="csv-controls">
      <button
        type="button"
        data-testid="download-csv"
        onClick={() => downloadCsv(columns, rows, title, { bom, protectFormulas })}
      >
        Download CSV
      </button>
      <details className="csv-options">
        <summary aria-label="CSV options">Options</summary>
        <label>
          <input type="checkbox" data-testid="csv-bom" checked={bom} onChange={(event) => setBom(event.target.checked)} />
          Byte order mark (lets Excel read accents and emoji)
        </label>
        <label>
          <input
            type="checkbox"
            data-testid="csv-protect-formulas"
            checked={protectFormulas}
            onChange={(event) => setProtectFormulas(event.target.checked)}
          />
          Protect against formulas (prefix cells starting with = + - @ with ')
        </label>
      </details>
    </div>
  );
}
