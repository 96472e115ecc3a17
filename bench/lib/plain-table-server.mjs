// Serves the plain-table reference page and a result body from 127.0.0.1 on
// a free port. The body goes uncompressed: the benchmark times from the end of
// the response to the first painted cell, so its transfer does not count.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { benchDir } from './paths.mjs';

/** Starts the server with `resultJson` as /data.json; resolves with its URL and a close function. */
export function startPlainTableServer(resultJson) {
  const page = readFileSync(join(benchDir, 'servers/plain-table.html'));
  const server = createServer((request, response) => {
    if (request.url === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(page);
    } else if (request.url === '/data.json') {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(resultJson);
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('Not found: the plain table page serves / and /data.json only.');
    }
  });
  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolveStart({ url: `http://127.0.0.1:${port}`, close: () => new Promise((resolveClose) => server.close(() => resolveClose())) });
    });
  });
}
