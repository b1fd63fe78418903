/**
 * Text that came from outside tokenscope (scanned file names, branches, commit messages, provider
 * and database server messages, identity and resource names, custom rule names) is made inert
 * before it reaches any output. Two layers:
 *
 * - `cleanText` / `cleanDeep`, applied where the Report is built: no character that can move a
 *   terminal's cursor, end a line or reorder text survives inside a field (C0 controls with ESC,
 *   CR and LF, DEL, C1, Unicode format characters such as U+202E, line and paragraph separators),
 *   and the runner's legacy `##[command]` prefix, which it honours anywhere in a line, is broken.
 * - `guardOutput`, applied by the writers (stdout reports, stderr messages): whatever a renderer
 *   did, no line can start with the `::` of a workflow command (the runner trims leading spaces
 *   first), and no control character but the newline and the tab reaches the terminal.
 */

/** Controls (C0 with ESC, CR, LF and TAB; DEL; C1) and line or paragraph separators: a space each run. */
const BREAKS = /[\p{Cc}\p{Zl}\p{Zp}]+/gu;
/** Format characters (bidi overrides and isolates, zero-width characters): dropped. */
const FORMAT = /\p{Cf}/gu;
/** Half a surrogate pair, which no encoder can write faithfully. */
const LONE_SURROGATE = /\p{Cs}/gu;

/** The runner reads `##[name]` as a command anywhere in a line (legacy syntax). */
const LEGACY_COMMAND = /##\[/g;
/** A zero-width space between the two `#`: the text reads the same, the runner sees no command. */
const BROKEN_LEGACY = '#\u200b#[';

/** One external string, safe inside a line of any format. */
export function cleanText(s: string): string {
  const stripped = s.replace(FORMAT, '').replace(LONE_SURROGATE, '\ufffd').replace(BREAKS, ' ');
  return stripped.includes('##[') ? stripped.replace(LEGACY_COMMAND, BROKEN_LEGACY) : stripped;
}

/** A run of characters without a space this long or longer is clipped in a note (see clipLongRuns). */
const LONG_RUN = /\S{241,}/g;

/**
 * A note's overlong runs (a path of 4,000 characters nested in a hostile tree) cut to their first
 * and last 100 characters and how many were left out: enough to find the place, and a note stays
 * a line that can be read. Secrets are redacted before this, so a cut never leaves a partial one
 * that redaction would have caught whole.
 */
export function clipLongRuns(note: string): string {
  return note.replace(LONG_RUN, (run) => {
    const chars = [...run];
    if (chars.length <= 240) return run;
    return `${chars.slice(0, 100).join('')}…(${chars.length - 200} characters)…${chars.slice(-100).join('')}`;
  });
}

/** Every string of a JSON-shaped value (keys too), cleaned; `edit` runs after cleaning. */
export function cleanDeep<T>(value: T, edit: (s: string) => string = (s) => s): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return edit(cleanText(v));
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, inner] of Object.entries(v)) out[cleanText(k)] = walk(inner);
      return out;
    }
    return v;
  };
  return walk(value) as T;
}

/**
 * Controls that survive nowhere in what the writers print: everything but the tab and the newline
 * (a report's own structure), and the bidi overrides and isolates that reorder a line on screen.
 */
/** A colour change and nothing else (no cursor movement, no clearing). */
const SGR = /(\x1b\[[0-9;]{0,12}m)/;
const OUTPUT_UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
/** A line whose first non-blank characters are `::` (the runner trims leading whitespace, then parses). */
const COMMAND_LINE = /^([^\S\n]*)::/gm;

/**
 * What a writer prints (a rendered report, a message for stderr), made safe as a whole. tokenscope
 * itself never writes a line starting with `::`, so every such line came from outside: a backslash
 * in front keeps it readable and makes it no command.
 */
export function guardOutput(text: string): string {
  // Colour (SGR: ESC [ digits m) is tokenscope's own, on a terminal only: outside text lost every
  // ESC where the report was built, so what is left here is ours. Nothing else survives.
  let out = text
    .split(SGR)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(OUTPUT_UNSAFE, (c) => (c === '\r' ? '' : ' '))))
    .join('');
  out = out.replace(COMMAND_LINE, '$1\\::');
  return out.includes('##[') ? out.replace(LEGACY_COMMAND, BROKEN_LEGACY) : out;
}
