/**
 * The few bytes of RESP2 (Redis's wire protocol) the inspector needs: commands out as arrays of
 * bulk strings, replies in as simple strings, errors, integers, bulk strings and arrays. Written
 * here rather than pulled in as a client library because none is a dependency and the inspector
 * sends a fixed handful of commands; every reply is bounded (length, nesting, element count) so a
 * hostile server cannot make it allocate or wait without end.
 */

export type Reply = string | number | null | RedisError | Reply[];

/** An error reply (`-NOPERM ...`): data, not a thrown exception. */
export class RedisError {
  constructor(readonly message: string) {}
  /** The first word: NOPERM, WRONGPASS, ERR... */
  get code(): string {
    return this.message.split(' ', 1)[0] ?? '';
  }
}

/** The server sent bytes that are not RESP, or more than a reply may hold. */
export class ProtocolError extends Error {
  constructor(what: string) {
    super(`not a Redis reply (${what})`);
    this.name = 'ProtocolError';
  }
}

const MAX_LINE = 4096;
const MAX_BULK = 256 * 1024;
const MAX_ELEMENTS = 1024;
const MAX_DEPTH = 4;

export function encodeCommand(args: readonly string[]): Buffer {
  const parts = [`*${args.length}\r\n`];
  for (const a of args) parts.push(`$${Buffer.byteLength(a)}\r\n${a}\r\n`);
  return Buffer.from(parts.join(''), 'utf8');
}

/** One parsed reply and where it ended, or undefined when the buffer does not hold all of it yet. */
function parseAt(buf: Buffer, at: number, depth: number): { reply: Reply; end: number } | undefined {
  if (at >= buf.length) return undefined;
  const eol = buf.indexOf('\r\n', at);
  if (eol < 0) {
    if (buf.length - at > MAX_LINE) throw new ProtocolError('line too long');
    return undefined;
  }
  if (eol - at > MAX_LINE) throw new ProtocolError('line too long');
  const type = String.fromCharCode(buf[at]!);
  const line = buf.toString('utf8', at + 1, eol);
  const next = eol + 2;
  const count = () => {
    if (!/^-?\d{1,10}$/.test(line)) throw new ProtocolError('bad length');
    return Number(line);
  };
  switch (type) {
    case '+':
      return { reply: line, end: next };
    case '-':
      return { reply: new RedisError(line), end: next };
    case ':':
      return { reply: count(), end: next };
    case '$': {
      const n = count();
      if (n < 0) return { reply: null, end: next };
      if (n > MAX_BULK) throw new ProtocolError('bulk string too long');
      if (buf.length < next + n + 2) return undefined;
      if (buf[next + n] !== 13 || buf[next + n + 1] !== 10) throw new ProtocolError('bad bulk string end');
      return { reply: buf.toString('utf8', next, next + n), end: next + n + 2 };
    }
    case '*': {
      const n = count();
      if (n < 0) return { reply: null, end: next };
      if (n > MAX_ELEMENTS) throw new ProtocolError('array too long');
      if (depth >= MAX_DEPTH) throw new ProtocolError('arrays nested too deep');
      const items: Reply[] = [];
      let end = next;
      for (let i = 0; i < n; i++) {
        const item = parseAt(buf, end, depth + 1);
        if (!item) return undefined;
        items.push(item.reply);
        end = item.end;
      }
      return { reply: items, end };
    }
    default:
      throw new ProtocolError(`unexpected type byte 0x${buf[at]!.toString(16).padStart(2, '0')}`);
  }
}

/** Reads replies from a stream of chunks, in order. */
export class ReplyReader {
  #buf: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): void {
    this.#buf = this.#buf.length ? Buffer.concat([this.#buf, chunk]) : chunk;
  }

  /** The next complete reply, or undefined until more bytes arrive; throws ProtocolError on garbage. */
  next(): { reply: Reply } | undefined {
    const parsed = parseAt(this.#buf, 0, 0);
    if (!parsed) return undefined;
    this.#buf = this.#buf.subarray(parsed.end);
    return { reply: parsed.reply };
  }
}
