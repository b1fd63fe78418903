import { lstatSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { TomlError, parse } from 'smol-toml';
import type { RuleSpec } from '../../core/rule.js';
import { GitleaksError, convertGitleaks } from './rules.js';

/** Bigger than any real gitleaks config (gitleaks' own default one is well under 200 KiB). */
const MAX_BYTES = 2 * 1024 * 1024;
/** Tables nest a few levels in a gitleaks file; a deeper one is hostile. */
const MAX_DEPTH = 16;

/**
 * The rules of a gitleaks TOML file named by a config entry `{ gitleaks: <path> }`, relative to the
 * config file's directory and inside it: a config in a scanned repository must not make us read
 * (and quote in errors) files elsewhere. Every problem is one line naming the file and field;
 * `fail` turns it into the config's own error type.
 */
export function loadGitleaksRules(
  configFile: string,
  name: string,
  provider: string,
  fail: (m: string) => Error,
): RuleSpec[] {
  const base = dirname(resolve(configFile));
  const file = resolve(base, name);
  const inside = relative(base, file);
  if (isAbsolute(name) || inside.startsWith('..') || isAbsolute(inside))
    throw fail(`${name}: a gitleaks file must be inside the config file's directory`);
  let text: string;
  try {
    const st = lstatSync(file);
    if (st.isSymbolicLink()) throw fail(`${name}: a gitleaks file that is a symbolic link is not read`);
    // A pipe or device would block the read (or never end): a scanned tree could hold one.
    if (!st.isFile()) throw fail(`${name}: not a regular file`);
    if (st.size > MAX_BYTES) throw fail(`${name}: larger than ${MAX_BYTES} bytes; not a gitleaks config`);
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof Error && !('code' in e)) throw e;
    throw fail(`${name}: cannot read (${(e as NodeJS.ErrnoException).code})`);
  }
  let doc: Record<string, unknown>;
  try {
    doc = parse(text, { maxDepth: MAX_DEPTH }) as Record<string, unknown>;
  } catch (e) {
    // Never the parser's message: it quotes the text around the error.
    const at = e instanceof TomlError ? ` at line ${e.line}, column ${e.column}` : '';
    throw fail(`${name}: not valid TOML${at}`);
  }
  try {
    return convertGitleaks(doc, provider);
  } catch (e) {
    if (e instanceof GitleaksError) throw fail(`${name}: ${e.message}`);
    throw e;
  }
}
