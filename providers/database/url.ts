import type { FoundHostPlace } from '../../src/core/provider.js';
import type { Credential } from '../../src/core/types.js';
import { partWithControl } from './control.js';

/**
 * Pieces every engine's found-URL reader shares: what counts as a TCP host name, percent-decoding
 * that never echoes the URL, and the two errors (unreadable; readable but built to do harm).
 */

export class TargetError extends Error {}

/** The URL is readable but built to do harm (control characters in a name): never connected to. */
export class UnsafeTarget extends TargetError {}

export const HOSTNAME = /^(?:[a-z0-9](?:[a-z0-9_-]{0,62})?)(?:\.[a-z0-9_](?:[a-z0-9_-]{0,62})?)*\.?$/i;
export const IPV6 = /^\[[0-9a-f:.]+\]$/i;

export function decode(part: string, what: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new TargetError(`the URL's ${what} is not valid percent-encoding`);
  }
}

/** Percent-decoded where it can be, as URLSearchParams decodes a query; for parts only checked, never used. */
export function leniently(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  }
}

/** Node's URL parser, whose TypeError carries the input: never let it out. */
export function readUrl(raw: string): URL {
  try {
    return new URL(raw);
  } catch {
    throw new TargetError('not a URL tokenscope can read (several hosts, or a malformed address)');
  }
}

/** `host:port` as reports write it (IPv6 in brackets). */
export function hostPort(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/**
 * Refuses a URL any of whose parts (the named ones, every query key and value, the fragment) holds
 * a control character once decoded; see partWithControl in control.ts.
 */
export function refuseControl(raw: string, url: URL, named: Array<[what: string, decoded: string]>): void {
  const control = partWithControl([
    ['URL', raw],
    ...named,
    ...[...url.searchParams].flatMap(
      ([k, v]): Array<[string, string]> => [
        ['query string', k],
        ['query string', v],
      ],
    ),
    ['fragment', leniently(url.hash)],
  ]);
  if (control) {
    throw new UnsafeTarget(
      `not connected: the URL's ${control} holds a control character (such as CR or LF), which could carry lines of another protocol to its host`,
    );
  }
}

/** Reads a found URL of one engine's schemes, with a TCP host; every error is free of the URL's text. */
export function readHostUrl(raw: string, schemes: string[], engine: string): { url: URL; host: string } {
  const url = readUrl(raw);
  if (!schemes.includes(url.protocol)) {
    throw new TargetError(`not a ${engine} URL (scheme ${url.protocol.replace(/[^a-z+.-]/gi, '')})`);
  }
  const host = url.hostname;
  if (!host || (!HOSTNAME.test(host) && !IPV6.test(host))) {
    throw new TargetError('the URL names no TCP host tokenscope will connect to (Unix sockets are not inspected)');
  }
  return { url, host: IPV6.test(host) ? host.slice(1, -1) : host };
}

/**
 * A provider's `foundHost.locate`: the port its parser reads, or why nothing connects (an unsafe
 * URL is `skipped`, an unreadable one `unverified`). Read before any connection.
 */
export function locateWith(parse: (raw: string) => { port: number }): (credential: Credential) => FoundHostPlace {
  return (credential) => {
    try {
      return { port: parse(credential.secret.reveal()).port };
    } catch (e) {
      const reason = e instanceof TargetError ? e.message : 'not a URL tokenscope can read';
      return { verification: e instanceof UnsafeTarget ? 'skipped' : 'unverified', reason };
    }
  };
}
