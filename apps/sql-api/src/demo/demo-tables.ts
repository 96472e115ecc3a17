import { sqlStringList } from './demo-helpers.js';

/** Row counts of the `demo` organization at scale 1. */
export const DEMO_COUNTS = {
  workspaces: 12,
  users: 2_500,
  agents: 40,
  conversations: 30_000,
  tags: 36,
} as const;

// The first conversations carry the awkward titles, so that
// `SELECT * FROM conversation LIMIT 10` shows them at once.
const AWKWARD_TITLES = [
  'Refund request for order #1234, "urgent"',
  '=HYPERLINK("https://example.com","Click me")',
  '+1 (555) 010-0199 called twice',
  '-5% discount not applied',
  '@support please escalate',
  '🙂 Thanks, the bot was great 🚀',
  'مشكلة في الفاتورة الشهرية',
  'Line one\nLine two\n"Line three", with commas',
  '',
  'שלום, אני צריך עזרה עם החשבון',
  'Ünïcødé & <b>HTML</b> &\ttabs',
];

const TITLE_TOPICS = [
  'Password reset', 'Billing question', 'Order status', 'Cancel subscription', 'Shipping delay',
  'Upgrade plan', 'API rate limits', 'Invoice copy', 'Login loop', 'Export my data',
  'Change email address', 'Webhook failures', 'Refund status', 'Integration with CRM', 'Bot gave wrong answer',
];

const USER_PHRASES = [
  'Hi, I cannot log in since this morning.',
  'Where is my order? It was due yesterday, "guaranteed".',
  'Can you explain line 3 of my invoice, please?',
  'The export has commas, quotes and\nnew lines in it — is that expected?',
  'Danke! Das hat funktioniert. 🙂',
  '¿Puedo cambiar mi plan a mitad de mes?',
  'لا أستطيع الوصول إلى حسابي',
  '=1+1 is what I typed in the name field',
  '@agent you misunderstood my question',
  '',
];

const AGENT_PHRASES = [
  'I can help with that. Could you confirm the email address on the account?',
  'Your order shipped on Monday; the tracking link is in your inbox.',
  'Here are the steps:\n1. Open Settings\n2. Choose "Billing"\n3. Click "Download invoice"',
  'I have escalated this to a human colleague, who will reply within 4 hours.',
  'Refunds take 5–10 business days, depending on your bank.',
  'Sorry about that! I reset the session; please try again.',
];

const FIRST_NAMES = ['Ana', 'Bo', 'Chen', 'Dalia', 'Émile', 'Farah', 'Günter', 'Hiroshi', 'Ines', 'José', 'Kwame', 'Lea', 'Mohammed', 'Nadia', 'Oğuz', 'Priya', 'Quinn', 'Rosa', 'Søren', 'Tamar'];
const LAST_NAMES = ["O'Brien", 'Nguyen', 'Müller', 'García', 'Kowalski', 'Haddad', 'Smith-Jones', 'Tanaka', 'Cohen', 'Dubois', 'Silva', 'Ivanova'];
const WORKSPACE_NAMES = ['Acme Retail', 'Globex Support', 'Initech Helpdesk', 'Umbrella Health', 'Stark Travel', 'Wayne Finance', 'Ünïcødé Labs', 'Wonka Sweets, "Chocolate" Team', 'שלום Telecom', 'مطعم البحر', '=Spreadsheet Co', 'Hooli Cloud'];
const MODELS = ['gpt-4o', 'claude-sonnet', 'llama-3-70b', 'mistral-large', 'in-house-v2'];
const TOOLS = ['search_kb', 'lookup_order', 'issue_refund', 'create_ticket', 'send_email', 'translate'];
const TAG_NAMES = ['billing', 'refund', 'bug', 'feature-request', 'vip', 'churn-risk', 'spam', 'escalated', 'angry', 'resolved-by-bot', 'language:ar', 'language:de'];

