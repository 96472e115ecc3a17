import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BFF_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Returns the path of a compiled file under dist/, compiling the package first
 * when that file is missing or older than its source.
 */
export function builtFile(relativeJsPath: string): string {
  const built = join(BFF_DIR, 'dist', relativeJsPath);
  const source = join(BFF_DIR, 'src', relativeJsPath.replace(/\.js$/, '.ts'));
  if (!existsSync(built) || statSync(built).mtimeMs < statSync(source).mtimeMs) {
    execFileSync(process.execPath, [join(BFF_DIR, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], {
      cwd: BFF_DIR,
      stdio: 'pipe',
    });
  }
  return built;
}
