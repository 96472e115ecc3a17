import { randomUUID } from 'node:crypto';
import { rename, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createToken, listTokens } from '../token-store.js';
import { flagOrEnv, requireDataDir, UsageError, type CliIo } from './cli-io.js';

export async function tokenCommand(args: string[], io: CliIo): Promise<void> {
  const [action, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      'data-dir': { type: 'string' },
      org: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      'out-file': { type: 'string' },
    },
    strict: true,
  });
  const dataDir = requireDataDir(flagOrEnv(values['data-dir'], io, 'SQL_API_DATA_DIR'));

  if (action === 'create') {
    if (values.org === undefined) throw new UsageError('Missing --org ORG for "token create".');
    if (values.role === undefined) throw new UsageError('Missing --role ROLE for "token create" (admin, service, analyst, ...).');
    const token = await createToken(dataDir, { org: values.org, role: values.role, name: values.name });
    const outFile = values['out-file'];
    if (outFile === undefined) {
      io.out(token);
      io.err(`Created a ${values.role} token for organization ${values.org}. It is shown only once: store it now.`);
    } else {
      await writeSecretFile(outFile, token + '\n');
      io.out(`Wrote a new ${values.role} token for organization ${values.org} to ${outFile} (mode 0600).`);
    }
    return;
  }

  if (action === 'list') {
    const tokens = await listTokens(dataDir);
    if (tokens.length === 0) {
      io.out('No tokens. Create one with: token create --data-dir DIR --org ORG --role admin');
      return;
    }
    io.out(['id', 'org', 'role', 'name', 'created_at'].join('\t'));
    for (const token of tokens) io.out([token.id, token.org, token.role, token.name, token.created_at].join('\t'));
    return;
  }

  throw new UsageError(`Unknown token action "${action ?? ''}": use "token create" or "token list".`);
}

// A fresh file renamed into place gets mode 0600 even when it replaces a file
// with wider permissions, which writing in place would keep.
async function writeSecretFile(filePath: string, content: string): Promise<void> {
  const temporaryPath = `${filePath}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(temporaryPath, content, { mode: 0o600, flag: 'wx' });
  await rename(temporaryPath, filePath);
}
