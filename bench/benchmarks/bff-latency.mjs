// BFF latency: a signed-in query through the BFF against the same query sent
// straight to the SQL API, alternating call by call so both see the same
// machine load. `fresh` makes the BFF call the SQL API every time, so the
// difference is what the BFF adds: session, budget, forwarding, checks.
// The same call through a bare @fastify/http-proxy, timed in the same rounds,
// shows what the extra HTTP hop alone costs.
import { startBareProxy } from '../lib/bare-proxy.mjs';
import { figure } from '../lib/figure.mjs';
import { queryBff, querySqlApi } from '../lib/http.mjs';
import { checkShape, oneRow, rows1000x20 } from '../lib/queries.mjs';
import { adminSessionFor } from '../lib/session.mjs';
import { percentile } from '../lib/stats.mjs';

async function measureShape(context, stack, proxy, session, query, label, targetRatio) {
  const viaBff = () => queryBff(stack.url, session, query.sql, { fresh: true });
  const direct = () => querySqlApi(stack.sqlApiUrl, stack.token, query.sql);
  const viaProxy = () => querySqlApi(proxy.url, stack.token, query.sql);

  const checkBff = await viaBff();
  checkShape(query, checkBff.body.columns, checkBff.body.rows);
  const checkDirect = await direct();
  checkShape(query, checkDirect.body.columns, checkDirect.body.result ?? checkDirect.body.rows);
  const checkProxy = await viaProxy();
  checkShape(query, checkProxy.body.columns, checkProxy.body.result);
  for (let i = 0; i < context.repeat(5, 1); i += 1) {
    await viaBff();
    await direct();
    await viaProxy();
  }

  const rounds = { bff50: [], bff99: [], direct50: [], direct99: [], proxy50: [] };
  const calls = context.repeat(40, 4);
  for (let round = 0; round < context.repeat(5, 2); round += 1) {
    const bffTimes = [];
    const directTimes = [];
    const proxyTimes = [];
    for (let call = 0; call < calls; call += 1) {
      bffTimes.push((await viaBff()).elapsedMs);
      directTimes.push((await direct()).elapsedMs);
      proxyTimes.push((await viaProxy()).elapsedMs);
    }
    rounds.bff50.push(percentile(bffTimes, 0.5));
    rounds.bff99.push(percentile(bffTimes, 0.99));
    rounds.direct50.push(percentile(directTimes, 0.5));
    rounds.direct99.push(percentile(directTimes, 0.99));
    rounds.proxy50.push(percentile(proxyTimes, 0.5));
  }
  context.log(`${label}: ${rounds.bff50.length} rounds of ${calls} calls per path`);

  return [
    figure({
      id: `bff-latency-${query.rows}x${query.columns}-p50`,
      label: `BFF latency, ${label}, p50`,
      unit: 'ms',
      samples: rounds.bff50,
      reference: { label: 'SQL API direct', samples: rounds.direct50 },
      compare: 'ratio',
      target: { on: 'comparison', op: '<=', limit: targetRatio, text: `p50 ratio <= ${targetRatio}` },
      note: `Median over rounds of each round's p50 of ${calls} calls.`,
    }),
    figure({
      id: `bff-latency-${query.rows}x${query.columns}-p99`,
      label: `BFF latency, ${label}, p99`,
      unit: 'ms',
      samples: rounds.bff99,
      reference: { label: 'SQL API direct', samples: rounds.direct99 },
      compare: 'ratio',
      note: `Median over rounds of each round's p99 of ${calls} calls (close to the round's maximum).`,
    }),
    figure({
      id: `bare-proxy-latency-${query.rows}x${query.columns}-p50`,
      label: `Bare proxy latency, ${label}, p50`,
      unit: 'ms',
      samples: rounds.proxy50,
      reference: { label: 'SQL API direct', samples: rounds.direct50 },
      compare: 'ratio',
      note: 'The same call through a bare @fastify/http-proxy with no sessions, checks or compression: the cost of the extra hop alone, for comparison with the BFF.',
    }),
  ];
}

export default {
  name: 'bff-latency',
  async run(context) {
    const stack = await context.stack();
    const session = await adminSessionFor(stack);
    const proxy = await startBareProxy(stack.sqlApiUrl);
    try {
      return [
        ...(await measureShape(context, stack, proxy, session, oneRow, '1-row query', 1.3)),
        ...(await measureShape(context, stack, proxy, session, rows1000x20, '1000 rows x 20 columns', 1.1)),
      ];
    } finally {
      await proxy.stop();
    }
  },
};
