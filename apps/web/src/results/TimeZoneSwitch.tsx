import type { TimeZoneMode } from './timestamp.js';

interface TimeZoneSwitchProps {
  value: TimeZoneMode;
  onChange: (value: TimeZoneMode) => void;
}

// Read on demand: the first Intl.DateTimeFormat costs milliseconds that the
// first result should not wait for.
function localZoneName(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Switches how TIMESTAMP columns are shown; the CSV download always has the values as received. */
export function TimeZoneSwitch({ value, onChange }: TimeZoneSwitchProps) {
  return (
    <fieldset className="segmented" data-testid="timezone-switch">
      <legend>Times in</legend>
      <label>
        <input type="radio" name="time-zone" value="utc" checked={value === 'utc'} onChange={() => onChange('utc')} />
        UTC
      </label>
      <label title={value === 'local' ? localZoneName() : 'The time zone of this browser'}>
        <input type="radio" name="time-zone" value="local" checked={value === 'local'} onChange={() => onChange('local')} />
        Local
      </label>
    </fieldset>
  );
}
