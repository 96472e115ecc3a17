import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

let registered = false;

/** Imports a TypeScript source file of the workspace, stripping its types on load. */
export async function importTypeScript(path) {
  if (!registered) {
    register('./typescript-hooks.mjs', import.meta.url);
    registered = true;
  }
  return import(pathToFileURL(path).href);
}
