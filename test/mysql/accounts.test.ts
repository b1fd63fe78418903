import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MYSQL_QUERIES } from '../../providers/mysql/queries.js';
import { inspectMysqlUrl, mysqlFinding } from './harness.js';
import { MYSQL_PASSWORDS, type MariaServer, startMariadb } from './server.js';

let server: MariaServer;
let where: string;
beforeAll(async () => {
  server = await startMariadb();
  where = `127.0.0.1:${server.port}`;
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const ids = (f: { risks: Array<{ id: string }> }) => f.risks.map((r) => r.id).sort();
const caps = (f: {
  inspection: { scope: { capabilities: Array<{ action: string; resource: string; production?: boolean }> } | null };
}) =>
  (f.inspection.scope?.capabilities ?? [])
    .map((c) => `${c.action} ${c.resource}${c.production ? ' (production)' : ''}`)
    .sort();

describe('MySQL/MariaDB inspection, account by account (real mariadbd, database shop_production)', () => {
  it('ALL ON *.* WITH GRANT OPTION: admin, escalation, destroys production; critical', async () => {
    const f = await mysqlFinding(server.url('destroyer'));
    expect(f.inspection.verification).toBe('verified');
    expect(f.inspection.scope?.identity).toBe(`destroyer@%@${where}`);
    expect(f.inspection.scope?.tokenType).toBe('MariaDB account');
    expect(f.inspection.scope?.permissions).toEqual(['ALL PRIVILEGES ON *.* WITH GRANT OPTION']);
    expect(ids(f)).toEqual(['admin', 'destructive-production-access', 'privilege-escalation']);
    expect(f.severity).toBe('critical');
    expect(JSON.stringify(f)).not.toMatch(/\*[0-9A-F]{40}/); // MariaDB's password hash, printed by SHOW GRANTS
  });

  it('ALL on the production database only: destructive-production-access, no admin', async () => {
    const f = await mysqlFinding(server.url('owner'));
    expect(ids(f)).toEqual(['destructive-production-access']);
    expect(caps(f)).toEqual([
      'delete database shop_production (production)',
      'read database shop_production (production)',
      'write database shop_production (production)',
    ]);
    expect(f.remediation).toContain("GRANT SELECT ON `shop_production`.* TO 'owner_readonly'@'%';");
  });

  it('SELECT on the production database: read only, no risk', async () => {
    const f = await mysqlFinding(server.url('reader'));
    expect(f.inspection.verification).toBe('verified');
    expect(caps(f)).toEqual(['read database shop_production (production)']);
    expect(ids(f)).toEqual([]);
  });

  it('no privileges (USAGE only): verified, nothing it can do', async () => {
    const i = await inspectMysqlUrl(server.url('nothing', '127.0.0.1', ''));
    expect(i.verification).toBe('verified');
    expect(i.scope?.capabilities).toEqual([]);
    expect(i.scope?.permissions).toEqual(['USAGE ON *.*']);
  });

  it('a wrong password is invalid; the reason holds no password', async () => {
    const url = server.url('reader').replace(encodeURIComponent(MYSQL_PASSWORDS.reader), 'wrong-Hy5tB8nK2m');
    const i = await inspectMysqlUrl(url);
    expect(i).toEqual({
      verification: 'invalid',
      reason: `${where} rejected the password of user "reader"`,
      scope: null,
    });
  });

  it('sends only the allowlisted statements, and changes nothing', async () => {
    const before = await server.admin('CHECKSUM TABLE shop_production.orders');
    const logStart = server.log().length;
    await inspectMysqlUrl(server.url('destroyer'));
    const lines = server.log().slice(logStart).split('\n');
    // General log lines: "<time> <thread id> Query <statement>"; statements may span lines, none of ours does.
    const sent = lines.map((l) => /\sQuery\t(.*)$/.exec(l)?.[1]).filter((s): s is string => s !== undefined);
    // Exactly the list, in its order: nothing else reached the server.
    expect(sent).toEqual(Object.values(MYSQL_QUERIES));
    // The login shows in the log this way (what the no-TLS test below looks for, and must not find).
    expect(server.log().slice(logStart)).toMatch(/Connect\s+destroyer@/);
    expect(await server.admin('CHECKSUM TABLE shop_production.orders')).toEqual(before);
    expect(await server.admin('SHOW DATABASES')).toEqual(
      expect.arrayContaining([{ Database: 'shop_production' }, { Database: 'scratch' }]),
    );
  });

  it('a host that is not loopback without TLS: error, and the server saw no login attempt', async () => {
    // db.corp.test resolves to a private address, routed here to the real (TLS-less) server.
    const network = {
      lookup: async () => [{ address: '10.1.2.3', family: 4 }],
      dial: () => ({ host: '127.0.0.1', port: server.port }),
    };
    const logStart = server.log().length;
    const i = await inspectMysqlUrl(server.url('reader', 'db.corp.test'), { clients: { network } });
    expect(i.verification).toBe('error');
    expect(i.reason).toBe(
      `db.corp.test is not a loopback host, so tokenscope requires TLS, but db.corp.test:${server.port} does not offer it; the password was not sent`,
    );
    expect(server.log().slice(logStart)).not.toMatch(/Connect\s+reader@/);
  });
});
