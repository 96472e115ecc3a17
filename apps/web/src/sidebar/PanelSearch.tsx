interface PanelSearchProps {
  /** Accessible name, e.g. "Search history". */
  label: string;
  placeholder: string;
  testId: string;
  value: string;
  onChange: (value: string) => void;
}

/** Renders the search or filter box at the top of a sidebar panel. */
export function PanelSearch({ label, placeholder, testId, value, onChange }: PanelSearchProps) {
  return (
    <input
      type="search"
      className="panel-search"
      aria-label={label}
      title={label}
      placeholder={placeholder}
      data-testid={testId}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
