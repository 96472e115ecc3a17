import { DuckDBTypeId, type DuckDBType } from '@duckdb/node-api';

/**
 * Names a DuckDB type as the vendor's engine (Spark / Databricks SQL) names
 * it. A DuckDB type with no Spark counterpart gets the nearest Spark type
 * that can represent every value, or STRING. Each cell still follows the
 * encoding rule in cell-encoding.ts, so no value loses digits whatever its
 * type name.
 */
export function vendorTypeName(type: DuckDBType): string {
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return 'BOOLEAN';
    case DuckDBTypeId.TINYINT:
      return 'TINYINT';
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.UTINYINT:
      return 'SMALLINT';
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.USMALLINT:
      return 'INT';
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UINTEGER:
      return 'BIGINT';
    case DuckDBTypeId.UBIGINT:
      return 'DECIMAL(20,0)';
    // NOTE: HUGEINT and UHUGEINT reach 39 digits, one more than DECIMAL(38,0)
    // holds; their cells are exact strings all the same.
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
      return 'DECIMAL(38,0)';
    case DuckDBTypeId.FLOAT:
      return 'FLOAT';
    case DuckDBTypeId.DOUBLE:
      return 'DOUBLE';
    case DuckDBTypeId.DECIMAL:
      return `DECIMAL(${type.width},${type.scale})`;
    case DuckDBTypeId.VARCHAR:
    case DuckDBTypeId.ENUM:
    case DuckDBTypeId.UUID:
    case DuckDBTypeId.TIME:
    case DuckDBTypeId.TIME_TZ:
    case DuckDBTypeId.TIME_NS:
    case DuckDBTypeId.BIT:
    case DuckDBTypeId.BIGNUM:
    case DuckDBTypeId.GEOMETRY:
      return 'STRING';
    case DuckDBTypeId.BLOB:
      return 'BINARY';
    case DuckDBTypeId.DATE:
      return 'DATE';
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS:
    case DuckDBTypeId.TIMESTAMP_TZ:
      return 'TIMESTAMP';
    case DuckDBTypeId.INTERVAL:
      return 'INTERVAL';
    case DuckDBTypeId.LIST:
    case DuckDBTypeId.ARRAY:
      return `ARRAY<${vendorTypeName(type.valueType)}>`;
    case DuckDBTypeId.MAP:
      return `MAP<${vendorTypeName(type.keyType)}, ${vendorTypeName(type.valueType)}>`;
    case DuckDBTypeId.STRUCT:
      return `STRUCT<${type.entryNames.map((name, index) => `${name}: ${entryTypeName(type.entryTypes[index])}`).join(', ')}>`;
    // Spark has no union type. The cell is the value of the member that is set,
    // so the column is named as a struct of the members.
    case DuckDBTypeId.UNION:
      return `STRUCT<${type.memberTags.map((tag, index) => `${tag}: ${entryTypeName(type.memberTypes[index])}`).join(', ')}>`;
    case DuckDBTypeId.VARIANT:
      return 'VARIANT';
    case DuckDBTypeId.SQLNULL:
      return 'VOID';
    default:
      return 'STRING';
  }
}

function entryTypeName(type: DuckDBType | undefined): string {
  return type === undefined ? 'STRING' : vendorTypeName(type);
}
