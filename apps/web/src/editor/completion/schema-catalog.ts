import type { SchemaTable } from '@console/shared-types';

/**
 * Looks up tables of the schema by name. Names match case-insensitively, as
 * Spark SQL resolves identifiers by default.
 */
export class SchemaCatalog {
  readonly tables: readonly SchemaTable[];
  /** Schema names in their first spelling, in the order they first appear. */
  readonly schemas: readonly string[];
  private readonly byName = new Map<string, SchemaTable[]>();
  private readonly bySchema = new Map<string, SchemaTable[]>();

  constructor(tables: readonly SchemaTable[]) {
    this.tables = tables;
    const schemas: string[] = [];
    for (const table of tables) {
      addTo(this.byName, table.name.toLowerCase(), table);
      const schemaKey = table.schema.toLowerCase();
      if (!this.bySchema.has(schemaKey)) schemas.push(table.schema);
      addTo(this.bySchema, schemaKey, table);
    }
    this.schemas = schemas;
  }

  /**
   * Finds a table from a name of one, two or three parts: `table`,
   * `schema.table` or `catalog.schema.table` (the catalog is not checked).
   * An unqualified name found in several schemas returns the first.
   */
  find(parts: readonly string[]): SchemaTable | undefined {
    const name = parts[parts.length - 1];
    if (name === undefined) return undefined;
    const candidates = this.byName.get(name.toLowerCase()) ?? [];
    if (parts.length === 1) return candidates[0];
    const schema = (parts[parts.length - 2] ?? '').toLowerCase();
    return candidates.find((table) => table.schema.toLowerCase() === schema);
  }

  tablesInSchema(schema: string): readonly SchemaTable[] {
    return this.bySchema.get(schema.toLowerCase()) ?? [];
  }

  hasSchema(schema: string): boolean {
    return this.bySchema.has(schema.toLowerCase());
  }

  /** Returns whether tables of this name exist in more than one schema. */
  isAmbiguous(name: string): boolean {
    return (this.byName.get(name.toLowerCase())?.length ?? 0) > 1;
  }
}

function addTo(map: Map<string, SchemaTable[]>, key: string, table: SchemaTable): void {
  const list = map.get(key);
  if (list === undefined) {
    map.set(key, [table]);
  } else {
    list.push(table);
  }
}

const catalogs = new WeakMap<readonly SchemaTable[], SchemaCatalog>();

/** Returns the catalog for a table list, built once per list object. */
export function catalogFor(tables: readonly SchemaTable[]): SchemaCatalog {
  let catalog = catalogs.get(tables);
  if (catalog === undefined) {
    catalog = new SchemaCatalog(tables);
    catalogs.set(tables, catalog);
  }
  return catalog;
}
