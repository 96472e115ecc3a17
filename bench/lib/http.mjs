// The two HTTP calls the benchmarks time: a query through the BFF as a
// signed-in browser sends it, and the same query straight to the SQL API.

// Browsers offer these encodings, so both paths are timed with the compression a browser would get.
const acceptEncoding = 'gzip, deflate, br';

/**
 * Sends `POST /api/query` for a signed-in session. Returns the parsed body and
 * the milliseconds until the whole body had arrived, before it was parsed.
 */
export async function queryBff(url, session, sql, { fresh = false } = {}) {
  const started = performance.now();
  const response = await fetch(`${url}/api/query`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'accept-encoding': acceptEncoding,
      origin: url,
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
    },
    body: JSON.stringify(fresh ? { sql, fresh: true } : { sql }),
  });
  const text = await response.text();
  const elapsedMs = performance.now() - started;
  if (!response.ok) throw new Error(`The BFF returned HTTP ${response.status} for a benchmark query: ${text.slice(0, 300)}`);
  return { elapsedMs, body: JSON.parse(text) };
}

/** Sends the query straight to the SQL API with the service token; returns what queryBff returns. */
export async function querySqlApi(sqlApiUrl, token, sql) {
  const started = performance.now();
  const response = await fetch(`${sqlApiUrl}/v1/demo/admin/sql_query`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-encoding': acceptEncoding, authorization: `Bearer ${token}` },
    body: JSON.stringify({ sql_query: sql, async_query: false }),
  });
  const text = await response.text();
  const elapsedMs = performance.now() - started;
  if (!response.ok) throw new Error(`The SQL API returned HTTP ${response.status} for a benchmark query: ${text.slice(0, 300)}`);
  return { elapsedMs, body: JSON.parse(text) };
}
