#!/usr/bin/env node
import { processIo } from './cli/cli-io.js';
import { runCli } from './cli/run-cli.js';

// DuckDB's ICU extension takes the session time zone from TZ when the first
// database opens, and the locked configuration forbids SET TimeZone later.
// Pinning UTC here keeps TIMESTAMPTZ casts the same on every host.
process.env.TZ = 'UTC';

process.exitCode = await runCli(process.argv.slice(2), processIo);
