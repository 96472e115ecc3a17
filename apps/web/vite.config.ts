import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
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

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|ttf)$/;
const MIN_COMPRESS_BYTES = 1024;

/**
 * Writes a `.br` (quality 11) and a `.gz` (level 9) beside every text file of
 * the build, which the BFF serves as they are. Compressing once at build time
 * gives smaller files than the BFF's on-the-fly compression, which must use a
 * fast setting, and costs no CPU per request.
 */
function precompressBuild(): Plugin {
  let outDir = '';
  return {
    name: 'console:precompress-build',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir.startsWith('/') ? config.build.outDir : join(config.root, config.build.outDir);
    },
    closeBundle() {
      const visit = (dir: string) => {
        for (const entry of readdirSync(dir)) {
          const path = join(dir, entry);
          const stats = statSync(path);
          if (stats.isDirectory()) {
            visit(path);
            continue;
          }
          if (!COMPRESSIBLE.test(entry) || stats.size < MIN_COMPRESS_BYTES) continue;
          const content = readFileSync(path);
          writeFileSync(
            `${path}.br`,
            brotliCompressSync(content, {
              params: {
                [zlibConstants.BROTLI_PARAM_QUALITY]: 11,
                [zlibConstants.BROTLI_PARAM_SIZE_HINT]: content.length,
              },
            }),
          );
          writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
        }
      };
      visit(outDir);
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), dropMonacoCdnDefault(), precompressBuild()],
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
