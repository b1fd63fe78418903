import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { postgresFacts } from '../../providers/postgres/facts.js';
import type { FoundHostNetwork } from '../../providers/database/route.js';
import { type Cluster, startCluster } from './cluster.js';
import { inspectUrl } from './harness.js';
import { createWorld, ROLES, TLS_ONLY_HBA, url } from './world.js';

// A cluster serving TLS with a self-signed certificate (made by openssl), where pg_hba.conf
// refuses app_tls on any unencrypted connection.
let cluster: Cluster;
let where: string;
beforeAll(async () => {
  cluster = await startCluster({ ssl: true, hba: TLS_ONLY_HBA });
  await createWorld(cluster);
  where = `127.0.0.1:${cluster.port}`;
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
});

describe('PostgreSQL inspection and SSL', () => {
  it('an SSL-only role with no sslmode in the URL: TLS first (libpq prefer), verified over TLS', async () => {
    const i = await inspectUrl(url(cluster, 'tlsOnly'));
    expect(i.verification).toBe('verified');
    expect(i.reason).toBe(`connected as role "app_tls" to ${where}/shop_production over TLS, read-only`);
    expect(postgresFacts(i.scope?.facts)?.ssl).toBe(true);
  });

  it('SSL required but the URL says sslmode=disable: error, saying SSL is required', async () => {
    const i = await inspectUrl(url(cluster, 'tlsOnly', 'shop_production', '?sslmode=disable'));
    expect(i).toEqual({
      verification: 'error',
      reason: `SSL required: ${where} accepts role "app_tls" only over an encrypted connection, and the URL says sslmode=disable`,
      scope: null,
    });
  });

  it('sslmode=allow: plain first, refused, then TLS, as libpq does', async () => {
    const i = await inspectUrl(url(cluster, 'tlsOnly', 'shop_production', '?sslmode=allow'));
    expect(i.verification).toBe('verified');
    expect(i.reason).toContain('over TLS');
  });

  it('sslmode=require encrypts without checking the certificate (libpq semantics)', async () => {
    const i = await inspectUrl(url(cluster, 'ro', 'shop_production', '?sslmode=require'));
    expect(i.verification).toBe('verified');
    expect(i.reason).toContain('over TLS');
  });

  it('sslmode=require to a host that is not loopback: verified, but the report says the certificate was not checked', async () => {
    // db.internal.test (TEST-NET-1 192.0.2.10, "not loopback") is routed to the cluster.
    const network: FoundHostNetwork = {
      lookup: async () => [{ address: '192.0.2.10', family: 4 }],
      dial: () => ({ host: '127.0.0.1', port: cluster.port }),
    };
    const { user, password } = ROLES.ro;
    const i = await inspectUrl(`postgres://${user}:${password}@db.internal.test:5432/shop_production?sslmode=require`, {
      clients: { network },
    });
    expect(i.verification).toBe('verified');
    expect(i.reason).toBe(
      'connected as role "app_ro" to db.internal.test:5432/shop_production over TLS (certificate not verified), read-only',
    );
    expect(i.scope?.unknowns).toContainEqual({
      what: 'server identity',
      reason:
        "sslmode=require encrypts without verifying the server's certificate: a man in the middle could have read the password (use sslmode=verify-full)",
    });
  });

  it('sslmode=verify-full against a self-signed certificate: error, naming the TLS failure', async () => {
    const i = await inspectUrl(url(cluster, 'tlsOnly', 'shop_production', '?sslmode=verify-full'));
    expect(i.verification).toBe('error');
    expect(i.reason).toBe(
      `the URL asks for sslmode=verify-full, but the TLS certificate of ${where} is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT)`,
    );
    expect(i.reason).not.toContain(ROLES.tlsOnly.password);
  });
});
