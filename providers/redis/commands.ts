/**
 * Every command the Redis inspector may send, and nothing else. Nothing here reads a value or
 * changes a key: authentication, the server's self-description, the caller's ACL user name, and
 * permission checks that never run the command checked (ACL DRYRUN; or queueing inside a MULTI
 * that is always DISCARDed, never EXECuted). `allowed()` is asked before every write to the socket.
 */

/** The dangerous commands whose permission is asked, each in a fixed form with valid arity. */
export const PROBES = {
  flushall: ['FLUSHALL'],
  flushdb: ['FLUSHDB'],
  del: ['DEL', 'tokenscope:probe'],
  keys: ['KEYS', '*'],
  config: ['CONFIG', 'SET', 'maxmemory-policy', 'noeviction'],
  shutdown: ['SHUTDOWN', 'NOSAVE'],
  aclSetuser: ['ACL', 'SETUSER', 'tokenscope-probe'],
} as const satisfies Record<string, readonly string[]>;

export type Probe = keyof typeof PROBES;

/**
 * Asked only through ACL DRYRUN, never queued in a MULTI: Redis 6 would queue SHUTDOWN, and a
 * proxy that fakes MULTI would run it.
 */
export const DRYRUN_ONLY: readonly Probe[] = ['shutdown'];

/** The fixed commands; AUTH and ACL DRYRUN are shaped by `allowed()` below. */
export const FIXED = {
  hello: ['HELLO', '2'],
  whoami: ['ACL', 'WHOAMI'],
  multi: ['MULTI'],
  discard: ['DISCARD'],
} as const;

/** What varies per connection: the URL's credentials, and the user name the server said we are. */
export interface Allowed {
  user: string | undefined;
  password: string;
  whoami: string | undefined;
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Whether a command is one of the inspector's own: a fixed command; AUTH with exactly the URL's
 * credentials (or its password alone); ACL DRYRUN for the user the server named, of one probe; or a probe itself, which
 * the connection sends only while inside MULTI (see inspect.ts).
 */
export function allowed(command: readonly string[], a: Allowed, inMulti: boolean): boolean {
  if (Object.values(FIXED).some((f) => same(f, command))) return true;
  // AUTH <password> alone also when the URL names a user: Redis before 6 has no users (see collect.ts).
  if (same(command, ['AUTH', a.password])) return true;
  if (a.user !== undefined && same(command, ['AUTH', a.user, a.password])) return true;
  const probes = Object.entries(PROBES) as Array<[Probe, readonly string[]]>;
  if (command[0] === 'ACL' && command[1] === 'DRYRUN' && a.whoami !== undefined && command[2] === a.whoami) {
    return probes.some(([, p]) => same(command.slice(3), p));
  }
  return inMulti && probes.some(([name, p]) => !DRYRUN_ONLY.includes(name) && same(command, p));
}
