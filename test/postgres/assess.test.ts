import { describe, expect, it } from '@jest/globals';
import type { PostgresFacts } from '../../providers/postgres/facts.js';
import { postgres } from '../../providers/postgres/index.js';
import { scopeFrom } from '../../providers/postgres/scope.js';
import { parseTarget, productionWord } from '../../providers/postgres/target.js';
import { assess } from '../../src/assess/assess.js';
import { DEFAULT_POLICY } from '../../src/assess/policy.js';
import { credentialFor } from './harness.js';

// Facts written by hand, for what the test cluster cannot be: a read replica, a production host.
function appRole(over: Partial<PostgresFacts> = {}): PostgresFacts {
  return {
    place: 'db.prod.acme.io:5432/shop',
    role: 'app',
    database: 'shop',
    attributes: { superuser: false, createrole: false, createdb: false, replication: false, bypassrls: false },
    validUntil: null,
    memberships: [],
    databases: [{ name: 'shop', connect: true, create: false, owner: false }],
    schemas: [{ name: 'public', usage: true, create: false, owner: false }],
    tables: [
      {
        schema: 'public',
        tables: 4,
        owned: 0,
        select: 4,
        insert: 4,
        update: 4,
        delete: 4,
        truncate: 0,
        destroyable: ['a', 'b', 'c'],
      },
    ],
    replica: false,
    serverVersion: '16.2',
    productionName: 'db.prod.acme.io',
    productionDatabases: ['shop'],
    ssl: true,
    ...over,
  };
}

const URL = 'postgres://app:Kq82LmZx0pWc@db.prod.acme.io:5432/shop';

function findingOf(facts: PostgresFacts) {
  const inspection = { verification: 'verified' as const, reason: 'ok', scope: scopeFrom(facts) };
  return assess(credentialFor(URL), inspection, postgres, DEFAULT_POLICY);
}

describe('PostgreSQL risks from facts', () => {
  it('a write role on a production host: destroy critical; not read-only, narrow, at most medium outside git', () => {
    const f = findingOf(appRole());
    expect(f.risks.map((r) => `${r.id}:${r.severity}`)).toEqual(['db-can-destroy:critical', 'db-not-read-only:medium']);
    expect(f.risks[0]!.message).toBe(
      'can drop or empty 4 tables in shop (public: a, b, c); it holds DELETE (production: "db.prod.acme.io")',
    );
  });

  it('the same role through a read replica: lower, and the message says the primary still takes its writes', () => {
    const f = findingOf(appRole({ replica: true }));
    expect(f.inspection.scope?.tokenType).toBe('PostgreSQL role on a read replica');
    expect(f.risks.map((r) => `${r.id}:${r.severity}`)).toEqual(['db-can-destroy:high', 'db-not-read-only:low']);
    expect(f.risks[0]!.message).toContain('this server is a read replica and refuses writes, but the same role can');
  });

  it('the policy may re-rate a risk', () => {
    const inspection = { verification: 'verified' as const, reason: 'ok', scope: scopeFrom(appRole()) };
    const policy = { ...DEFAULT_POLICY, severities: { 'db-can-destroy': 'medium' as const } };
    const f = assess(credentialFor(URL), inspection, postgres, policy);
    expect(f.risks.find((r) => r.id === 'db-can-destroy')?.severity).toBe('medium');
  });

  it('raises nothing for an inspection that is not verified', () => {
    const f = assess(
      credentialFor(URL),
      { verification: 'invalid', reason: 'no', scope: null },
      postgres,
      DEFAULT_POLICY,
    );
    expect(f.risks.map((r) => r.id)).toEqual(['invalid-credential']);
  });
});

describe('reading a found URL', () => {
  it('takes host, port, user, password, database and sslmode only', () => {
    expect(
      parseTarget(
        'postgresql://app%40corp:p%40ss%2Fword@db.internal:6543/my%20db?sslmode=verify-full&host=evil.example',
      ),
    ).toEqual({
      host: 'db.internal',
      port: 6543,
      user: 'app@corp',
      password: 'p@ss/word',
      database: 'my db',
      sslmode: 'verify-full',
      sslmodeDefaulted: false,
    });
  });

  it('defaults as libpq does: port 5432, the database named after the user, sslmode prefer', () => {
    expect(parseTarget('postgres://app:Kq82LmZx0pWc@10.0.0.5')).toMatchObject({
      host: '10.0.0.5',
      port: 5432,
      database: 'app',
      sslmode: 'prefer',
      sslmodeDefaulted: true,
    });
  });

  it('refuses an unknown sslmode without echoing the URL', () => {
    expect(() => parseTarget('postgres://app:Kq82LmZx0pWc@db/x?sslmode=maybe')).toThrow('unknown sslmode "maybe"');
  });

  it('production from the host name or the database name, by the policy', () => {
    expect(productionWord(parseTarget('postgres://a:Kq82LmZx0pWc@db.prod.acme.io/app'), DEFAULT_POLICY)).toBe(
      'db.prod.acme.io',
    );
    expect(productionWord(parseTarget('postgres://a:Kq82LmZx0pWc@db.acme.io/app_live'), DEFAULT_POLICY)).toBe(
      'app_live',
    );
    expect(
      productionWord(parseTarget('postgres://a:Kq82LmZx0pWc@db.staging.acme.io/app'), DEFAULT_POLICY),
    ).toBeUndefined();
  });
});
