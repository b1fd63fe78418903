import { randomBytes } from 'node:crypto';

/**
 * Test tokens for Fly.io, generated here and known to nobody. Macaroons are written with an
 * encoder independent of providers/flyio/msgpack.ts, from the format in github.com/superfly/macaroon
 * (macaroon.go: [nonce, location, caveats, tail]; caveat_set.go: a flat [type, body, ...] array;
 * caveat.go: type numbers; resset/action.go: r=1 w=2 c=4 d=8 C=16). The tail is random: no key signs
 * it, so these decode like real tokens but Fly.io would never honour one.
 */

type Value = null | boolean | number | string | Uint8Array | Value[] | Map<Value, Value>;

function head(small: number, max: number, codes: [number, number, number], n: number): Buffer {
  if (n <= max) return Buffer.from([small | n]);
  if (n < 0x100 && codes[0] !== 0) return Buffer.from([codes[0], n]);
  if (n < 0x10000) return Buffer.from([codes[1], n >> 8, n & 0xff]);
  const b = Buffer.alloc(5);
  b[0] = codes[2];
  b.writeUInt32BE(n, 1);
  return b;
}

export function pack(v: Value): Buffer {
  if (v === null) return Buffer.from([0xc0]);
  if (v === true) return Buffer.from([0xc3]);
  if (v === false) return Buffer.from([0xc2]);
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < 0) throw new Error('test encoder: only unsigned integers');
    if (v < 0x80) return Buffer.from([v]);
    if (v < 0x100) return Buffer.from([0xcc, v]);
    if (v < 0x10000) return Buffer.from([0xcd, v >> 8, v & 0xff]);
    if (v < 2 ** 32) {
      const b = Buffer.alloc(5);
      b[0] = 0xce;
      b.writeUInt32BE(v, 1);
      return b;
    }
    const b = Buffer.alloc(9);
    b[0] = 0xcf;
    b.writeBigUInt64BE(BigInt(v), 1);
    return b;
  }
  if (typeof v === 'string') {
    const s = Buffer.from(v, 'utf8');
    return Buffer.concat([head(0xa0, 31, [0xd9, 0xda, 0xdb], s.length), s]);
  }
  if (v instanceof Uint8Array) {
    const n = v.length;
    const h = n < 0x100 ? Buffer.from([0xc4, n]) : Buffer.from([0xc5, n >> 8, n & 0xff]);
    return Buffer.concat([h, Buffer.from(v)]);
  }
  if (Array.isArray(v)) return Buffer.concat([head(0x90, 15, [0, 0xdc, 0xdd], v.length), ...v.map(pack)]);
  const entries = [...v.entries()];
  return Buffer.concat([
    head(0x80, 15, [0, 0xde, 0xdf], entries.length),
    ...entries.flatMap(([k, x]) => [pack(k), pack(x)]),
  ]);
}

export const ACTION = { r: 1, w: 2, c: 4, d: 8, C: 16 } as const;
export function mask(letters: string): number {
  return [...letters].reduce((m, l) => m | ACTION[l as keyof typeof ACTION], 0);
}

/** Caveat type numbers, from caveat.go's iota list. */
export const CAVEAT = {
  organization: 0,
  apps: 3,
  validityWindow: 4,
  mutations: 6,
  thirdParty: 11,
  ifPresent: 13,
  noAdmin: 22,
} as const;

export type Caveat = [number, Value];
export const org = (id: number, actions: string): Caveat => [CAVEAT.organization, [id, mask(actions)]];
export const apps = (grants: Record<number, string>): Caveat => [
  CAVEAT.apps,
  [new Map(Object.entries(grants).map(([id, a]) => [Number(id), mask(a)]))],
];
export const validity = (notBefore: number, notAfter: number): Caveat => [CAVEAT.validityWindow, [notBefore, notAfter]];
export const thirdParty = (location: string): Caveat => [
  CAVEAT.thirdParty,
  [location, randomBytes(48), randomBytes(64)],
];

export function macaroon(caveats: Caveat[], location = 'https://api.fly.io/v1'): Buffer {
  const nonce: Value = [randomBytes(12), randomBytes(16), false];
  return pack([nonce, location, caveats.flat() as Value[], randomBytes(32)]);
}

const now = () => Math.floor(Date.now() / 1000);
const YEARS_20 = 20 * 365 * 24 * 3600;

/** A `FlyV1 fm2_...` value, as `fly tokens create` prints it. */
export function flyMacaroon(caveats: Caveat[], discharges: Caveat[][] = []): string {
  const parts = [macaroon(caveats), ...discharges.map((d) => macaroon(d, 'https://api.fly.io/aaa/v1'))];
  return `FlyV1 ${parts.map((p) => `fm2_${p.toString('base64')}`).join(',')}`;
}

/** An organization token (`fly tokens create org`): the whole organization, 20 years. */
export function orgToken(orgId: number, actions = 'rwcdC'): string {
  return flyMacaroon([org(orgId, actions), validity(now() - 60, now() + YEARS_20)]);
}

/** A deploy token (`fly tokens create deploy -a APP`): one app, 20 years. */
export function deployToken(orgId: number, appId: number): string {
  return flyMacaroon([org(orgId, 'rwcdC'), apps({ [appId]: 'rwcdC' }), validity(now() - 60, now() + YEARS_20)]);
}

export function expiredToken(orgId: number): string {
  return flyMacaroon([org(orgId, 'rwcdC'), validity(now() - 7200, now() - 3600)]);
}

const WORD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
/** A `fo1_` user token: 43 random characters. */
export function userToken(): string {
  return `fo1_${Array.from(randomBytes(43), (b) => WORD[b % 64]).join('')}`;
}
