import { open } from 'node:fs/promises';

export type ReadResult = { text: string; bytes: number } | { skipped: string; bytes: number };

const SNIFF = 8000;

/** git's own test: a NUL byte in the first 8000 bytes makes a file binary. UTF-16 with a BOM is text. */
export function decode(buf: Buffer): { text: string } | { binary: true } {
  if (buf.length >= 2) {
    if (buf[0] === 0xff && buf[1] === 0xfe) return { text: buf.subarray(2).toString('utf16le') };
    if (buf[0] === 0xfe && buf[1] === 0xff) {
      const swapped = Buffer.from(buf.subarray(2));
      swapped.swap16();
      return { text: swapped.toString('utf16le') };
    }
  }
  const head = buf.length > SNIFF ? buf.subarray(0, SNIFF) : buf;
  if (head.includes(0)) return { binary: true };
  return { text: buf.toString('utf8') };
}

/** Reads a file for scanning; every reason not to scan it is a note, never an exception. */
export async function readForScan(path: string, maxBytes: number): Promise<ReadResult> {
  let fh: Awaited<ReturnType<typeof open>> | undefined;
  try {
    fh = await open(path, 'r');
    const st = await fh.stat();
    if (!st.isFile()) return { skipped: 'not a regular file', bytes: 0 };
    if (st.size > maxBytes) return { skipped: `larger than the size cap (${st.size} > ${maxBytes} bytes)`, bytes: 0 };
    const buf = await fh.readFile();
    const decoded = decode(buf);
    if ('binary' in decoded) return { skipped: 'binary', bytes: 0 };
    return { text: decoded.text, bytes: buf.length };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'unreadable (permission denied)' : code === 'ENOENT' ? 'vanished during the scan' : `unreadable (${code ?? (e as Error).message})`;
    return { skipped: why, bytes: 0 };
  } finally {
    await fh?.close();
  }
}
