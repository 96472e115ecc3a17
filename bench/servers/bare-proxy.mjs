// A bare @fastify/http-proxy in front of the SQL API: the throughput
// reference for the BFF. No sessions, cache, budget or logging; it only
// forwards. Usage: node bare-proxy.mjs UPSTREAM_URL. Prints its URL as JSON
// on stdout once it listens on a free port of 127.0.0.1.
import proxy from '@fastify/http-proxy';
import Fastify from 'fastify';

const upstream = process.argv[2];
if (!upstream || !/^https?:\/\//.test(upstream)) {
  console.error('Usage: node bare-proxy.mjs UPSTREAM_URL, e.g. http://127.0.0.1:8090');
  process.exit(2);
}

const app = Fastify({ logger: false });
await app.register(proxy, { upstream });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    app.close().finally(() => process.exit(0));
  });
}
