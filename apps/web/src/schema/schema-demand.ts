import type { SchemaTable } from '@console/shared-types';

type SchemaLoader = () => Promise<readonly SchemaTable[]>;

let loader: SchemaLoader | null = null;

/** Sets the function that loads the schema on demand; `useSchema` sets it while the console is open. */
export function setSchemaLoader(next: SchemaLoader | null): void {
  loader = next;
}

/**
 * Loads the schema the first time autocomplete needs it and returns its
 * tables. Kept free of React and Monaco so the editor chunk and the schema
 * hook can both import it. Returns no tables when no console is open or
 * the schema could not be read.
 */
export async function demandSchemaTables(): Promise<readonly SchemaTable[]> {
  if (loader === null) return [];
  try {
    return await loader();
  } catch {
    return [];
  }
}
