import {
  DuckDBArrayValue,
  DuckDBBlobValue,
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBIntervalValue,
  DuckDBListValue,
  DuckDBMapValue,
  DuckDBStructValue,
  DuckDBTimeNSValue,
  DuckDBTimeTZValue,
  DuckDBTimeValue,
  DuckDBTimestampMillisecondsValue,
  DuckDBTimestampNanosecondsValue,
  DuckDBTimestampSecondsValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  DuckDBTypeId,
  DuckDBUnionValue,
  DuckDBVariantValue,
  type DuckDBListVector,
  type DuckDBStructVector,
  type DuckDBType,
  type DuckDBValue,
  type DuckDBVector,
} from '@duckdb/node-api';
import {
  formatDate,
  formatTimeOfDay,
  formatTimestampMicros,
  formatTimestampNanos,
  formatUtcOffset,
} from './time-format.js';

/** A cell as it appears in the JSON `result`. */
export type JsonCell = null | boolean | number | string | JsonCell[] | { [key: string]: JsonCell };

/** Encodes the values of one column; see cellEncoder. */
export type CellEncoder = (value: DuckDBValue) => JsonCell;

/** Encodes the cell at one row of a column's vector; see columnEncoder. */
export type ColumnEncoder = (vector: DuckDBVector, row: number) => JsonCell;

/**
 * Encodes one DuckDB value for the JSON `result`, by the column's type.
 * Encoding many values of one type should use cellEncoder once instead.
 */
export function encodeCell(value: DuckDBValue, type: DuckDBType): JsonCell {
  return cellEncoder(type)(value);
}

/**
 * Makes the encoder for a column's values, deciding by the type once per
 * column instead of once per cell:
 * - integers named TINYINT, SMALLINT or INT, FLOAT and DOUBLE become JSON
 *   numbers; NaN and the infinities become the strings "NaN", "Infinity" and
 *   "-Infinity", which JSON cannot hold as numbers;
 * - integers named BIGINT, every wider integer and DECIMAL become exact
 *   decimal strings, since a JSON number loses digits above 2^53 in most
 *   parsers;
 * - timestamps become ISO 8601 UTC strings with a Z and six fraction digits,
 *   or nine for TIMESTAMP_NS;
 * - dates become YYYY-MM-DD;
 * - infinite dates and timestamps become "infinity" and "-infinity";
 * - BLOB becomes base64; lists, arrays, structs, maps and unions become JSON
 *   arrays and objects whose members follow the same rule;
 * - NULL becomes null.
 */
export function cellEncoder(type: DuckDBType): CellEncoder {
  switch (type.typeId) {
    // DuckDB already gives these as the JSON value: boolean, a safe integer
    // number or a string.
    case DuckDBTypeId.BOOLEAN:
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
    case DuckDBTypeId.VARCHAR:
      return encodeScalar;
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
    case DuckDBTypeId.BIGNUM:
      return encodeExactText;
    case DuckDBTypeId.DECIMAL:
      return encodeDecimal;
    case DuckDBTypeId.FLOAT:
      return (value) => (typeof value === 'number' ? encodeFloat32(value) : encodeScalar(value));
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_TZ:
      return encodeTimestampMicros;
    case DuckDBTypeId.LIST:
    case DuckDBTypeId.ARRAY:
      return itemsEncoder(cellEncoder(type.valueType));
    case DuckDBTypeId.STRUCT:
      return structEncoder(type.entryNames, type.entryTypes.map(cellEncoder));
    case DuckDBTypeId.MAP:
      return mapEncoder(cellEncoder(type.keyType), cellEncoder(type.valueType));
    case DuckDBTypeId.UNION:
      return unionEncoder(type.memberTags, type.memberTypes.map(cellEncoder));
    default:
      return encodeScalar;
  }
}

/**
 * Makes the encoder of a result column. STRUCT cells, and LIST cells with
 * structs inside, are read from their child vectors, because the library's
 * struct values keep members in a plain object, where a member named
 * __proto__ is lost. Other cells are encoded by cellEncoder.
 */
