import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const bffOrigin = 'http://127.0.0.1:8080';

/**
 * `@monaco-editor/loader` carries a CDN address as its default Monaco path. The
 * app always passes the bundled Monaco to `loader.config`, so that default is
 * never used; removing it keeps every absolute URL out of the built files.
 */
function dropMonacoCdnDefault(): Plugin {
  return {
    name: 'console:drop-monaco-cdn-default',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('@monaco-editor/loader')) return null;
      const replaced = code.replace(/https:\/\/cdn\.jsdelivr\.net\/npm\/monaco-editor@[^'"]*/g, '');
      return replaced === code ? null : { code: replaced, map: null };
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), dropMonacoCdnDefault()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // Monaco is one large lazy chunk by design; the first screen stays small.
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      output: {
        // Monaco in a chunk of its own, so its size is measured apart from the
        // app's editor code and changes to that code keep Monaco cached.
        codeSplitting: {
          // Otherwise helpers Monaco shares with the app (Vite's preload helper)
          // would move into the Monaco chunk and pull it into the first screen.
          includeDependenciesRecursively: false,
          groups: [{ name: 'monaco', test: /[\\/]node_modules[\\/]monaco-editor[\\/]/ }],
        },
      },
    },
  },
  worker: {
    format: 'es',
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': { target: bffOrigin, changeOrigin: false },
      '/healthz': { target: bffOrigin, changeOrigin: false },
    },
  },
  preview: {
    host: '127.0.0.1',
  },
});
