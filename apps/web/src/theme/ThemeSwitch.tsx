import type { ThemePreference } from './theme.js';
import { useTheme } from './use-theme.js';

const OPTIONS: { value: ThemePreference; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function ThemeSwitch() {
  const { preference, setPreference } = useTheme();
  return (
    <label className="theme-switch">
      <span>Theme</span>
      <select
        data-testid="theme-switch"
        value={preference}
        onChange={(event) => setPreference(event.target.value as ThemePreference)}
      >
        {OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