export function columnEncoder(type: DuckDBType): ColumnEncoder {
  switch (type.typeId) {
    case DuckDBTypeId.LIST: {
      // Lists without a struct inside read faster as the library's values.
      if (!containsStruct(type.valueType)) return valueColumnEncoder(type);
      const encodeItem = columnEncoder(type.valueType);
      return (vector, row) => {
        const items = (vector as DuckDBListVector).getItemVector(row);
        if (items === null) return null;
        const cells: JsonCell[] = [];
        for (let index = 0; index < items.itemCount; index += 1) cells.push(encodeItem(items, index));
        return cells;
      };
    }
    case DuckDBTypeId.STRUCT: {
      const names = type.entryNames;
      const members = type.entryTypes.map(columnEncoder);
      return (vector, row) => {
        const struct = vector as DuckDBStructVector;
        if (!struct.isItemValid(row)) return null;
        const object = emptyObject();
        members.forEach((encodeMember, index) => {
          setMember(object, names[index] ?? String(index), encodeMember(struct.entryVectorAt(index), row));
        });
        return object;
      };
    }
    default:
      return valueColumnEncoder(type);
  }
}

function valueColumnEncoder(type: DuckDBType): ColumnEncoder {
  const encode = cellEncoder(type);
  return (vector, row) => encode(vector.getItem(row));
}

function containsStruct(type: DuckDBType): boolean {
  if (type.typeId === DuckDBTypeId.STRUCT) return true;
  return type.typeId === DuckDBTypeId.LIST && containsStruct(type.valueType);
}

/**
 * Encodes a value by its own JavaScript class, for scalars whose encoding
 * does not depend on the column type and for VARIANT members.
 */
function encodeScalar(value: DuckDBValue): JsonCell {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return encodeDouble(value);
  if (value instanceof DuckDBDecimalValue) return value.toString();
  if (value instanceof DuckDBBlobValue) return Buffer.from(value.bytes).toString('base64');
  if (value instanceof DuckDBDateValue) return encodeDate(value);
  if (value instanceof DuckDBTimestampValue || value instanceof DuckDBTimestampTZValue) {
    return encodeEpochValue(value.micros, value.isFinite, formatTimestampMicros);
  }
  if (value instanceof DuckDBTimestampSecondsValue) {
    return encodeEpochValue(value.seconds, value.isFinite, (seconds) => formatTimestampMicros(seconds * 1_000_000n));
  }
  if (value instanceof DuckDBTimestampMillisecondsValue) {
    return encodeEpochValue(value.millis, value.isFinite, (millis) => formatTimestampMicros(millis * 1_000n));
  }
  if (value instanceof DuckDBTimestampNanosecondsValue) {
    return encodeEpochValue(value.nanos, value.isFinite, formatTimestampNanos);
  }
  if (value instanceof DuckDBTimeValue) return formatTimeOfDay(value.micros, 6);
  if (value instanceof DuckDBTimeNSValue) return formatTimeOfDay(value.nanos, 9);
  if (value instanceof DuckDBTimeTZValue) return formatTimeOfDay(value.micros, 6) + formatUtcOffset(value.offset);
  if (value instanceof DuckDBIntervalValue) return value.toString();
  if (value instanceof DuckDBListValue || value instanceof DuckDBArrayValue) return value.items.map(encodeScalar);
  if (value instanceof DuckDBStructValue) return objectFromEntries(Object.entries(value.entries).map(([key, item]) => [key, encodeScalar(item)]));
  if (value instanceof DuckDBMapValue) return objectFromEntries(value.entries.map((entry) => [mapKey(encodeScalar(entry.key)), encodeScalar(entry.value)]));
  if (value instanceof DuckDBUnionValue) return objectFromEntries([[value.tag, encodeScalar(value.value)]]);
  if (value instanceof DuckDBVariantValue) return value.type ? encodeCell(value.value, value.type) : encodeScalar(value.value);
  // UUID, BIT, ENUM and GEOMETRY values print themselves in DuckDB's text form.
  return value.toString();
}

function encodeDouble(value: number): JsonCell {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  return value;
}

// A FLOAT arrives widened to a double (0.1 becomes 0.10000000149011612), so
// it is printed with the fewest digits that still read back as the same
// 32-bit float.
function encodeFloat32(value: number): JsonCell {
  if (!Number.isFinite(value)) return encodeDouble(value);
  for (let digits = 1; digits <= 9; digits += 1) {
    const candidate = Number(value.toPrecision(digits));
    if (Math.fround(candidate) === value) return candidate;
  }
  return value;
}

