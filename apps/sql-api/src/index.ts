export { startSqlApi, type RunningSqlApi } from './server.js';
export type { SqlApiOptions } from './options.js';
export { DEFAULTS } from './options.js';
export { generateDemoData, type DemoOptions, type DemoReport } from './demo/generate-demo.js';
export { createToken, listTokens, type CreateTokenOptions, type TokenSummary } from './token-store.js';
export { loadFiles, type LoadOptions, type LoadedTable } from './load-files.js';
export type { SqlApiErrorBody, SqlApiErrorCode, SqlPosition } from './errors.js';
export type { JsonCell } from './cell-encoding.js';
