import { isIPv4, isIPv6 } from 'node:net';

/**
 * What kind of place an IP address is, as far as the inspector cares: a found URL may name any
 * host, so a scanned file must not be able to aim the inspector at the cloud metadata service or
 * at addresses that mean "this machine, any interface" or "everyone on the link".
 */
export type AddressKind = 'loopback' | 'link-local' | 'metadata' | 'unspecified' | 'multicast' | 'broadcast' | 'other';

/** Why each refused kind is refused, in the words a report shows. */
export const REFUSED: Partial<Record<AddressKind, string>> = {
  'link-local': 'a link-local address (cloud metadata?)',
  metadata: 'a cloud metadata address',
  unspecified: 'an unspecified address (0.0.0.0 or ::)',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
};

/**
 * Metadata services outside 169.254.0.0/16: Alibaba Cloud's (100.100.100.200) and Azure's
 * WireServer (168.63.129.16), which hands out VM configuration and certificates.
 */
const METADATA_V4 = new Set(['100.100.100.200', '168.63.129.16']);

function ipv4Kind(octets: number[]): AddressKind {
  const [a, b] = octets as [number, number, number, number];
  if (a === 0) return 'unspecified'; // 0.0.0.0/8, "this network": Linux connects 0.0.0.0 to itself
  if (a === 127) return 'loopback';
  if (METADATA_V4.has(octets.join('.'))) return 'metadata';
  if (a === 169 && b === 254) return 'link-local';
  if (a >= 224 && a <= 239) return 'multicast';
  if (octets.every((o) => o === 255)) return 'broadcast';
  return 'other';
}

/** The eight 16-bit groups of an IPv6 address (a trailing dotted IPv4 part counts as two). */
function ipv6Groups(address: string): number[] {
  let text = address.replace(/%.*$/, '').toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const o = dotted[1].split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, -dotted[1].length)}${((o[0] << 8) | o[1]).toString(16)}:${((o[2] << 8) | o[3]).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (s: string) => (s ? s.split(':').map((g) => Number.parseInt(g, 16)) : []);
  const front = parse(head);
  const back = tail === undefined ? [] : parse(tail);
  return [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
}

function ipv6Kind(address: string): AddressKind {
  const g = ipv6Groups(address);
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const embedded = [g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff];
  const zeroTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroTo(8)) return 'unspecified';
  if (zeroTo(7) && g7 === 1) return 'loopback';
  // ::ffff:a.b.c.d (IPv4-mapped), ::a.b.c.d (IPv4-compatible) and 64:ff9b::a.b.c.d (NAT64) reach an IPv4 address.
  if (zeroTo(5) && (g5 === 0xffff || g5 === 0)) return ipv4Kind(embedded);
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return ipv4Kind(embedded);
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local';
  if ((g0 & 0xff00) === 0xff00) return 'multicast';
  // AWS's instance metadata service over IPv6 (a unique-local address, so not caught above).
  if (g0 === 0xfd00 && g1 === 0x0ec2 && g.slice(2, 7).every((x) => x === 0) && g7 === 0x254) return 'metadata';
  return 'other';
}

/** The kind of a numeric address as the resolver returns it; anything that is not an IP is 'other'. */
export function addressKind(address: string): AddressKind {
  if (isIPv4(address)) return ipv4Kind(address.split('.').map(Number));
  if (isIPv6(address)) return ipv6Kind(address);
  return 'other';
}
