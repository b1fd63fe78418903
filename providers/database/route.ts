import { type LookupAddress, promises as dns } from 'node:dns';
import { addressKind, REFUSED } from './address.js';

/**
 * How a database inspector (any engine) reaches a found host. Production resolves with dns.lookup and dials the checked
 * address itself; tests hand in a resolver for made-up names, and may route a documentation
 * address (192.0.2.x) to a loopback double, since no test may reach past 127.0.0.1.
 */
export interface FoundHostNetwork {
  lookup(host: string): Promise<LookupAddress[]>;
  dial?(address: string, port: number): { host: string; port: number };
}

export const SYSTEM_NETWORK: FoundHostNetwork = {
  // The system resolver reads numeric forms too: `0x7f000001` and `2130706433` come back as 127.0.0.1.
  lookup: (host) => dns.lookup(host, { all: true, verbatim: true }),
};

/** Where one inspection connects: the checked address, never the name again (no DNS rebinding after the check). */
export interface Route {
  /** The address pg dials. */
  address: string;
  port: number;
  /** The host name of the URL, for TLS (SNI, certificate check) and reports. */
  servername: string;
  /** Every address the name resolved to is loopback: the only place plaintext is acceptable by default. */
  loopback: boolean;
}

/** The URL's host resolves to an address the inspector will not connect to. */
export class RefusedAddress extends Error {
  constructor(readonly why: string) {
    super(`refused to connect to ${why}`);
    this.name = 'RefusedAddress';
  }
}

/**
 * Resolves the host once and checks every address it names: if any is link-local, metadata,
 * unspecified, multicast or broadcast, nothing is dialled (a name that also resolves to a
 * forbidden address is not trusted to pick the harmless one). Private networks stay allowed:
 * auditing an internal database is the point.
 */
export async function routeTo(host: string, port: number, network: FoundHostNetwork): Promise<Route> {
  const addresses = await network.lookup(host);
  const first = addresses[0];
  if (!first) throw Object.assign(new Error('no address'), { code: 'ENOTFOUND' });
  for (const { address } of addresses) {
    const why = REFUSED[addressKind(address)];
    if (why) throw new RefusedAddress(why);
  }
  const dialled = network.dial?.(first.address, port) ?? { host: first.address, port };
  return {
    address: dialled.host,
    port: dialled.port,
    servername: host,
    loopback: addresses.every(({ address }) => addressKind(address) === 'loopback'),
  };
}