/** SQL that creates the `demo` organization's tables; `scale` multiplies the larger row counts. */
export function demoTablesSql(scale: number): string {
  const users = Math.max(20, Math.round(DEMO_COUNTS.users * scale));
  const conversations = Math.max(AWKWARD_TITLES.length + 20, Math.round(DEMO_COUNTS.conversations * scale));

  return `
CREATE TABLE workspace AS
SELECT
  i::BIGINT AS id,
  ${sqlStringList(WORKSPACE_NAMES)}[i] AS name,
  ['free', 'team', 'enterprise'][1 + pick(i, 1, 3)] AS plan,
  ['eu-west-1', 'us-east-1', 'ap-southeast-2'][1 + pick(i, 2, 3)] AS region,
  TIMESTAMP '2023-01-01' + offset_micros(i, 3, 365 * 86400000000) AS created_at,
  {'retention_days': [30, 90, 365][1 + pick(i, 4, 3)]::INTEGER, 'sso': chance(i, 5, 50), 'locales': ['en', 'de', 'ar', 'he'][1:1 + pick(i, 6, 4)]} AS settings
FROM range(1, ${DEMO_COUNTS.workspaces + 1}) t(i);

CREATE TABLE "user" AS
SELECT
  i::BIGINT AS id,
  (9223372036854775808 + i * 7919)::UBIGINT AS external_id,
  (1 + pick(i, 10, ${DEMO_COUNTS.workspaces}))::BIGINT AS workspace_id,
  CASE WHEN i % 97 = 0 THEN NULL WHEN i % 89 = 0 THEN '' ELSE lower(replace(${sqlStringList(FIRST_NAMES)}[1 + pick(i, 11, ${FIRST_NAMES.length})], 'é', 'e')) || '.' || i || '@example.com' END AS email,
  ${sqlStringList(FIRST_NAMES)}[1 + pick(i, 11, ${FIRST_NAMES.length})] || ' ' || ${sqlStringList(LAST_NAMES)}[1 + pick(i, 12, ${LAST_NAMES.length})] || CASE WHEN i % 50 = 0 THEN ' 🎧' ELSE '' END AS display_name,
  ['en-US', 'de-DE', 'ar-EG', 'he-IL', 'es-ES', 'ja-JP'][1 + pick(i, 13, 6)] AS locale,
  ['end_user', 'end_user', 'end_user', 'staff'][1 + pick(i, 14, 4)] AS role,
  TIMESTAMP '2024-01-01' + offset_micros(i, 15, 365 * 86400000000) AS created_at,
  CASE WHEN chance(i, 16, 10) THEN NULL ELSE TIMESTAMP '2025-01-01' + offset_micros(i, 17, 300 * 86400000000) END AS last_seen_at,
  NOT chance(i, 18, 8) AS is_active,
  MAP {'theme': ['light', 'dark'][1 + pick(i, 19, 2)], 'notifications': ['all', 'mentions', ''][1 + pick(i, 20, 3)]} AS preferences
FROM range(1, ${users + 1}) t(i);

CREATE TABLE agent AS
SELECT
  i::INTEGER AS id,
  (1 + pick(i, 30, ${DEMO_COUNTS.workspaces}))::BIGINT AS workspace_id,
  ['Ava', 'Max', 'Nova', 'Atlas', 'Iris', 'Echo', 'Sage', 'Orion'][1 + pick(i, 31, 8)] || ' #' || i AS name,
  ${sqlStringList(MODELS)}[1 + pick(i, 32, ${MODELS.length})] AS model,
  round((hash(i, 33) % 100) / 100.0, 2)::DOUBLE AS temperature,
  [256, 512, 1024, 4096][1 + pick(i, 34, 4)]::INTEGER AS max_tokens,
  'You are a support agent for workspace ' || (1 + pick(i, 30, ${DEMO_COUNTS.workspaces})) || '.' || chr(10) ||
    'Rules:' || chr(10) || '- Be concise, polite and "on brand".' || chr(10) || '- Never promise refunds above $100, €90 or ¥15,000.' || chr(10) ||
    '- Escalate when the user writes "lawyer", "cancel" or ⚠️.' AS system_prompt,
  ${sqlStringList(TOOLS)}[1:1 + pick(i, 35, ${TOOLS.length})] AS tools,
  TIMESTAMP '2024-06-01' + offset_micros(i, 36, 180 * 86400000000) AS created_at
FROM range(1, ${DEMO_COUNTS.agents + 1}) t(i);

CREATE TABLE conversation AS
SELECT
  (9007199254740993 + 2 * (i - 1))::BIGINT AS id,
  u.workspace_id,
  u.id AS user_id,
  (1 + pick(i, 41, ${DEMO_COUNTS.agents}))::INTEGER AS agent_id,
  CASE
    WHEN i = 10 THEN NULL
    WHEN i <= ${AWKWARD_TITLES.length + 1} THEN ${sqlStringList(AWKWARD_TITLES)}[CASE WHEN i < 10 THEN i ELSE i - 1 END]
    ELSE ${sqlStringList(TITLE_TOPICS)}[1 + pick(i, 42, ${TITLE_TOPICS.length})]
  END AS title,
  ['web', 'ios', 'android', 'email', 'whatsapp', 'voice'][1 + pick(i, 43, 6)] AS channel,
  ['open', 'resolved', 'resolved', 'escalated', 'abandoned'][1 + pick(i, 44, 5)] AS status,
  TIMESTAMP '2025-01-01' + offset_micros(i, 45, 330 * 86400000000) AS started_at,
  (2 + pick(i, 46, 19))::INTEGER AS message_count,
  CASE WHEN chance(i, 47, 40) THEN NULL ELSE (1 + pick(i, 48, 5))::SMALLINT END AS satisfaction_score,
  ['en', 'de', 'ar', 'he', 'es', 'ja'][1 + pick(i, 49, 6)] AS language,
  ${sqlStringList(TAG_NAMES)}[1 + pick(i, 50, 6):1 + pick(i, 50, 6) + pick(i, 51, 3)] AS tags,
  {'client': ['web-widget', 'ios-sdk', 'android-sdk', 'api'][1 + pick(i, 52, 4)], 'app_version': '3.' || pick(i, 53, 12) || '.' || pick(i, 54, 30), 'country': CASE WHEN chance(i, 55, 5) THEN NULL ELSE ['DE', 'US', 'EG', 'IL', 'JP', 'BR'][1 + pick(i, 56, 6)] END} AS metadata,
  money(i, 57, 500) AS total_cost,
  CASE
    WHEN i % 7 = 0 THEN NULL
    WHEN i % 7 = 1 THEN ''
    ELSE 'Summary: user asked about "' || ${sqlStringList(TITLE_TOPICS)}[1 + pick(i, 42, ${TITLE_TOPICS.length})] || '", agent answered;' || chr(10) || 'follow-up: ' || ['none', 'email, then call', '=check invoice', '@billing team'][1 + pick(i, 58, 4)]
  END AS summary
FROM range(1, ${conversations + 1}) t(i)
JOIN "user" u ON u.id = 1 + pick(i, 40, ${users})
ORDER BY i;

CREATE TABLE message AS
SELECT
  (4611686018427387904 + row_number() OVER (ORDER BY c.id, m.seq))::BIGINT AS id,
  c.id AS conversation_id,
  m.seq::INTEGER AS seq,
  CASE WHEN m.seq = 0 THEN 'user' WHEN chance(c.id + m.seq, 60, 8) THEN 'tool' WHEN m.seq % 2 = 0 THEN 'user' ELSE 'assistant' END AS role,
  CASE
    WHEN m.seq % 2 = 0 THEN ${sqlStringList(USER_PHRASES)}[1 + pick(c.id + m.seq, 61, ${USER_PHRASES.length})]
    WHEN chance(c.id + m.seq, 62, 3) THEN repeat('This is a long answer, with "quotes", commas and' || chr(10) || 'line breaks. ', 40)
    ELSE ${sqlStringList(AGENT_PHRASES)}[1 + pick(c.id + m.seq, 63, ${AGENT_PHRASES.length})]
  END AS content,
  c.started_at + to_microseconds(m.seq * 45000000 + pick(c.id + m.seq, 64, 30000000)) AS created_at,
  (5 + pick(c.id + m.seq, 65, 400))::INTEGER AS token_count,
  CASE WHEN m.seq % 2 = 0 THEN NULL ELSE round(200 + (hash(c.id + m.seq, 66) % 500000) / 100.0, 2)::DOUBLE END AS latency_ms,
  CASE WHEN chance(c.id + m.seq, 60, 8) THEN {'name': ${sqlStringList(TOOLS)}[1 + pick(c.id + m.seq, 67, ${TOOLS.length})], 'arguments': '{"order_id": ' || pick(c.id, 68, 99999) || ', "note": "a, \\"b\\""}'} ELSE NULL END AS tool_call,
  CASE WHEN chance(c.id + m.seq, 69, 4) THEN ['thumbs_up', 'thumbs_down', ''][1 + pick(c.id + m.seq, 70, 3)] ELSE NULL END AS feedback
FROM conversation c, LATERAL (SELECT unnest(range(c.message_count)) AS seq) m
ORDER BY c.id, m.seq;

CREATE TABLE tag AS
SELECT
  i::INTEGER AS id,
  (1 + (i - 1) // ${TAG_NAMES.length})::BIGINT AS workspace_id,
  ${sqlStringList(TAG_NAMES)}[1 + (i - 1) % ${TAG_NAMES.length}] AS name,
  '#' || lpad(printf('%x', hash(i, 80) % 16777216), 6, '0') AS color
FROM range(1, ${DEMO_COUNTS.tags + 1}) t(i);

CREATE TABLE conversation_tag AS
SELECT
  c.id AS conversation_id,
  (1 + pick(c.id, 81 + k, ${DEMO_COUNTS.tags}))::INTEGER AS tag_id,
  c.started_at + offset_micros(c.id, 90 + k, 86400000000) AS tagged_at
FROM conversation c, range(0, 3) r(k)
WHERE k < pick(c.id, 85, 3)
ORDER BY c.id, k;

CREATE TABLE billing_event AS
SELECT
  i::BIGINT AS id,
  (1 + pick(i, 100, ${DEMO_COUNTS.workspaces}))::BIGINT AS workspace_id,
  ['usage', 'usage', 'usage', 'subscription', 'refund', 'credit'][1 + pick(i, 101, 6)] AS event_type,
  CASE
    WHEN i = 1 THEN 99999999999999999999999999999.999999999::DECIMAL(38,9)
    WHEN i = 2 THEN 0.000000001::DECIMAL(38,9)
    WHEN pick(i, 101, 6) = 4 THEN -money(i, 102, 20000)
    ELSE money(i, 102, 20000)
  END AS amount,
  ['USD', 'EUR', 'JPY', 'ILS'][1 + pick(i, 103, 4)] AS currency,
  (TIMESTAMP '2025-01-01' + offset_micros(i, 104, 330 * 86400000000))::TIMESTAMPTZ AS occurred_at,
  md5('invoice-' || (i // 20))::UUID AS invoice_id,
  MAP {'source': ['stripe', 'manual', 'api'][1 + pick(i, 105, 3)], 'note': CASE WHEN chance(i, 106, 20) THEN 'Adjusted, see "ticket 42"' ELSE '' END} AS details
FROM range(1, ${Math.max(50, Math.round(6_000 * scale)) + 1}) t(i)
ORDER BY i;

CREATE TABLE daily_usage AS
SELECT
  CAST(c.started_at AS DATE) AS day,
  c.workspace_id,
  count(*)::INTEGER AS conversations,
  sum(c.message_count)::BIGINT AS messages,
  sum(c.total_cost)::DECIMAL(38,9) AS cost
FROM conversation c
GROUP BY ALL
ORDER BY day, workspace_id;
`;
}
