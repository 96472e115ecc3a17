import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import {
  applyTheme,
  readThemePreference,
  resolveTheme,
  systemPrefersDark,
  watchSystemTheme,
  writeThemePreference,
  type Theme,
  type ThemePreference,
} from './theme.js';

export interface ThemeState {
  preference: ThemePreference;
  theme: Theme;
  setPreference: (preference: ThemePreference) => void;
}

export const ThemeContext = createContext<ThemeState>({
  preference: 'system',
  theme: 'light',
  setPreference: () => undefined,
});

/** Keeps the page theme in step with the stored choice and the system setting. */
export function useThemeState(): ThemeState {
  const [preference, setPreferenceState] = useState<ThemePreference>(readThemePreference);
  const [systemDark, setSystemDark] = useState(systemPrefersDark);

  useEffect(() => watchSystemTheme(() => setSystemDark(systemPrefersDark())), []);

  const theme = resolveTheme(preference, systemDark);
  useEffect(() => applyTheme(theme), [theme]);

  const setPreference = useCallback((next: ThemePreference) => {
    writeThemePreference(next);
    setPreferenceState(next);
  }, []);

  return { preference, theme, setPreference };
}

export function useTheme(): ThemeState {
  return useContext(ThemeContext);
}
