import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const root = resolve(benchDir, '..');
export const webDist = join(root, 'apps/web/dist');
export const sqlApiCli = join(root, 'apps/sql-api/dist/cli.js');
export const bffServer = join(root, 'apps/bff/dist/server.js');
export const usersCli = join(root, 'apps/bff/dist/cli/users.js');
export const resultsDir = join(benchDir, 'results');
