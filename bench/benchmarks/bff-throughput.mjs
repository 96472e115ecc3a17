// BFF throughput with 50 signed-in users hammering a cached result, against a
// bare @fastify/http-proxy in front of the same SQL API (which runs the query
// every time). Each autocannon connection is one user's session. The BFF's
// RSS is read from /proc while the load runs and compared with its idle RSS.
import autocannon from 'autocannon';
import { startBareProxy } from '../lib/bare-proxy.mjs';
import { figure } from '../lib/figure.mjs';
import { queryBff } from '../lib/http.mjs';
import { residentMegabytes, sampleResidentMegabytes } from '../lib/memory.mjs';
import { oneRow } from '../lib/queries.mjs';
import { signIn } from '../lib/stack.mjs';

const connections = 50;

function runLoad(options) {
  return new Promise((resolveRun, reject) => {
    autocannon({ connections, pipelining: 1, method: 'POST', ...options }, (error, result) => {
      if (error) reject(error);
      else resolveRun(result);
    });
  });
}

/** Throws when more than 1% of the load got an error or a non-2xx status, since its rate would mean nothing. */
function checkLoad(name, result) {
  const failed = result.non2xx + result.errors + result.timeouts;
  const total = result.requests.total + result.errors + result.timeouts;
  if (total === 0 || failed / total > 0.01) {
    const statuses = JSON.stringify(result.statusCodeStats ?? {});
    throw new Error(`${name}: ${failed} of ${total} requests failed (status counts ${statuses}, errors ${result.errors}, timeouts ${result.timeouts}).`);
  }
}

export default {
  name: 'bff-throughput',
  async run(context) {
    const stack = await context.stack();
    const userCount = context.repeat(50, 5);
    const users = await stack.addUsers(userCount);
    const sessions = [];
    for (const user of users) sessions.push(await signIn(stack.url, user.username, user.password));
    // One call per session fills the cache, whether the BFF keys it per user or not.
    for (const session of sessions) await queryBff(stack.url, session, oneRow.sql);
    context.log(`${sessions.length} users signed in; ${connections} connections, one session each, round-robin`);

    const proxy = await startBareProxy(stack.sqlApiUrl);
    const bffPid = stack.processes.bff.pid;
    const body = JSON.stringify({ sql: oneRow.sql });
    const proxyBody = JSON.stringify({ sql_query: oneRow.sql, async_query: false });
    const duration = context.repeat(10, 1);

    const bffRates = [];
    const proxyRates = [];
    const peaks = [];
    const idle = [];
    try {
      for (let round = 0; round < context.repeat(3, 1); round += 1) {
        idle.push(residentMegabytes(bffPid));
        const sampler = sampleResidentMegabytes(bffPid);
        let nextSession = 0;
        const bff = await runLoad({
          url: `${stack.url}/api/query`,
          duration,
          headers: { 'content-type': 'application/json', origin: stack.url },
          body,
          setupClient(client) {
            const session = sessions[nextSession % sessions.length];
            nextSession += 1;
            client.setHeaders({ 'content-type': 'application/json', origin: stack.url, cookie: session.cookie, 'x-csrf-token': session.csrfToken });
          },
        });
        peaks.push(sampler.stop());
        checkLoad('BFF load', bff);
        bffRates.push(bff.requests.average);

        const bare = await runLoad({
          url: `${proxy.url}/v1/demo/admin/sql_query`,
          duration,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.token}` },
          body: proxyBody,
        });
        checkLoad('Bare proxy load', bare);
        proxyRates.push(bare.requests.average);
      }
    } finally {
      await proxy.stop();
    }

    return [
      figure({
        id: 'bff-throughput-cached',
        label: `BFF throughput, cached 1-row result, ${users.length} signed-in users`,
        unit: 'req/s',
        samples: bffRates,
        reference: { label: 'bare @fastify/http-proxy', samples: proxyRates },
        compare: 'ratio',
        target: { on: 'comparison', op: '>=', limit: 0.8, text: '>= 0.8 of the proxy' },
        note: `${duration} s of autocannon per path per round, ${users.length} users, ${connections} connections.`,
      }),
      figure({
        id: 'bff-memory-under-load',
        label: 'BFF memory under that load, peak RSS',
        unit: 'MB',
        samples: peaks,
        reference: { label: 'idle RSS', samples: idle },
        compare: 'difference',
        target: { on: 'value', op: '<', limit: 200, text: '< 200 MB' },
        note: `VmRSS of the BFF process, sampled every 50 ms during each BFF round; ${stack.bffStartMegabytes.toFixed(1)} MB right after start, before the earlier benchmarks' queries.`,
      }),
    ];
  },
};
