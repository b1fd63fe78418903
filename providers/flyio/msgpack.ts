/**
 * A minimal MessagePack reader for Fly.io macaroons: maps, arrays, strings, binaries, integers,
 * booleans and nil (everything the macaroon format uses). It reads untrusted text from scanned
 * files, so every length is checked against the bytes left and nesting is bounded: a hostile token
 * yields an error, never a hang or a huge allocation.
 */
export type Packed = null | boolean | number | bigint | string | Uint8Array | Packed[] | Map<Packed, Packed>;

export class MsgpackError extends Error {}

const MAX_DEPTH = 16;

export function unpack(bytes: Uint8Array): Packed {
  const r = new Reader(bytes);
  const value = r.value(0);
  if (r.pos !== bytes.length) throw new MsgpackError('trailing bytes after the value');
  return value;
}

class Reader {
  pos = 0;
  private readonly view: DataView;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private need(n: number): void {
    if (n < 0 || this.pos + n > this.bytes.length) throw new MsgpackError('value runs past the end');
  }

  private u(bytes: 1 | 2 | 4 | 8): number | bigint {
    this.need(bytes);
    const at = this.pos;
    this.pos += bytes;
    if (bytes === 1) return this.view.getUint8(at);
    if (bytes === 2) return this.view.getUint16(at);
    if (bytes === 4) return this.view.getUint32(at);
    const v = this.view.getBigUint64(at);
    return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  }

  private i(bytes: 1 | 2 | 4 | 8): number | bigint {
    this.need(bytes);
    const at = this.pos;
    this.pos += bytes;
    if (bytes === 1) return this.view.getInt8(at);
    if (bytes === 2) return this.view.getInt16(at);
    if (bytes === 4) return this.view.getInt32(at);
    const v = this.view.getBigInt64(at);
    return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(v) : v;
  }

  private len(bytes: 1 | 2 | 4): number {
    return this.u(bytes) as number;
  }

  private raw(n: number): Uint8Array {
    this.need(n);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  private str(n: number): string {
    return new TextDecoder('utf-8', { fatal: false }).decode(this.raw(n));
  }

  private array(n: number, depth: number): Packed[] {
    // Each element takes at least one byte: a count larger than what is left is a lie.
    this.need(n);
    const out: Packed[] = [];
    for (let k = 0; k < n; k++) out.push(this.value(depth + 1));
    return out;
  }

  private map(n: number, depth: number): Map<Packed, Packed> {
    this.need(2 * n);
    const out = new Map<Packed, Packed>();
    for (let k = 0; k < n; k++) {
      const key = this.value(depth + 1);
      out.set(key, this.value(depth + 1));
    }
    return out;
  }

  value(depth: number): Packed {
    if (depth > MAX_DEPTH) throw new MsgpackError('nested too deeply');
    const b = this.u(1) as number;
    if (b <= 0x7f) return b;
    if (b >= 0xe0) return b - 0x100;
    if (b >= 0x80 && b <= 0x8f) return this.map(b & 0x0f, depth);
    if (b >= 0x90 && b <= 0x9f) return this.array(b & 0x0f, depth);
    if (b >= 0xa0 && b <= 0xbf) return this.str(b & 0x1f);
    switch (b) {
      case 0xc0:
        return null;
      case 0xc2:
        return false;
      case 0xc3:
        return true;
      case 0xc4:
        return this.raw(this.len(1));
      case 0xc5:
        return this.raw(this.len(2));
      case 0xc6:
        return this.raw(this.len(4));
      case 0xcc:
        return this.u(1);
      case 0xcd:
        return this.u(2);
      case 0xce:
        return this.u(4);
      case 0xcf:
        return this.u(8);
      case 0xd0:
        return this.i(1);
      case 0xd1:
        return this.i(2);
      case 0xd2:
        return this.i(4);
      case 0xd3:
        return this.i(8);
      case 0xd9:
        return this.str(this.len(1));
      case 0xda:
        return this.str(this.len(2));
      case 0xdb:
        return this.str(this.len(4));
      case 0xdc:
        return this.array(this.len(2), depth);
      case 0xdd:
        return this.array(this.len(4), depth);
      case 0xde:
        return this.map(this.len(2), depth);
      case 0xdf:
        return this.map(this.len(4), depth);
      default:
        // Floats and extension types never appear in a macaroon.
        throw new MsgpackError(`unsupported type byte 0x${b.toString(16)}`);
    }
  }
}
