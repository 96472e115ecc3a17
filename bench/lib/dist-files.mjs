// Reads the web app's build output: the files index.html loads, what they
// import statically, and their gzip sizes.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { webDist } from './paths.mjs';

/** Returns the gzip size of a built file at level 9, the level size tools such as gzip-size use. */
export function gzipBytes(urlPath) {
  return gzipSync(readDistFile(urlPath), { level: 9 }).length;
}

export function readDistFile(urlPath) {
  const path = join(webDist, decodeURIComponent(urlPath));
  if (!existsSync(path)) throw new Error(`${urlPath} is not in ${webDist}; rebuild the web app with \`npm run build\`.`);
  return readFileSync(path);
}

function resolveRelative(fromUrlPath, specifier) {
  return new URL(specifier, `http://dist${fromUrlPath}`).pathname;
}

// Minified ES modules import each other as `from"./x.js"`, `import"./x.js"` or with backquotes.
const staticImport = /(?:\bfrom|\bimport)\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g;

/** Returns the entry's JS and CSS and every JS file they import statically, as URL paths. */
export function firstScreenFiles() {
  const html = readDistFile('/index.html').toString('utf8');
  const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((match) => match[1]);
  const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((match) => match[1]);

  const seen = new Set();
  const pending = scripts.filter((src) => src.startsWith('/'));
  while (pending.length > 0) {
    const file = pending.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readDistFile(file).toString('utf8');
    for (const match of source.matchAll(staticImport)) pending.push(resolveRelative(file, match[1]));
  }
  return { scripts: [...seen], styles: styles.filter((href) => href.startsWith('/')) };
}

/** Returns the URL paths of worker scripts that built chunks start with `new Worker(...)`. */
export function builtWorkers(scriptPaths) {
  const workers = new Set();
  for (const file of scriptPaths) {
    const source = readDistFile(file).toString('utf8');
    for (const match of source.matchAll(/new Worker\(\s*(?:new URL\(\s*)?["'`]([^"'`]+\.js)["'`]/g)) {
      workers.add(match[1].startsWith('/') ? match[1] : resolveRelative(file, match[1]));
    }
  }
  return [...workers];
}
