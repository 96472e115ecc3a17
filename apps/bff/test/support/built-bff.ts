import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BFF_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function newestModification(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestModification(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Returns the path of a compiled file under dist/, compiling the package first
 * when that file is missing or older than any source file.
 */
export function builtFile(relativeJsPath: string): string {
  const built = join(BFF_DIR, 'dist', relativeJsPath);
  if (!existsSync(built) || statSync(built).mtimeMs < newestModification(join(BFF_DIR, 'src'))) {
    execFileSync(process.execPath, [join(BFF_DIR, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], {
      cwd: BFF_DIR,
      stdio: 'pipe',
    });
  }
  return built;
}
