import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RedisFacts } from '../../providers/redis/facts.js';
import type { Reply } from '../../providers/redis/resp.js';
import { inspectRedisUrl, redisFinding, riskIds } from './harness.js';
import { PASSWORDS, type RedisServer, startRedis } from './server.js';

// One real redis-server for the file, with the users of the issue and a keyspace to keep intact.
let server: RedisServer;
let where: string;
beforeAll(async () => {
  server = await startRedis();
  where = `127.0.0.1:${server.port}`;
  await server.admin(
    ['SET', 'order:1', 'paid'],
    ['HSET', 'user:7', 'name', 'Ada', 'plan', 'pro'],
    ['RPUSH', 'queue:mail', 'a', 'b', 'c'],
    ['SELECT', '1'],
    ['SET', 'session:x', 'live'],
  );
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

const facts = (f: { inspection: { scope: { facts?: Record<string, unknown> } | null } }) =>
  f.inspection.scope?.facts?.redis as RedisFacts;

/** Redis's own count of each command run since the last CONFIG RESETSTAT. */
async function commandsRun(): Promise<string[]> {
  const [info] = await server.admin(['INFO', 'commandstats']);
  return [...String(info).matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)]
    .filter(([, , n]) => n !== '0')
    .map(([, name]) => name!)
    .sort();
}

/** A digest of every database's keys and values, as Redis computes it. */
async function digest(): Promise<Reply[]> {
  return server.admin(['DEBUG', 'DIGEST'], ['DBSIZE'], ['SELECT', '1'], ['DBSIZE']);
}

describe('Redis inspection, user by user (real redis-server)', () => {
  it('a user that may run everything: asked with ACL DRYRUN, every dangerous command permitted', async () => {
    const f = await redisFinding(server.url('destroyer'));
    expect(f.inspection.verification).toBe('verified');
    expect(f.inspection.scope?.identity).toBe(`destroyer@${where}`);
    expect(facts(f).method).toBe('acl-dryrun');
    expect(facts(f).version).toMatch(/^\d+\.\d+/);
    expect([...facts(f).permitted].sort()).toEqual(
      ['aclSetuser', 'config', 'del', 'flushall', 'flushdb', 'keys', 'shutdown'].sort(),
    );
    expect(riskIds(f)).toEqual(['admin', 'destructive-data-access', 'privilege-escalation']);
    expect(f.severity).toBe('high');
    expect(f.remediation).toContain('ACL SETUSER destroyer-readonly');
  });

  it('the same user on a host the policy calls production: destructive-production-access, critical', async () => {
    const network = { lookup: async () => [{ address: '127.0.0.1', family: 4 }] };
    const f = await redisFinding(server.url('destroyer', 'cache-prod.internal'), { clients: { network } });
    expect(f.inspection.verification).toBe('verified');
    expect(riskIds(f)).toEqual(['admin', 'destructive-production-access', 'privilege-escalation']);
    expect(f.severity).toBe('critical');
    expect(f.inspection.scope?.capabilities).toContainEqual({
      action: 'delete',
      resource: `keys of cache-prod.internal:${server.port}`,
      environment: 'production',
      production: true,
    });
  });

  it('a user with +@all -@dangerous: no DRYRUN, asked through a discarded MULTI; it may DEL, not flush', async () => {
    const f = await redisFinding(server.url('writer'));
    expect(f.inspection.verification).toBe('verified');
    expect(facts(f).method).toBe('multi-discard');
    expect(facts(f).permitted).toEqual(['del']);
    expect([...facts(f).denied].sort()).toEqual(['aclSetuser', 'config', 'flushall', 'flushdb', 'keys'].sort());
    expect(facts(f).unsettled).toEqual(['shutdown']);
    expect(riskIds(f)).toEqual(['destructive-data-access']);
    expect(f.inspection.scope?.unknowns.map((u) => u.what)).toContain('whether it may run SHUTDOWN');
  });

  it('a read-only user: nothing dangerous but KEYS, no risk, no remediation beyond rotation', async () => {
    const f = await redisFinding(server.url('reader'));
    expect(f.inspection.verification).toBe('verified');
    expect(facts(f).user).toBe('reader');
    expect(facts(f).permitted).toEqual(['keys']);
    expect(riskIds(f)).toEqual([]);
  });

  it('a user with no privileges: verified, and what it may run is said to be unknown', async () => {
    const i = await inspectRedisUrl(server.url('nothing'));
    expect(i.verification).toBe('verified');
    expect((i.scope?.facts?.redis as RedisFacts | undefined)?.method).toBeNull();
    expect(i.scope?.unknowns.map((u) => u.what)).toContain('which dangerous commands this user may run');
    expect(i.scope?.capabilities).toEqual([]);
  });

  it('a wrong password is invalid, and the reason holds no password', async () => {
    const url = server.url('destroyer').replace(encodeURIComponent(PASSWORDS.destroyer), 'wrong-Zq8pL3vT6n');
    const i = await inspectRedisUrl(url);
    expect(i.verification).toBe('invalid');
    expect(i.reason).toContain('rejected the password of user "destroyer"');
    expect(i.reason).not.toContain('wrong-Zq8pL3vT6n');
  });

  it('runs nothing: the keyspace is byte-identical and Redis counted no dangerous command', async () => {
    const before = await digest();
    expect(before[1]).toBe(3);
    await server.admin(['CONFIG', 'RESETSTAT']);
    for (const user of ['destroyer', 'writer', 'reader', 'nothing'] as const) {
      expect((await inspectRedisUrl(server.url(user))).verification).toBe('verified');
    }
    expect(await digest()).toEqual(before);
    const run = await commandsRun();
    // What the inspectors sent that Redis counts as run; the set-up user's own commands come after RESETSTAT.
    for (const dangerous of ['flushall', 'flushdb', 'del', 'keys', 'config|set', 'shutdown', 'acl|setuser', 'exec']) {
      expect(run).not.toContain(dangerous);
    }
    expect(run).toEqual(expect.arrayContaining(['auth', 'acl|dryrun', 'multi', 'discard']));
  });
});
