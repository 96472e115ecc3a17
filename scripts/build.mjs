// `npm run build`: installs what is missing and rebuilds every package.
import { ensureBuilt, ensureInstalled } from './lib/workspace.mjs';

await ensureInstalled();
await ensureBuilt({ force: true });
