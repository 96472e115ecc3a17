/**
 * Built-in Spark SQL functions (Spark 3.5, with a few Databricks SQL and Spark
 * 4 additions) as short signatures: square brackets mark optional arguments
 * and `...` a repeatable one. The name is the text before the `(`.
 */
const SIGNATURES_BY_GROUP: Record<string, readonly string[]> = {
  aggregate: [
    'count(expr)', 'count_if(cond)', 'sum(expr)', 'try_sum(expr)', 'avg(expr)', 'try_avg(expr)', 'mean(expr)',
    'min(expr)', 'max(expr)', 'min_by(expr, ordering)', 'max_by(expr, ordering)',
    'first(expr[, ignoreNulls])', 'last(expr[, ignoreNulls])', 'any_value(expr[, ignoreNulls])',
    'collect_list(expr)', 'collect_set(expr)', 'array_agg(expr)',
    'approx_count_distinct(expr[, relativeSD])', 'approx_percentile(col, percentage[, accuracy])',
    'percentile_approx(col, percentage[, accuracy])', 'percentile(col, percentage[, frequency])',
    'percentile_cont(percentage)', 'percentile_disc(percentage)', 'median(col)', 'mode(col)',
    'stddev(expr)', 'stddev_pop(expr)', 'stddev_samp(expr)', 'variance(expr)', 'var_pop(expr)', 'var_samp(expr)',
    'corr(expr1, expr2)', 'covar_pop(expr1, expr2)', 'covar_samp(expr1, expr2)', 'kurtosis(expr)', 'skewness(expr)',
    'bool_and(expr)', 'bool_or(expr)', 'every(expr)', 'bit_and(expr)', 'bit_or(expr)', 'bit_xor(expr)',
    'histogram_numeric(expr, nb)', 'regr_slope(y, x)', 'regr_intercept(y, x)', 'regr_r2(y, x)', 'regr_count(y, x)',
    'grouping(col)', 'grouping_id([col, ...])',
  ],
  window: [
    'row_number()', 'rank()', 'dense_rank()', 'percent_rank()', 'cume_dist()', 'ntile(n)',
    'lag(input[, offset[, default]])', 'lead(input[, offset[, default]])', 'nth_value(input, offset)',
    'first_value(expr[, ignoreNulls])', 'last_value(expr[, ignoreNulls])',
  ],
  string: [
    'concat(expr, ...)', 'concat_ws(sep, str, ...)', 'length(expr)', 'char_length(expr)', 'character_length(expr)',
    'octet_length(expr)', 'bit_length(expr)', 'lower(str)', 'upper(str)', 'lcase(str)', 'ucase(str)',
    'initcap(str)', 'trim(str)', 'ltrim(str)', 'rtrim(str)', 'btrim(str[, trimStr])',
    'lpad(str, len[, pad])', 'rpad(str, len[, pad])', 'substring(str, pos[, len])', 'substr(str, pos[, len])',
    'left(str, len)', 'right(str, len)', 'replace(str, search[, replace])', 'translate(input, from, to)',
    'overlay(input, replace, pos[, len])', 'regexp_replace(str, regexp, rep[, position])',
    'regexp_extract(str, regexp[, idx])', 'regexp_extract_all(str, regexp[, idx])', 'regexp_like(str, regexp)',
    'regexp_count(str, regexp)', 'regexp_substr(str, regexp)', 'regexp_instr(str, regexp)',
    'split(str, regex[, limit])', 'split_part(str, delimiter, partNum)', 'instr(str, substr)',
    'locate(substr, str[, pos])', 'position(substr, str[, pos])', 'startswith(str, prefix)',
    'endswith(str, suffix)', 'contains(left, right)', 'reverse(expr)', 'repeat(str, n)', 'space(n)',
    'format_string(format, expr, ...)', 'printf(format, expr, ...)', 'format_number(expr, decimals)',
    'to_char(expr, format)', 'ascii(str)', 'chr(n)', 'char(n)', 'base64(bin)', 'unbase64(str)', 'hex(expr)',
    'unhex(str)', 'encode(str, charset)', 'decode(bin, charset)', 'levenshtein(str1, str2)', 'soundex(str)',
    'find_in_set(str, strList)', 'elt(n, input, ...)', 'sentences(str[, lang, country])',
    'parse_url(url, part[, key])', 'url_encode(str)', 'url_decode(str)', 'mask(input[, upper, lower, digit, other])',
    'to_binary(str[, format])', 'try_to_binary(str[, format])', 'uuid()', 'collate(expr, collation)',
  ],
  number: [
    'abs(expr)', 'ceil(expr[, scale])', 'ceiling(expr[, scale])', 'floor(expr[, scale])', 'round(expr[, d])',
    'bround(expr[, d])', 'sqrt(expr)', 'cbrt(expr)', 'exp(expr)', 'expm1(expr)', 'ln(expr)', 'log(base, expr)',
    'log10(expr)', 'log2(expr)', 'log1p(expr)', 'pow(expr1, expr2)', 'power(expr1, expr2)', 'mod(expr1, expr2)',
    'pmod(expr1, expr2)', 'sign(expr)', 'signum(expr)', 'greatest(expr, ...)', 'least(expr, ...)',
    'rand([seed])', 'randn([seed])', 'random([seed])', 'pi()', 'e()', 'degrees(expr)', 'radians(expr)',
    'sin(expr)', 'cos(expr)', 'tan(expr)', 'asin(expr)', 'acos(expr)', 'atan(expr)', 'atan2(y, x)',
    'sinh(expr)', 'cosh(expr)', 'tanh(expr)', 'factorial(expr)', 'bin(expr)', 'conv(num, fromBase, toBase)',
    'width_bucket(value, min, max, numBuckets)', 'try_add(expr1, expr2)', 'try_subtract(expr1, expr2)',
    'try_multiply(expr1, expr2)', 'try_divide(dividend, divisor)', 'nanvl(expr1, expr2)', 'isnan(expr)',
    'positive(expr)', 'negative(expr)', 'shiftleft(base, n)', 'shiftright(base, n)', 'bit_count(expr)',
    'bit_get(expr, pos)',
  ],
  conditional: [
    'coalesce(expr, ...)', 'nvl(expr1, expr2)', 'nvl2(expr1, expr2, expr3)', 'ifnull(expr1, expr2)',
    'nullif(expr1, expr2)', 'if(cond, expr1, expr2)', 'iff(cond, expr1, expr2)', 'isnull(expr)',
    'isnotnull(expr)', 'equal_null(expr1, expr2)', 'zeroifnull(expr)', 'nullifzero(expr)',
    'assert_true(expr[, message])', 'raise_error(message)',
  ],
  conversion: [
    'cast(expr AS type)', 'try_cast(expr AS type)', 'typeof(expr)', 'to_number(expr, format)',
    'try_to_number(expr, format)', 'to_json(expr[, options])', 'from_json(jsonStr, schema[, options])',
    'get_json_object(json, path)', 'json_tuple(json, path, ...)', 'schema_of_json(json)',
    'json_array_length(json)', 'json_object_keys(json)', 'to_csv(expr[, options])',
    'from_csv(csvStr, schema[, options])', 'parse_json(jsonStr)', 'try_parse_json(jsonStr)',
    'variant_get(variant, path, type)', 'string(expr)', 'int(expr)', 'bigint(expr)', 'double(expr)',
    'decimal(expr)', 'boolean(expr)', 'date(expr)', 'timestamp(expr)',
  ],
  datetime: [
    'current_date()', 'current_timestamp()', 'now()', 'current_timezone()', 'localtimestamp()',
    'date_add(startDate, numDays)', 'date_sub(startDate, numDays)', 'dateadd(unit, value, expr)',
    'datediff(endDate, startDate)', 'date_diff(endDate, startDate)', 'timestampadd(unit, quantity, ts)',
    'timestampdiff(unit, start, end)', 'add_months(startDate, numMonths)', 'months_between(ts1, ts2[, roundOff])',
    'date_format(ts, format)', 'date_trunc(unit, ts)', 'trunc(date, format)', 'to_date(expr[, format])',
    'to_timestamp(expr[, format])', 'try_to_timestamp(expr[, format])', 'to_unix_timestamp(expr[, format])',
    'unix_timestamp([expr[, format]])', 'from_unixtime(unixTime[, format])', 'from_utc_timestamp(ts, timezone)',
    'to_utc_timestamp(ts, timezone)', 'convert_timezone([sourceTz, ]targetTz, ts)', 'year(date)',
    'quarter(date)', 'month(date)', 'weekofyear(date)', 'day(date)', 'dayofmonth(date)', 'dayofweek(date)',
    'dayofyear(date)', 'weekday(date)', 'hour(ts)', 'minute(ts)', 'second(ts)', 'extract(field FROM source)',
    'date_part(field, source)', 'last_day(date)', 'next_day(startDate, dayOfWeek)', 'make_date(year, month, day)',
    'make_timestamp(year, month, day, hour, min, sec[, timezone])', 'make_interval([years[, months[, ...]]])',
    'timestamp_seconds(seconds)', 'timestamp_millis(millis)', 'timestamp_micros(micros)', 'unix_seconds(ts)',
    'unix_millis(ts)', 'unix_micros(ts)', 'unix_date(date)', 'date_from_unix_date(days)',
    'window(ts, windowDuration[, slideDuration[, startTime]])', 'monthname(date)', 'dayname(date)',
  ],
  collection: [
    'array(expr, ...)', 'array_contains(array, value)', 'array_distinct(array)', 'array_except(array1, array2)',
    'array_intersect(array1, array2)', 'array_union(array1, array2)', 'array_join(array, delimiter[, nullReplacement])',
    'array_max(array)', 'array_min(array)', 'array_position(array, element)', 'array_remove(array, element)',
    'array_repeat(element, count)', 'array_sort(array[, func])', 'sort_array(array[, ascending])',
    'array_size(array)', 'size(expr)', 'cardinality(expr)', 'arrays_overlap(array1, array2)',
    'arrays_zip(array, ...)', 'array_compact(array)', 'array_append(array, element)',
    'array_prepend(array, element)', 'array_insert(array, pos, element)', 'element_at(arrayOrMap, indexOrKey)',
    'try_element_at(arrayOrMap, indexOrKey)', 'get(array, index)', 'slice(array, start, length)',
    'flatten(arrayOfArrays)', 'sequence(start, stop[, step])', 'shuffle(array)', 'explode(expr)',
    'explode_outer(expr)', 'posexplode(expr)', 'posexplode_outer(expr)', 'inline(expr)', 'inline_outer(expr)',
    'transform(array, func)', 'filter(array, func)', 'exists(array, func)', 'forall(array, func)',
    'aggregate(array, start, merge[, finish])', 'reduce(array, start, merge[, finish])',
    'zip_with(left, right, func)', 'map(key, value, ...)', 'map_keys(map)', 'map_values(map)',
    'map_entries(map)', 'map_from_arrays(keys, values)', 'map_from_entries(entries)', 'map_concat(map, ...)',
    'map_filter(map, func)', 'map_zip_with(map1, map2, func)', 'transform_keys(map, func)',
    'transform_values(map, func)', 'map_contains_key(map, key)',
    'str_to_map(text[, pairDelim[, keyValueDelim]])', 'struct(expr, ...)', 'named_struct(name, value, ...)',
    'stack(n, expr, ...)',
  ],
  hash: [
    'md5(expr)', 'sha(expr)', 'sha1(expr)', 'sha2(expr, bitLength)', 'crc32(expr)', 'hash(expr, ...)',
    'xxhash64(expr, ...)',
  ],
  misc: [
    'current_user()', 'current_database()', 'current_schema()', 'current_catalog()', 'version()',
    'monotonically_increasing_id()', 'spark_partition_id()', 'input_file_name()', 'range(start[, end[, step]])',
  ],
};

export interface SqlFunction {
  name: string;
  signature: string;
  /** The kind of function, e.g. `aggregate`, `window` or `datetime`. */
  group: string;
}

export const SQL_FUNCTIONS: readonly SqlFunction[] = Object.entries(SIGNATURES_BY_GROUP).flatMap(
  ([group, signatures]) =>
    signatures.map((signature) => ({ name: signature.slice(0, signature.indexOf('(')), signature, group })),
);
