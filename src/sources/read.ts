import { type Stats, closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export type ReadResult = { bytes: Buffer } | { skipped: string };

const SNIFF = 8000;

/** Text decoded from a buffer that starts with a UTF-16 byte-order mark; undefined otherwise. */
export function decodeUtf16(buf: Buffer): string | undefined {
  if (buf.length < 2) return undefined;
  if (buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) {
    const swapped = Buffer.from(buf.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  return undefined;
}

/** git's own test: a NUL byte in the first 8000 bytes makes a file binary. */
export function isBinary(buf: Buffer): boolean {
  return (buf.length > SNIFF ? buf.subarray(0, SNIFF) : buf).includes(0);
}

/** As text, or binary: UTF-16 with a BOM is text, a NUL early on is binary, the rest is UTF-8. */
export function decode(buf: Buffer): { text: string } | { binary: true } {
  const utf16 = decodeUtf16(buf);
  if (utf16 !== undefined) return { text: utf16 };
  if (isBinary(buf)) return { binary: true };
  return { text: buf.toString('utf8') };
}

/**
 * Opening never waits: a FIFO opened for reading would block until a writer came, and a terminal
 * must not become ours. Regular files read the same with these flags.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/**
 * Reads a file for scanning, synchronously (it runs on a scanning thread, where a promise per
 * file costs more than the read). The type and size are checked on the open descriptor before a
 * byte is read: a FIFO, a device (`/dev/zero`) or a socket is never read, whatever a symlink to
 * it is called. Every reason not to scan is a note, never an exception.
 */
export function readForScan(path: string, maxBytes: number): ReadResult {
  let fd: number | undefined;
  try {
    fd = openSync(path, OPEN_FLAGS);
    const st = fstatSync(fd);
    if (!st.isFile()) return { skipped: `not a regular file (${kindOf(st)})` };
    if (st.size > maxBytes) return { skipped: `larger than the size cap (${st.size} > ${maxBytes} bytes)` };
    const buf = Buffer.allocUnsafe(st.size);
    let off = 0;
    while (off < st.size) {
      const n = readSync(fd, buf, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    return { bytes: off === st.size ? buf : buf.subarray(0, off) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return { skipped: 'unreadable (permission denied)' };
    if (code === 'ENOENT') return { skipped: 'vanished during the scan' };
    return { skipped: `unreadable (${code ?? (e as Error).message})` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function kindOf(st: Stats): string {
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  if (st.isDirectory()) return 'a folder';
  return 'not a file';
}
