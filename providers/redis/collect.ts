import { DRYRUN_ONLY, FIXED, PROBES, type Probe } from './commands.js';
import type { RedisConnection } from './connect.js';
import type { ProbeMethod } from './facts.js';
import { type Reply, RedisError } from './resp.js';

/** The server rejected the URL's password (or user). */
export class AuthRejected extends Error {
  constructor(readonly detail: string) {
    super('authentication rejected');
    this.name = 'AuthRejected';
  }
}

/** The server answered something no Redis answers at that point. */
export class UnexpectedReply extends Error {
  constructor(what: string) {
    super(`unexpected reply to ${what}`);
    this.name = 'UnexpectedReply';
  }
}

export interface Learned {
  user: string;
  version: string | null;
  role: string | null;
  mode: string | null;
  method: ProbeMethod | null;
  permitted: Probe[];
  denied: Probe[];
  unsettled: Probe[];
  notes: string[];
}

const PROBE_NAMES = Object.keys(PROBES) as Probe[];
const isError = (r: Reply): r is RedisError => r instanceof RedisError;
/** A command the server does not know (renamed away in redis.conf) cannot be run: as good as denied. */
const unknownCommand = (r: RedisError) => /^ERR (unknown command|Command '.*' not found)/i.test(r.message);

/** HELLO 2's reply is a flat list of names and values. */
function helloField(reply: Reply, name: string): string | null {
  if (!Array.isArray(reply)) return null;
  for (let i = 0; i + 1 < reply.length; i += 2) {
    const v = reply[i + 1];
    if (reply[i] === name && (typeof v === 'string' || typeof v === 'number')) return String(v).slice(0, 64);
  }
  return null;
}

interface Verdicts {
  permitted: Probe[];
  denied: Probe[];
  unsettled: Probe[];
}

/**
 * ACL DRYRUN (Redis 7+) answers +OK when the user may run a command and a bulk string saying why
 * not otherwise, without running it. Undefined when this server or user cannot use DRYRUN at all.
 */
async function viaDryrun(conn: RedisConnection, user: string): Promise<Verdicts | undefined> {
  const out: Verdicts = { permitted: [], denied: [], unsettled: [] };
  for (const name of PROBE_NAMES) {
    const reply = await conn.send(['ACL', 'DRYRUN', user, ...PROBES[name]]);
    if (reply === 'OK') out.permitted.push(name);
    else if (typeof reply === 'string') out.denied.push(name);
    else if (isError(reply) && unknownCommand(reply)) out.denied.push(name);
    else if (isError(reply) && name === PROBE_NAMES[0]) return undefined;
    else out.unsettled.push(name);
  }
  return out;
}

/**
 * Older servers and users without DRYRUN: inside MULTI, Redis checks each command's permission when
 * it is queued (+QUEUED, or -NOPERM) and runs nothing until EXEC, which is never sent; DISCARD
 * drops the queue. A probe is sent only after MULTI answered +OK, one at a time, and any reply
 * but QUEUED or an error ends the connection at once.
 */
async function viaMulti(conn: RedisConnection): Promise<Verdicts | undefined> {
  const started = await conn.send(FIXED.multi);
  if (started !== 'OK') {
    if (isError(started)) return undefined;
    throw new UnexpectedReply('MULTI');
  }
  conn.inMulti = true;
  const out: Verdicts = { permitted: [], denied: [], unsettled: [] };
  for (const name of PROBE_NAMES) {
    if (DRYRUN_ONLY.includes(name)) {
      out.unsettled.push(name);
      continue;
    }
    const reply = await conn.send(PROBES[name]);
    if (reply === 'QUEUED') out.permitted.push(name);
    else if (isError(reply) && (reply.code === 'NOPERM' || unknownCommand(reply))) out.denied.push(name);
    else if (isError(reply)) out.unsettled.push(name);
    else throw new UnexpectedReply('a command queued in MULTI');
  }
  conn.inMulti = false;
  const discarded = await conn.send(FIXED.discard);
  if (discarded !== 'OK') throw new UnexpectedReply('DISCARD');
  return out;
}

/** Authenticates with the URL's credentials, then learns who it is and what it may run. */
export async function collect(conn: RedisConnection, user: string | undefined, password: string): Promise<Learned> {
  const notes: string[] = [];
  let auth = await conn.send(user === undefined ? ['AUTH', password] : ['AUTH', user, password]);
  // Redis before 6 knows no users and takes AUTH <password> only: the URL's user name is then ignored, as its clients do.
  if (user !== undefined && isError(auth) && /wrong number of arguments/i.test(auth.message)) {
    auth = await conn.send(['AUTH', password]);
    notes.push(
      'a server without ACL users (Redis before 6): the URL’s user name is ignored, the password alone authenticates',
    );
  }
  if (isError(auth)) {
    if (/without any password configured|no password is set/i.test(auth.message)) {
      notes.push(
        'the server asks for no password: the URL’s password does not guard it, anyone who reaches it is the default user',
      );
    } else throw new AuthRejected(auth.code);
  } else if (auth !== 'OK') throw new UnexpectedReply('AUTH');

  const hello = await conn.send(FIXED.hello);
  const version = isError(hello) ? null : helloField(hello, 'version');
  const whoami = await conn.send(FIXED.whoami);
  const name = typeof whoami === 'string' ? whoami.slice(0, 128) : undefined;
  if (name === undefined && !isError(whoami)) throw new UnexpectedReply('ACL WHOAMI');
  if (name !== undefined) conn.learnedUser(name);

  let method: ProbeMethod | null = null;
  let verdicts = name !== undefined ? await viaDryrun(conn, name) : undefined;
  if (verdicts) method = 'acl-dryrun';
  else {
    verdicts = await viaMulti(conn);
    if (verdicts) method = 'multi-discard';
  }
  return {
    user: name ?? user ?? 'default',
    version,
    role: isError(hello) ? null : helloField(hello, 'role'),
    mode: isError(hello) ? null : helloField(hello, 'mode'),
    method,
    permitted: verdicts?.permitted ?? [],
    denied: verdicts?.denied ?? [],
    unsettled: verdicts?.unsettled ?? PROBE_NAMES,
    notes,
  };
}
