import { createHash } from 'node:crypto';
import type { FragmentContent, GitBlob, PlainFragment, Scanned } from '../core/source.js';
import type { Candidate } from '../core/types.js';
import type { Detector } from '../detect/engine.js';
import { ScratchBuffer, decodeUtf16, isBinary, readForScan } from '../sources/read.js';
import { type WireOutcome, toWire } from './wire.js';

/**
 * This thread's file buffer: a file's bytes are scanned and hashed before the next file is read,
 * and nothing found keeps a view of them (candidates hold decoded strings).
 */
const scratch = new ScratchBuffer();

/** The bytes of a fragment: its own, or its file's, read here (on the scanning thread). */
function bytesOf(
  c: Exclude<FragmentContent, { text: string } | Scanned | GitBlob>,
  maxBytes: number,
): Buffer | { skipped: string } {
  if ('file' in c) {
    const r = readForScan(c.file, maxBytes, scratch);
    return 'skipped' in r ? r : r.bytes;
  }
  if (c.bytes.length > maxBytes) return { skipped: `larger than the size cap (${c.bytes.length} > ${maxBytes} bytes)` };
  return Buffer.from(c.bytes.buffer, c.bytes.byteOffset, c.bytes.byteLength);
}

/**
 * Scans one fragment; the same code runs on the scanning threads and, with one thread, in the
 * main one. Raw bytes are decoded here: UTF-16 with a byte-order mark as text, binary skipped,
 * anything else scanned as UTF-8 bytes (decoded only around keyword hits).
 */
export function scanFragment(f: PlainFragment, detector: Detector, maxBytes: number): WireOutcome {
  try {
    return scanOne(f, detector, maxBytes);
  } catch (e) {
    // One fragment that breaks the detector costs that fragment, never the scan.
    detector.notes.splice(0);
    return { found: [], bytes: 0, skipped: `could not be scanned: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** The id git gives these bytes as a blob (SHA-1 of a `blob <size>` header and the bytes). */
export function gitBlobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

function scanOne(f: PlainFragment, detector: Detector, maxBytes: number): WireOutcome {
  let found: Candidate[];
  let bytes: number;
  let blob: string | undefined;
  if ('scanned' in f.content) throw new Error('an already scanned fragment reached a scanning thread');
  if ('blob' in f.content) throw new Error('a git blob reached the scanner unread (BlobFetcher reads them)');
  if ('text' in f.content) {
    found = detector.scan({ ...f.meta, text: f.content.text });
    bytes = f.content.text.length;
  } else {
    const b = bytesOf(f.content, maxBytes);
    if (!Buffer.isBuffer(b)) return { found: [], bytes: 0, skipped: b.skipped };
    blob = 'blobId' in f.content && f.content.blobId ? gitBlobId(b) : undefined;
    const utf16 = decodeUtf16(b);
    if (utf16 !== undefined) found = detector.scan({ ...f.meta, text: utf16 });
    else if (isBinary(b)) return { found: [], bytes: 0, skipped: 'binary', ...(blob ? { blob } : {}) };
    else found = detector.scanBytes(b, f.meta);
    bytes = b.length;
  }
  // A config rule the guard stopped on this fragment: said with the fragment's outcome.
  const stopped = detector.notes.splice(0);
  return {
    found: found.map(toWire),
    bytes,
    ...(stopped.length ? { notes: stopped } : {}),
    ...(blob ? { blob } : {}),
  };
}
