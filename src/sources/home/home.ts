import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CandidateSource } from '../../core/source.js';
import type { Candidate } from '../../core/types.js';
import { decode } from '../read.js';
import { STORES, type Store } from './stores.js';

/** The files a store pattern names under HOME (a `*` segment is one folder level). */
async function expand(home: string, pattern: string): Promise<string[]> {
  const parts = pattern.split('/');
  let found = [''];
  for (const [i, part] of parts.entries()) {
    if (part !== '*') {
      found = found.map((p) => (p ? `${p}/${part}` : part));
      continue;
    }
    const next: string[] = [];
    for (const p of found) {
      try {
        for (const e of await readdir(join(home, p), { withFileTypes: true }))
          if (e.isDirectory()) next.push(`${p}/${e.name}`);
      } catch {
        // No such folder: nothing there.
      }
    }
    found = next;
    if (i === parts.length - 1) break;
  }
  return found;
}

/**
 * The current user's credential stores, in their well-known places under HOME (from the
 * environment the CLI was given), labelled `home` and shown as `~/...`. Each store is parsed in
 * its own format so that every token is attributed to its profile, host or user. A store that
 * is not there is not news; one that cannot be read is noted.
 */
export function homeSource(
  env: Record<string, string | undefined>,
  maxFileSize: number,
  notes: string[],
  stores: Store[] = STORES,
): CandidateSource {
  return async function* (detector) {
    const home = env.HOME ?? env.USERPROFILE;
    if (!home) {
      notes.push('--include-home: HOME is not set; no credential store read');
      return;
    }
    for (const store of stores) {
      for (const rel of await expand(home, store.path)) {
        const text = await readStore(join(home, rel), rel, maxFileSize, notes, !store.pieces);
        if (text === undefined || !store.pieces) continue;
        const path = `~/${rel}`;
        const pieces = store.pieces(text, rel);
        if (!pieces) {
          notes.push(`${path}: could not be parsed; scanned as plain text`);
          yield* detector.scan({ text, path, source: 'home' });
          continue;
        }
        for (const piece of pieces) {
          const found: Candidate[] = detector.scan({
            text: piece.text,
            path,
            source: 'home',
            firstLine: piece.firstLine,
          });
          for (const c of found) {
            if (piece.section) {
              c.context = { ...c.context, section: piece.section };
              c.location = { ...c.location, section: piece.section };
            }
            yield c;
          }
        }
      }
    }
  };
}

async function readStore(
  abs: string,
  rel: string,
  maxFileSize: number,
  notes: string[],
  opaque: boolean,
): Promise<string | undefined> {
  try {
    const buf = await readFile(abs);
    if (opaque) {
      notes.push(`~/${rel}: present, a database tokenscope does not parse`);
      return undefined;
    }
    if (buf.length > maxFileSize) {
      notes.push(`skipped ~/${rel}: larger than the size cap`);
      return undefined;
    }
    const d = decode(buf);
    if ('binary' in d) {
      notes.push(`skipped ~/${rel}: not text`);
      return undefined;
    }
    return d.text;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    notes.push(`~/${rel}: unreadable (${code ?? (e as Error).message})`);
    return undefined;
  }
}
