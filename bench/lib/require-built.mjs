import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { root } from './paths.mjs';

/** Throws a message naming the missing build output and the command that makes it. */
export function requireBuilt(...paths) {
  for (const path of paths) {
    if (!existsSync(path)) {
      throw new Error(`${relative(root, path)} is missing: run \`npm run build\` (or \`npm run bench\`, which builds first).`);
    }
  }
}
