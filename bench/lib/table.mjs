// Prints figures as a plain-text table and as Markdown. A measured value shows
// its median and, over several runs, the p25-p75 spread in brackets.

export function formatNumber(number) {
  if (!Number.isFinite(number)) return '-';
  if (Number.isInteger(number)) return number.toLocaleString('en-US');
  const magnitude = Math.abs(number);
  if (magnitude >= 100) return Math.round(number).toLocaleString('en-US');
  if (magnitude >= 10) return number.toFixed(1);
  return number.toFixed(2);
}

function withUnit(text, unit) {
  if (!unit || text === '-') return text;
  return unit === 'x' || unit === '%' ? `${text}${unit}` : `${text} ${unit}`;
}

function formatSummary(summary, unit) {
  const median = withUnit(formatNumber(summary.median), unit);
  if (summary.n <= 1 || summary.p25 === summary.p75) return median;
  return `${median} (${formatNumber(summary.p25)}-${formatNumber(summary.p75)})`;
}

function formatComparison(comparison) {
  if (!comparison) return '-';
  const sign = comparison.kind === 'difference' && comparison.median > 0 ? '+' : '';
  return `${sign}${formatSummary(comparison, comparison.unit)}`;
}

function formatResult(figure) {
  if (figure.error) return 'ERROR';
  if (!figure.target) return '-';
  return figure.target.pass ? 'pass' : 'MISS';
}

function toCells(figure) {
  if (figure.error) {
    // The whole message is in the JSON file and was printed when the benchmark failed.
    const message = figure.error.length > 100 ? `${figure.error.slice(0, 97)}...` : figure.error;
    return [figure.label, `could not run: ${message}`, '', '', '', 'ERROR'];
  }
  return [
    figure.label,
    formatSummary(figure.value, figure.unit),
    figure.reference ? `${figure.reference.label}: ${formatSummary(figure.reference, figure.reference.unit)}` : '-',
    formatComparison(figure.comparison),
    figure.target ? figure.target.text : '-',
    formatResult(figure),
  ];
}

const headers = ['Figure', 'Measured, median (p25-p75)', 'Reference, same run', 'Compared', 'Target', 'Result'];

/** Returns the figures as an aligned plain-text table. */
export function formatTable(figures) {
  const rows = [headers, ...figures.map(toCells)];
  const widths = headers.map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row) => row.map((cell, column) => cell.padEnd(widths[column])).join(' | ').trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('-+-');
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
}

/** Returns one line per figure that carries a note: how it was measured or what it contains. */
export function formatNotes(figures) {
  return figures
    .filter((figure) => figure.note)
    .map((figure) => `- ${figure.label}: ${figure.note}`)
    .join('\n');
}

/** Returns the figures as a Markdown table, for the README. */
export function formatMarkdown(figures) {
  const escape = (cell) => cell.replaceAll('|', '\\|');
  const rows = figures.map((figure) => `| ${toCells(figure).map(escape).join(' | ')} |`);
  return [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`, ...rows].join('\n');
}
