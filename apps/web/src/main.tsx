import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { consoleShownBefore, loadConsole, loadEditor } from './app/console-chunk.js';
import { applyTheme, readThemePreference, resolveTheme, systemPrefersDark } from './theme/theme.js';
import { ThemeContext, useThemeState } from './theme/use-theme.js';
import './app/styles.css';

// Set the theme before the first paint so a dark system never flashes light.
applyTheme(resolveTheme(readThemePreference(), systemPrefersDark()));

// Someone who used the console here before most likely still has a session, so
// load the console and its editor alongside the session check instead of after it.
if (consoleShownBefore()) {
  void loadConsole();
  loadEditor();
}

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});

function Root() {
  const theme = useThemeState();
  return (
    <ThemeContext.Provider value={theme}>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </ThemeContext.Provider>
  );
}

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
