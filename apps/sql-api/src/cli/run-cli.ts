import { demoCommand } from './demo-command.js';
import { HELP } from './help.js';
import { loadCommand } from './load-command.js';
import { serveCommand } from './serve-command.js';
import { tokenCommand } from './token-command.js';
import { UsageError, type CliIo } from './cli-io.js';

const COMMANDS: Readonly<Record<string, (args: string[], io: CliIo) => Promise<void>>> = {
  serve: serveCommand,
  demo: demoCommand,
  token: tokenCommand,
  load: loadCommand,
};

/** Runs one CLI command and returns the process exit status. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help' || args.includes('--help') || args.includes('-h')) {
    io.out(HELP);
    return command === undefined ? 2 : 0;
  }

  const run = COMMANDS[command];
  if (!run) {
    io.err(`Unknown command "${command}". Run with --help to see the commands.`);
    return 2;
  }

  try {
    await run(args, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.err(`${(error as Error).message}\nRun with --help for usage.`);
      return 2;
    }
    io.err(`Error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
