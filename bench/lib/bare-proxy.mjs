import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { benchDir } from './paths.mjs';

/** Starts servers/bare-proxy.mjs as a child process and resolves with its URL and a stop function. */
export function startBareProxy(upstream) {
  return new Promise((resolveStart, reject) => {
    const child = spawn(process.execPath, [join(benchDir, 'servers/bare-proxy.mjs'), upstream], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The bare proxy did not start within 15 seconds: ${errors.trim()}`));
    }, 15_000);

    child.stderr.on('data', (chunk) => (errors += chunk));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The bare proxy exited with code ${code}: ${errors.trim()}`));
    });
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const newline = output.indexOf('\n');
      if (newline === -1) return;
      clearTimeout(timer);
      const { url } = JSON.parse(output.slice(0, newline));
      resolveStart({
        url,
        process: child,
        stop: () =>
          new Promise((resolveStop) => {
            if (child.exitCode !== null) return resolveStop();
            child.once('exit', () => resolveStop());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
