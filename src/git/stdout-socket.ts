import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Longest socket path taken everywhere (sun_path holds 108 bytes on Linux, 104 on macOS). */
const MAX_SOCKET_PATH = 100;
/** One read's worth: git's output arrives in socket-buffer-sized pieces, well under this. */
const READ_BUFFER_BYTES = 256 * 1024;

/**
 * A child's stdout read into one buffer that is reused for every read. Reading a child's stdout as
 * a stream costs a fresh buffer per read and the stream machinery around it: for `cat-file`
 * pouring a 250 MB history into a scanning thread, about three times the CPU of the reads
 * themselves. `onData` sees each read's bytes, valid only during the call (copy what is kept);
 * returning false pauses reading until `resume()`.
 */
export interface SocketStdout {
  /** Given to the child as its stdout; call `handedOver()` once the child is spawned. */
  readonly childEnd: net.Socket;
  /** Closes this process's copy of the child's end, so the reader sees the end when the child exits. */
  handedOver(): void;
  resume(): void;
  /** Stops reading at once (the bytes still unread are dropped). */
  destroy(): void;
  /** Resolves when the child's output has ended (or reading stopped). */
  readonly ended: Promise<void>;
}

/**
 * A connected pair of Unix sockets, one end for the child, one read here. Node makes no socket
 * pair, so one end listens on a path in a fresh directory only this user can enter (mkdtemp makes
 * it 0700: no other user can connect in between), the other connects, and both the path and the
 * listener are gone before the child starts. Undefined when that cannot be done here (the
 * temporary directory's path is too long for a socket, say): the caller reads a plain pipe.
 */
export async function socketStdout(onData: (chunk: Buffer) => boolean): Promise<SocketStdout | undefined> {
  let dir: string;
  try {
    dir = mkdtempSync(join(tmpdir(), 'tokenscope-'));
  } catch {
    return undefined;
  }
  const path = join(dir, 'out');
  const server = net.createServer({ pauseOnConnect: true });
  try {
    if (Buffer.byteLength(path) > MAX_SOCKET_PATH) return undefined;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(path, () => resolve());
    });
    const accepted = new Promise<net.Socket>((resolve, reject) => {
      server.once('connection', resolve);
      server.once('error', reject);
    });
    const buffer = Buffer.allocUnsafe(READ_BUFFER_BYTES);
    let ended!: () => void;
    const done = new Promise<void>((resolve) => {
      ended = resolve;
    });
    const reader = net.connect({
      path,
      onread: { buffer, callback: (n: number) => onData(buffer.subarray(0, n)) },
    });
    reader.on('end', ended).on('close', ended).on('error', ended);
    const childEnd = await Promise.race([accepted, new Promise<never>((_, reject) => reader.once('error', reject))]);
    // Nothing is ever written to the child's end from here.
    reader.end();
    return {
      childEnd,
      handedOver: () => childEnd.destroy(),
      resume: () => reader.resume(),
      destroy: () => {
        reader.destroy();
        childEnd.destroy();
        ended();
      },
      ended: done,
    };
  } catch {
    return undefined;
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
