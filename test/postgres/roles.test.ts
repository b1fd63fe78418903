import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { QUERIES } from '../../providers/postgres/queries.js';
import { type Cluster, startCluster } from './cluster.js';
import { caps, findingFor, inspectUrl, risk, riskIds } from './harness.js';
import { statementsOf } from './serverlog.js';
import { createWorld, ROLES, type RoleName, url } from './world.js';

// One real cluster for the file: the roles of the issue, on database shop_production.
let cluster: Cluster;
let server: string;
beforeAll(async () => {
  cluster = await startCluster();
  await createWorld(cluster);
  server = `127.0.0.1:${cluster.port}`;
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
});

const P = ' (production)';

describe('PostgreSQL inspection, role by role (real server, database shop_production)', () => {
  it('superuser: admin over the server, critical', async () => {
    const f = await findingFor(url(cluster, 'super'));
    expect(f.inspection.verification).toBe('verified');
    expect(f.inspection.scope?.identity).toBe(`app_super@${server}/shop_production`);
    expect(f.inspection.scope?.tokenType).toBe('PostgreSQL superuser');
    expect(f.inspection.scope?.permissions).toContain('SUPERUSER');
    expect(caps(f.inspection)).toContain(`admin server ${server}${P}`);
    expect(riskIds(f)).toEqual(['db-can-destroy', 'db-not-read-only', 'db-superuser']);
    expect(risk(f, 'db-superuser')?.severity).toBe('critical');
    expect(risk(f, 'db-superuser')?.message).toContain('role "app_super" is a superuser');
    expect(f.severity).toBe('critical');
  });

  it("owner of the app's tables: can drop them and the database, critical on production", async () => {
    const f = await findingFor(url(cluster, 'owner'));
    expect(f.inspection.verification).toBe('verified');
    expect(caps(f.inspection)).toEqual(
      [
        'delete database scratch',
        `delete database shop_production${P}`,
        `delete schema shop_production.billing${P}`,
        `write schema shop_production.billing${P}`,
        `read schema shop_production.billing${P}`,
        `delete schema shop_production.public${P}`,
        `write schema shop_production.public${P}`,
        `read schema shop_production.public${P}`,
      ].sort(),
    );
    expect(f.inspection.scope?.permissions).toEqual(
      expect.arrayContaining([
        'owner of database shop_production',
        'owner of schema shop_production.billing',
        'owner of 2 of 2 tables in shop_production.public',
        'TRUNCATE on 1 of 1 table in shop_production.billing',
      ]),
    );
    expect(riskIds(f)).toEqual(['db-can-destroy', 'db-not-read-only']);
    const destroy = risk(f, 'db-can-destroy')!;
    expect(destroy.severity).toBe('critical');
    expect(destroy.message).toContain(
      'drop or empty 3 tables in shop_production (billing: invoices; public: customers, orders)',
    );
    expect(destroy.message).toContain('drop database scratch, shop_production');
    expect(destroy.message).toContain('owns tables');
    // Narrow, in a file outside git: at most medium, below the broad db-can-destroy.
    expect(risk(f, 'db-not-read-only')?.severity).toBe('medium');
    expect(f.remediation).toContain('GRANT SELECT ON ALL TABLES IN SCHEMA billing, public TO app_owner_readonly;');
    expect(f.remediation).toContain('read replica');
  });

  it('the same owner on a database with no production name: high, not critical', async () => {
    const f = await findingFor(url(cluster, 'owner', 'scratch'));
    expect(f.inspection.scope?.identity).toBe(`app_owner@${server}/scratch`);
    expect(caps(f.inspection)).toEqual(
      expect.arrayContaining([
        'delete database scratch',
        'delete schema scratch.public',
        `delete database shop_production${P}`,
      ]),
    );
    expect(risk(f, 'db-can-destroy')?.severity).toBe('high');
    expect(risk(f, 'db-can-destroy')?.message).toContain('drop or empty 1 table in scratch (public: notes)');
    expect(risk(f, 'db-not-read-only')?.severity).toBe('medium');
  });

  it('app role with SELECT, INSERT, UPDATE, DELETE through nested roles: can destroy, not read-only', async () => {
    const f = await findingFor(url(cluster, 'rw'));
    const scope = f.inspection.scope!;
    expect(scope.permissions).toEqual(
      expect.arrayContaining([
        'member of app_writer',
        'member of app_reader (indirect)',
        'DELETE on 2 of 2 tables in shop_production.public',
        'INSERT on 1 of 1 table in shop_production.billing',
      ]),
    );
    expect(scope.permissions.some((p) => p.startsWith('TRUNCATE') || p.startsWith('owner'))).toBe(false);
    expect(caps(f.inspection)).toEqual(
      [
        `delete schema shop_production.billing${P}`,
        `write schema shop_production.billing${P}`,
        `read schema shop_production.billing${P}`,
        `delete schema shop_production.public${P}`,
        `write schema shop_production.public${P}`,
        `read schema shop_production.public${P}`,
      ].sort(),
    );
    expect(riskIds(f)).toEqual(['db-can-destroy', 'db-not-read-only']);
    expect(risk(f, 'db-can-destroy')?.severity).toBe('critical');
    expect(risk(f, 'db-can-destroy')?.message).toContain('it holds DELETE');
    expect(risk(f, 'db-not-read-only')?.message).toContain(
      'INSERT on 3 tables, UPDATE on 3 tables, DELETE on 3 tables',
    );
    expect(f.remediation).toContain('CREATE ROLE app_rw_readonly LOGIN');
  });

  it('read-only role: reads, no risk, its expiry reported', async () => {
    const f = await findingFor(url(cluster, 'ro'));
    expect(f.inspection.verification).toBe('verified');
    expect(caps(f.inspection)).toEqual([
      `read schema shop_production.billing${P}`,
      `read schema shop_production.public${P}`,
    ]);
    expect(f.risks).toEqual([]);
    expect(f.inspection.scope?.expiresAt).toBe('2031-01-01T00:00:00Z');
    expect(f.inspection.scope?.reach).toEqual({
      servers: [server],
      databases: ['postgres', 'scratch', 'shop_production'],
      schemas: ['shop_production.billing', 'shop_production.public'],
    });
    expect(f.inspection.scope?.unknowns.map((u) => u.what)).toEqual([
      'tables in the other databases it can connect to (postgres, scratch)',
    ]);
    expect(f.remediation).not.toContain('GRANT');
  });

  it('BYPASSRLS role: row-level security does not bind it', async () => {
    const f = await findingFor(url(cluster, 'rls'));
    expect(f.inspection.scope?.permissions).toContain('BYPASSRLS');
    expect(riskIds(f)).toEqual(['db-bypasses-rls']);
    // Narrow (it neither destroys nor administers), in a file outside git: at most medium.
    expect(risk(f, 'db-bypasses-rls')?.severity).toBe('medium');
  });

  it('CREATEROLE role: can create roles', async () => {
    const f = await findingFor(url(cluster, 'roleAdmin'));
    expect(caps(f.inspection)).toEqual([`admin roles of ${server}${P}`]);
    expect(riskIds(f)).toEqual(['db-can-create-roles']);
    expect(risk(f, 'db-can-create-roles')?.severity).toBe('high');
  });

  it('a member of a superuser role is a superuser in waiting (SET ROLE)', async () => {
    const f = await findingFor(url(cluster, 'viaDba'));
    expect(f.inspection.scope?.permissions).toContain('member of dba');
    expect(riskIds(f)).toEqual(['db-superuser']);
    expect(risk(f, 'db-superuser')?.message).toContain('can SET ROLE to superuser "dba"');
    expect(caps(f.inspection)).toEqual([`admin server ${server}${P}`]);
  });

  it('a wrong password is invalid', async () => {
    const f = await findingFor(cluster.url('app_rw', 'not-the-password-Zx81'));
    expect(f.inspection.verification).toBe('invalid');
    expect(f.inspection.reason).toBe(`${server} rejected the password of role "app_rw"`);
    expect(riskIds(f)).toEqual(['invalid-credential']);
  });

  it('never puts a password in what it returns', async () => {
    for (const role of Object.keys(ROLES) as RoleName[]) {
      const f = await findingFor(url(cluster, role));
      const text = JSON.stringify({ ...f, remediation: f.remediation });
      expect(text).not.toContain(ROLES[role].password);
    }
  });

  it('ran nothing but the fixed reads, in a read-only transaction, according to the server log', async () => {
    const roles: RoleName[] = ['super', 'owner', 'rw', 'ro', 'rls', 'roleAdmin', 'viaDba'];
    for (const role of roles) expect((await inspectUrl(url(cluster, role))).verification).toBe('verified');
    const ran = statementsOf(cluster.log(), 'tokenscope');
    const allowed = new Set<string>(Object.values(QUERIES));
    expect(ran.length).toBeGreaterThanOrEqual(roles.length * Object.keys(QUERIES).length);
    expect(ran.filter((s) => !allowed.has(s.sql))).toEqual([]);
    // Each session opened read-only before anything else and rolled back at the end.
    for (const role of roles) {
      const mine = ran.filter((s) => s.user === ROLES[role].user).map((s) => s.sql);
      expect(mine[0]).toBe('BEGIN TRANSACTION READ ONLY');
      expect(mine[mine.length - 1]).toBe('ROLLBACK');
    }
    // And the server saw no error from those sessions (a refused write would show as one).
    expect(cluster.log()).not.toMatch(/app=tokenscope .*(ERROR|FATAL)/);
  });
});
