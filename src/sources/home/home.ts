import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Source, SourceFragment } from '../../core/source.js';
import { Secret } from '../../core/secret.js';
import type { Candidate } from '../../core/types.js';
import { isPlaceholder } from '../../core/placeholders.js';
import { decode, readForScan } from '../read.js';
import { type Piece, STORES, type Store } from './stores.js';

/** A path segment with `*` as a whole-name pattern. */
const segment = (part: string) => new RegExp(`^${part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);

/**
 * The files a store pattern names under HOME. A `*` in a folder segment matches folders; in the
 * last segment, anything but a folder (a key may be a symlink into a dotfiles checkout: the read
 * checks what it points at).
 */
async function expand(home: string, store: Store): Promise<string[]> {
  const parts = store.path.split('/');
  let found = [''];
  for (const [i, part] of parts.entries()) {
    if (!part.includes('*')) {
      found = found.map((p) => (p ? `${p}/${part}` : part));
      continue;
    }
    const lastPart = i === parts.length - 1;
    const re = segment(part);
    const next: string[] = [];
    for (const p of found) {
      try {
        for (const e of await readdir(join(home, p), { withFileTypes: true })) {
          if (!re.test(e.name) || e.isDirectory() !== !lastPart) continue;
          if (lastPart && store.exclude?.test(e.name)) continue;
          next.push(p ? `${p}/${e.name}` : e.name);
        }
      } catch {
        // No such folder: nothing there.
      }
    }
    found = next.sort();
  }
  return found;
}

/** Values a store marks as credentials, when no rule recognised them: too short or a template is no credential. */
function storeCandidate(piece: Piece, path: string): Candidate | undefined {
  const c = piece.credential;
  if (!c || c.value.length < 6 || isPlaceholder(c.value)) return undefined;
  return {
    ruleId: 'home-store-credential',
    provider: c.provider,
    kind: c.kind,
    secret: new Secret(c.value),
    context: { name: c.name, ...(piece.section ? { section: piece.section } : {}) },
    location: { path, line: piece.firstLine, source: 'home', ...(piece.section ? { section: piece.section } : {}) },
  };
}

/**
 * The current user's credential stores, in their well-known places under HOME (from the
 * environment the CLI was given), labelled `home` and shown as `~/...`. Each store is parsed in
 * its own format so that every token is attributed to its profile, host or user. A store that
 * is not there is not news; one that cannot be read (a FIFO, a device, over the size cap,
 * unreadable) is noted, and its type and size are checked before a byte of it is read.
 */
export function homeSource(
  env: Record<string, string | undefined>,
  maxFileSize: number,
  notes: string[],
  stores: Store[] = STORES,
): Source {
  return {
    async *fragments() {
      const home = env.HOME ?? env.USERPROFILE;
      if (!home) {
        notes.push('--include-home: HOME is not set; no credential store read');
        return;
      }
      for (const store of stores) {
        for (const rel of await expand(home, store)) {
          const path = `~/${rel}`;
          // A store that is not there is not news (a dangling symlink neither); stat reads no content.
          if (!(await present(join(home, rel)))) continue;
          const read = readForScan(join(home, rel), maxFileSize);
          if ('skipped' in read) {
            notes.push(`skipped ${path}: ${read.skipped}`);
            continue;
          }
          const pieces = await piecesOf(store, read.bytes, rel, path, notes);
          for (const piece of pieces ?? []) yield pieceFragment(piece, path);
        }
      }
    },
  };
}

/**
 * One piece of a store: what the rules find in it, attributed to the piece's profile or host;
 * when they find nothing, the value the store itself marks as a credential.
 */
function pieceFragment(piece: Piece, path: string): SourceFragment {
  return {
    meta: { path, source: 'home', firstLine: piece.firstLine },
    content: { text: piece.text },
    settle: ({ found }) => {
      if (piece.section) {
        for (const c of found) {
          c.context = { ...c.context, section: piece.section };
          c.location = { ...c.location, section: piece.section };
        }
      }
      const own = found.length === 0 ? storeCandidate(piece, path) : undefined;
      return own ? [own] : found;
    },
  };
}

async function present(abs: string): Promise<boolean> {
  try {
    await stat(abs);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code !== 'ENOENT' && code !== 'ENOTDIR';
  }
}

/** A store's pieces; a text store that does not parse is one plain-text piece, with a note. */
async function piecesOf(
  store: Store,
  bytes: Buffer,
  rel: string,
  path: string,
  notes: string[],
): Promise<Piece[] | undefined> {
  if (store.fromBytes) {
    const pieces = await store.fromBytes(bytes, rel);
    if (typeof pieces === 'string') {
      notes.push(`skipped ${path}: ${pieces}`);
      return undefined;
    }
    return pieces;
  }
  const d = decode(bytes);
  if ('binary' in d) {
    notes.push(`skipped ${path}: not text`);
    return undefined;
  }
  const pieces = store.pieces?.(d.text, rel);
  if (pieces) return pieces;
  notes.push(`${path}: could not be parsed; scanned as plain text`);
  return [{ text: d.text, firstLine: 1 }];
}
