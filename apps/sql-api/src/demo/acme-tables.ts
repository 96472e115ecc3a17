/**
 * SQL for the second demo organization, `acme`. It exists to prove isolation:
 * its `conversation` table has other rows than demo's, and `customer_contract`
 * exists only here, so a demo token that could read it would show a leak.
 */
export function acmeTablesSql(scale: number): string {
  const conversations = Math.max(20, Math.round(2_000 * scale));
  return `
CREATE TABLE conversation AS
SELECT
  i::BIGINT AS id,
  'ACME conversation ' || i AS title,
  ['web', 'phone'][1 + pick(i, 200, 2)] AS channel,
  TIMESTAMP '2025-06-01' + offset_micros(i, 201, 90 * 86400000000) AS started_at,
  (1 + pick(i, 202, 12))::INTEGER AS message_count
FROM range(1, ${conversations + 1}) t(i)
ORDER BY i;

CREATE TABLE customer_contract AS
SELECT
  i::INTEGER AS id,
  ['Contoso', 'Fabrikam', 'Northwind', 'Tailspin', 'Litware'][i] AS customer,
  money(i, 210, 5000000) AS annual_value,
  DATE '2025-01-01' + (pick(i, 211, 365))::INTEGER AS renews_on,
  'ACME confidential' AS classification
FROM range(1, 6) t(i)
ORDER BY i;
`;
}
