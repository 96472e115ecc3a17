import { buildApp } from './app.js';
import { ensureDemoAdmin } from './auth/demo-admin.js';
import { systemClock } from './clock.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { redactSecrets } from './errors.js';
import { createUsersRepo } from './db/users-repo.js';

/** Starts the BFF with settings from the environment, and stops it cleanly on SIGINT or SIGTERM. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`${error.message}\nSet or fix these variables and start again.`);
      process.exit(1);
    }
    throw error;
  }

  const db = openDatabase(config.dataDir);
  const demo = await ensureDemoAdmin(createUsersRepo(db, systemClock), process.env.CONSOLE_DEMO_PASSWORD || undefined);
  if (demo.created && demo.generatedPassword !== undefined) {
    console.log(
      `Created the admin user "${demo.username}" with the password ${demo.generatedPassword}\n` +
        'It is shown only this once. Change it with: node apps/bff/dist/cli/users.js reset demo',
    );
  } else if (demo.created) {
    console.log(`Created the admin user "${demo.username}" with the password from CONSOLE_DEMO_PASSWORD.`);
  }

  const app = await buildApp(config, { db });

  // Registered before listening, so a stop signal never meets the default
  // handler, which would exit without closing the database.
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      app.log.warn({ signal }, 'second stop signal, exiting at once');
      process.exit(1);
    }
    stopping = true;
    app.log.info({ signal }, 'stopping');
    app.close().then(
      () => {
        console.log('Console server stopped');
        process.exit(0);
      },
      (error: unknown) => {
        app.log.error({ err: error }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  stopWhenParentExits(() => stop('SIGTERM'));

  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  console.log(`Console server listening at http://${host}:${port}`);
}

main().catch((error: unknown) => {
  console.error(redactSecrets(error instanceof Error ? error.message : String(error)));
  process.exit(1);
});

/**
 * Stops the server when the process that started it with an IPC channel (the
 * local stack launcher) exits, even by SIGKILL, so no orphan keeps the port.
 */
function stopWhenParentExits(stop: () => void): void {
  if (process.send === undefined) return;
  process.channel?.unref();
  process.on('disconnect', stop);
}
