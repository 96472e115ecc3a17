import { parseArgs } from 'node:util';
import { generateDemoData } from '../demo/generate-demo.js';
import { flagOrEnv, parseNumber, requireDataDir, type CliIo } from './cli-io.js';

export async function demoCommand(args: string[], io: CliIo): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      'data-dir': { type: 'string' },
      force: { type: 'boolean', default: false },
      scale: { type: 'string' },
    },
    strict: true,
  });
  const dataDir = requireDataDir(flagOrEnv(values['data-dir'], io, 'SQL_API_DATA_DIR'));

  const startedAt = performance.now();
  const report = await generateDemoData(dataDir, { force: values.force, scale: parseNumber('--scale', values.scale) });
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);

  if (report.created.length > 0) io.out(`Created ${report.created.join(', ')} in ${dataDir} in ${seconds} s.`);
  if (report.skipped.length > 0) {
    io.out(`Kept existing ${report.skipped.join(', ')}; pass --force to rebuild.`);
  }
}
