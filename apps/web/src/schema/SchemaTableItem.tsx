import type { TableMatch } from './filter-tables.js';

interface SchemaTableItemProps {
  match: TableMatch;
  expanded: boolean;
  onToggle: () => void;
  onInsert: (name: string) => void;
  quote: (name: string) => string;
}

/** Renders one table of the schema browser: its name inserts it, the arrow lists its columns. */
export function SchemaTableItem({ match, expanded, onToggle, onInsert, quote }: SchemaTableItemProps) {
  const { table, columns } = match;
  const listId = `schema-columns-${table.schema}-${table.name}`;
  return (
    <li className="schema-table" data-testid="schema-table" data-table={table.name}>
      <div className="schema-table-row">
        <button
          type="button"
          className="schema-toggle"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-label={`${expanded ? 'Hide' : 'Show'} the columns of ${table.name}`}
          data-testid="schema-toggle"
          onClick={onToggle}
        >
          {expanded ? '▾' : '▸'}
        </button>
        <button
          type="button"
          className="schema-name"
          title={`Insert ${table.name} at the cursor (${table.schema}.${table.name})`}
          data-testid="schema-table-name"
          onClick={() => onInsert(quote(table.name))}
        >
          {table.name}
        </button>
        <span className="muted schema-count" title={`${table.columns.length} columns`}>
          {table.columns.length} col
        </span>
      </div>
      {expanded && (
        <ul id={listId} className="schema-columns" aria-label={`Columns of ${table.name}`}>
          {columns.map((column) => (
            <li key={column.name}>
              <button
                type="button"
                className="schema-column"
                title={`Insert ${column.name} at the cursor`}
                data-testid="schema-column"
                onClick={() => onInsert(quote(column.name))}
              >
                <span>{column.name}</span>
                <span className="schema-type">{column.type}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
