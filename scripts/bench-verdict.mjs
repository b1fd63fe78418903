// One line per measured target: PASS/FAIL, what, the figure, the target; repeated at the end as a
// summary, since the figures scroll by between other output.
const lines = [];

function say(log, line) {
  lines.push(line);
  log(line);
}

/** `value` must be at most `limit` (or under it when `strict`); `unit` 'x' prints a ratio. */
export function atMost(log, what, value, limit, { unit = 'x', strict = false, note = '' } = {}) {
  const fmt = (v) => (unit === 'x' ? `${v.toFixed(2)}x` : `${v.toFixed(unit === 'MB' ? 0 : 2)} ${unit}`);
  const pass = strict ? value < limit : value <= limit;
  say(
    log,
    `${pass ? 'PASS' : 'FAIL'}  ${what}: ${fmt(value)}  (target ${strict ? '<' : '<='} ${fmt(limit)})${note ? `  ${note}` : ''}`,
  );
  return pass;
}

/** A count that must reach its total (credentials planted and found). */
export function allOf(log, what, found, total) {
  say(log, `${found === total ? 'PASS' : 'FAIL'}  ${what}: ${found}/${total}  (target ${total}/${total})`);
  return found === total;
}

/** A target that could not be measured (a missing tool): neither PASS nor FAIL. */
export function skipped(log, what, why) {
  say(log, `SKIP  ${what}: ${why}`);
}

export function summary(log) {
  log('\nsummary (ratios measured in this run, on this machine):');
  for (const l of lines) log(`  ${l}`);
  return lines.every((l) => !l.startsWith('FAIL'));
}
