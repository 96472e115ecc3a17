// BFF latency: a signed-in query through the BFF against the same query sent
// straight to the SQL API, alternating call by call so both see the same
// machine load. `fresh` makes the BFF call the SQL API every time, so the
// difference is what the BFF adds: session, budget, forwarding, re-encoding.
import { figure } from '../lib/figure.mjs';
import { queryBff, querySqlApi } from '../lib/http.mjs';
import { checkShape, oneRow, rows1000x20 } from '../lib/queries.mjs';
import { adminSessionFor } from '../lib/session.mjs';
import { percentile } from '../lib/stats.mjs';

async function measureShape(context, stack, session, query, label, targetRatio) {
  const viaBff = () => queryBff(stack.url, session, query.sql, { fresh: true });
  const direct = () => querySqlApi(stack.sqlApiUrl, stack.token, query.sql);

  const checkBff = await viaBff();
  checkShape(query, checkBff.body.columns, checkBff.body.rows);
  const checkDirect = await direct();
  checkShape(query, checkDirect.body.columns, checkDirect.body.result ?? checkDirect.body.rows);
  for (let i = 0; i < context.repeat(5, 1); i += 1) {
    await viaBff();
    await direct();
  }

  const rounds = { bff50: [], bff99: [], direct50: [], direct99: [] };
  const calls = context.repeat(40, 4);
  for (let round = 0; round < context.repeat(5, 2); round += 1) {
    const bffTimes = [];
    const directTimes = [];
    for (let call = 0; call < calls; call += 1) {
      bffTimes.push((await viaBff()).elapsedMs);
      directTimes.push((await direct()).elapsedMs);
    }
    rounds.bff50.push(percentile(bffTimes, 0.5));
    rounds.bff99.push(percentile(bffTimes, 0.99));
    rounds.direct50.push(percentile(directTimes, 0.5));
    rounds.direct99.push(percentile(directTimes, 0.99));
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
  ];
}

export default {
  name: 'bff-latency',
  async run(context) {
    const stack = await context.stack();
    const session = await adminSessionFor(stack);
    return [
      ...(await measureShape(context, stack, session, oneRow, '1-row query', 1.3)),
      ...(await measureShape(context, stack, session, rows1000x20, '1000 rows x 20 columns', 1.1)),
    ];
  },
};