function encodeDate(value: DuckDBDateValue): string {
  if (value.days === DuckDBDateValue.PosInf.days) return 'infinity';
  if (value.days === DuckDBDateValue.NegInf.days) return '-infinity';
  return formatDate(value.days);
}

function encodeEpochValue(units: bigint, isFinite: boolean, format: (units: bigint) => string): string {
  if (!isFinite) return units > 0n ? 'infinity' : '-infinity';
  return format(units);
}

// The same text as DuckDBDecimalValue.toString(), built from the integer's own
// digits, because the library's version divides bigints (about 0.5 ms per 1000 cells).
function encodeDecimal(value: DuckDBValue): JsonCell {
  if (!(value instanceof DuckDBDecimalValue)) return encodeScalar(value);
  const { scale } = value;
  const scaled = value.value;
  if (scale === 0) return scaled.toString();
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(scale + 1, '0');
  const point = digits.length - scale;
  return `${negative ? '-' : ''}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function encodeExactText(value: DuckDBValue): JsonCell {
  return value === null ? null : String(value);
}

function encodeTimestampMicros(value: DuckDBValue): JsonCell {
  if (!(value instanceof DuckDBTimestampValue || value instanceof DuckDBTimestampTZValue)) return encodeScalar(value);
  // Compared in JavaScript: asking the engine whether each value is finite
  // costs a native call per cell.
  const micros = value.micros;
  if (micros === DuckDBTimestampValue.PosInf.micros) return 'infinity';
  if (micros === DuckDBTimestampValue.NegInf.micros) return '-infinity';
  return formatTimestampMicros(micros);
}

function itemsEncoder(encodeItem: CellEncoder): CellEncoder {
  return (value) => {
    if (!(value instanceof DuckDBListValue || value instanceof DuckDBArrayValue)) return encodeScalar(value);
    return value.items.map((item) => encodeItem(item));
  };
}

// NOTE: this reads the library's struct value, which has already lost a member
// named __proto__. Only structs below a fixed-size array, map, union or variant come here.
function structEncoder(names: readonly string[], encoders: readonly CellEncoder[]): CellEncoder {
  return (value) => {
    if (!(value instanceof DuckDBStructValue)) return encodeScalar(value);
    const object = emptyObject();
    names.forEach((name, index) => {
      const entry = value.entries[name] ?? null;
      const encode = encoders[index] ?? encodeScalar;
      setMember(object, name, encode(entry));
    });
    return object;
  };
}

// JSON object keys are strings, so a map key is written as the text of its
// encoded value: the INTEGER key 7 becomes "7".
function mapEncoder(encodeKey: CellEncoder, encodeValue: CellEncoder): CellEncoder {
  return (value) => {
    if (!(value instanceof DuckDBMapValue)) return encodeScalar(value);
    const object = emptyObject();
    for (const entry of value.entries) setMember(object, mapKey(encodeKey(entry.key)), encodeValue(entry.value));
    return object;
  };
}

function unionEncoder(tags: readonly string[], encoders: readonly CellEncoder[]): CellEncoder {
  return (value) => {
    if (!(value instanceof DuckDBUnionValue)) return encodeScalar(value);
    const encode = encoders[tags.indexOf(value.tag)] ?? encodeScalar;
    const object = emptyObject();
    setMember(object, value.tag, encode(value.value));
    return object;
  };
}

function mapKey(key: JsonCell): string {
  return typeof key === 'string' ? key : JSON.stringify(key);
}

type JsonObject = { [key: string]: JsonCell };

function emptyObject(): JsonObject {
  return {};
}

// A member named "__proto__" is defined, not assigned, so it stays ordinary
// data instead of replacing the prototype. Ordinary objects are used rather
// than prototype-less ones because V8 keeps the latter in dictionary mode,
// which JSON.stringify walks slower (about 1.6 times, measured on a column
// of 1000 three-member structs).
function setMember(object: JsonObject, key: string, item: JsonCell): void {
  if (key === '__proto__') {
    Object.defineProperty(object, key, { value: item, enumerable: true, writable: true, configurable: true });
  } else {
    object[key] = item;
  }
}

function objectFromEntries(entries: [string, JsonCell][]): JsonObject {
  const object = emptyObject();
  for (const [key, item] of entries) setMember(object, key, item);
  return object;
}
