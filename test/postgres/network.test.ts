import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LookupAddress } from 'node:dns';
import type { FoundHostNetwork } from '../../providers/database/route.js';
import { SYSTEM_NETWORK } from '../../providers/database/route.js';
import { type FakeServer, selfSignedCertificate, startFakeServer } from './fakeserver.js';
import { inspectUrl } from './harness.js';

// Where the inspector may connect, and how: no test reaches past 127.0.0.1. Names under .test are
// resolved by an injected resolver; 192.0.2.10 (TEST-NET-1, "not loopback") is routed to a fake.

const PASSWORD = 'pw-Vn38KqLz5Wce';
const SHORT = { connectMs: 2000, statementMs: 2000 };

/** A resolver for made-up names, and a record of every address the inspector dialled. */
function network(names: Record<string, string[]>, route?: (address: string) => number) {
  const dials: string[] = [];
  const lookups: string[] = [];
  const net: FoundHostNetwork = {
    lookup: async (host) => {
      lookups.push(host);
      const known = names[host];
      if (!known) return SYSTEM_NETWORK.lookup(host);
      return known.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 }));
    },
    dial: (address, port) => {
      dials.push(`${address}:${port}`);
      const to = route?.(address);
      return to ? { host: '127.0.0.1', port: to } : { host: address, port };
    },
  };
  return { net, dials, lookups };
}

describe('addresses the inspector refuses, after resolving the name', () => {
  const refusals: Array<[string, string]> = [
    ['169.254.169.254:5432', 'refused to connect to a link-local address (cloud metadata?): 169.254.169.254:5432'],
    // 0xa9fea9fe is 169.254.169.254 written as one hex number; the resolver reads it so.
    ['0xa9fea9fe:5432', 'refused to connect to a link-local address (cloud metadata?): 0xa9fea9fe:5432'],
    ['2852039166:5432', 'refused to connect to a link-local address (cloud metadata?): 2852039166:5432'],
    ['[fe80::1]:5432', 'refused to connect to a link-local address (cloud metadata?): fe80::1:5432'],
    ['[fd00:ec2::254]:5432', 'refused to connect to a cloud metadata address: fd00:ec2::254:5432'],
    ['100.100.100.200:5432', 'refused to connect to a cloud metadata address: 100.100.100.200:5432'],
    ['168.63.129.16:5432', 'refused to connect to a cloud metadata address: 168.63.129.16:5432'],
    [
      '[::ffff:169.254.169.254]:5432',
      'refused to connect to a link-local address (cloud metadata?): ::ffff:a9fe:a9fe:5432',
    ],
    ['0.0.0.0:5432', 'refused to connect to an unspecified address (0.0.0.0 or ::): 0.0.0.0:5432'],
    ['[::]:5432', 'refused to connect to an unspecified address (0.0.0.0 or ::): :::5432'],
    ['224.0.0.1:5432', 'refused to connect to a multicast address: 224.0.0.1:5432'],
    ['[ff02::1]:5432', 'refused to connect to a multicast address: ff02::1:5432'],
    ['255.255.255.255:5432', 'refused to connect to the broadcast address: 255.255.255.255:5432'],
  ];
  for (const [hostPort, reason] of refusals) {
    it(`postgres://…@${hostPort}: refused, nothing dialled`, async () => {
      const { net, dials } = network({});
      const i = await inspectUrl(`postgres://app:${PASSWORD}@${hostPort}/shop`, {
        clients: { network: net, timeouts: SHORT },
      });
      expect(i).toEqual({ verification: 'unverified', reason, scope: null });
      expect(dials).toEqual([]);
    });
  }

  it('a name that resolves to a private address AND the metadata address is refused (any forbidden address)', async () => {
    const { net, dials } = network({ 'db.mixed.test': ['10.0.0.5', '169.254.169.254'] });
    const i = await inspectUrl(`postgres://app:${PASSWORD}@db.mixed.test:5432/shop`, {
      clients: { network: net, timeouts: SHORT },
    });
    expect(i.reason).toBe('refused to connect to a link-local address (cloud metadata?): db.mixed.test:5432');
    expect(dials).toEqual([]);
  });

  it('a name resolving to the metadata address is refused (the check runs on addresses, not names)', async () => {
    const { net, dials } = network({ 'metadata.google.internal.test': ['169.254.169.254'] });
    const i = await inspectUrl(`postgres://app:${PASSWORD}@metadata.google.internal.test/shop`, {
      clients: { network: net, timeouts: SHORT },
    });
    expect(i.verification).toBe('unverified');
    expect(i.reason).toBe(
      'refused to connect to a link-local address (cloud metadata?): metadata.google.internal.test:5432',
    );
    expect(dials).toEqual([]);
  });
});

describe('addresses the inspector connects to', () => {
  let fake: FakeServer;
  beforeAll(async () => {
    fake = await startFakeServer({ after: 'reject' });
  });
  afterAll(async () => {
    await fake.close();
  });

  it('numeric loopback forms (0x7f000001, 2130706433) resolve to 127.0.0.1 and are allowed', async () => {
    for (const host of ['0x7f000001', '2130706433']) {
      const i = await inspectUrl(`postgres://app:${PASSWORD}@${host}:${fake.port}/shop`, {
        clients: { timeouts: SHORT },
      });
      expect(i).toEqual({
        verification: 'invalid',
        reason: `${host}:${fake.port} rejected the password of role "app"`,
        scope: null,
      });
    }
  });

  it('resolves once and dials the checked address: a name that rebinds afterwards is not looked up again', async () => {
    let calls = 0;
    const rebinding: FoundHostNetwork = {
      lookup: async () => {
        calls++;
        return [{ address: calls === 1 ? '127.0.0.1' : '169.254.169.254', family: 4 }];
      },
    };
    const i = await inspectUrl(`postgres://app:${PASSWORD}@db.rebind.test:${fake.port}/shop`, {
      clients: { network: rebinding, timeouts: SHORT },
    });
    expect(i.reason).toBe(`db.rebind.test:${fake.port} rejected the password of role "app"`);
    expect(calls).toBe(1);
  });

  it('private-network hosts stay allowed: auditing an internal database is the point', async () => {
    const { net, dials } = network({ 'db.corp.test': ['10.1.2.3'] }, () => fake.port);
    const i = await inspectUrl(`postgres://app:${PASSWORD}@db.corp.test:5432/shop?sslmode=disable`, {
      clients: { network: net, timeouts: SHORT },
    });
    expect(dials).toEqual(['10.1.2.3:5432']);
    // Reached the fake, which asked for the password in clear over plaintext: refused (see ssl rules below).
    expect(i.reason).toContain('db.corp.test:5432 asked for the password in clear');
  });
});

describe('TLS and the password, by host and sslmode', () => {
  const remote = (fake: FakeServer) => network({ 'db.internal.test': ['192.0.2.10'] }, () => fake.port);

  it('no sslmode, a host that is not loopback: TLS is required; a server offering none never gets the password', async () => {
    const fake = await startFakeServer({ after: 'reject' });
    try {
      const { net } = remote(fake);
      const i = await inspectUrl(`postgres://app:${PASSWORD}@db.internal.test:5432/shop`, {
        clients: { network: net, timeouts: SHORT },
      });
      expect(i).toEqual({
        verification: 'error',
        reason:
          'the URL names no sslmode and db.internal.test is not a loopback host, so tokenscope requires TLS with a verified certificate (as sslmode=verify-full), but db.internal.test:5432 does not support SSL connections; the password was not sent',
        scope: null,
      });
      expect(fake.sslRequests()).toBe(1);
      expect(fake.startups()).toBe(0);
      expect(fake.passwords).toEqual([]);
    } finally {
      await fake.close();
    }
  });

  for (const mode of ['prefer', 'allow', 'disable']) {
    it(`sslmode=${mode} to a host that is not loopback: a request for the password in clear over plaintext is refused`, async () => {
      const fake = await startFakeServer({ after: 'reject' });
      try {
        const { net } = remote(fake);
        const i = await inspectUrl(`postgres://app:${PASSWORD}@db.internal.test:5432/shop?sslmode=${mode}`, {
          clients: { network: net, timeouts: SHORT },
        });
        expect(i).toEqual({
          verification: 'error',
          reason:
            'db.internal.test:5432 asked for the password in clear over an unencrypted connection; tokenscope sends no password in clear to a host that is not loopback, so it was not sent',
          scope: null,
        });
        expect(fake.startups()).toBe(1);
        expect(fake.passwords).toEqual([]);
      } finally {
        await fake.close();
      }
    });
  }

  it('no sslmode to loopback: plaintext stays acceptable (libpq prefer), the password goes to the local server', async () => {
    const fake = await startFakeServer({ after: 'reject' });
    try {
      const i = await inspectUrl(`postgres://app:${PASSWORD}@127.0.0.1:${fake.port}/shop`, {
        clients: { timeouts: SHORT },
      });
      expect(i.verification).toBe('invalid');
      expect(fake.sslRequests()).toBe(1);
      expect(fake.passwords).toEqual([PASSWORD]);
    } finally {
      await fake.close();
    }
  });

  it('no sslmode, not loopback, a certificate nobody trusts: verify-full refuses it, the password is not sent', async () => {
    const fake = await startFakeServer({ after: 'reject', tls: selfSignedCertificate('db.internal.test') });
    try {
      const { net } = remote(fake);
      const i = await inspectUrl(`postgres://app:${PASSWORD}@db.internal.test:5432/shop`, {
        clients: { network: net, timeouts: SHORT },
      });
      expect(i.verification).toBe('error');
      expect(i.reason).toMatch(
        /^the URL names no sslmode and db\.internal\.test is not a loopback host, so tokenscope verifies the certificate \(as sslmode=verify-full\), but the TLS certificate of db\.internal\.test:5432 is not trusted \([A-Z_]+\); the password was not sent \(trust its CA with NODE_EXTRA_CA_CERTS\)$/,
      );
      expect(fake.startups()).toBe(0);
      expect(fake.passwords).toEqual([]);
    } finally {
      await fake.close();
    }
  });

  it('no sslmode, not loopback, a trusted certificate: verify-full passes, SNI is the URL host, not the dialled address', async () => {
    const certificate = selfSignedCertificate('db.internal.test');
    const fake = await startFakeServer({ after: 'reject', tls: certificate });
    try {
      const { net, dials } = remote(fake);
      const i = await inspectUrl(`postgres://app:${PASSWORD}@db.internal.test:5432/shop`, {
        clients: { network: net, timeouts: SHORT, ca: certificate.cert },
      });
      expect(i).toEqual({
        verification: 'invalid',
        reason: 'db.internal.test:5432 rejected the password of role "app"',
        scope: null,
      });
      expect(dials).toEqual(['192.0.2.10:5432']);
      expect(fake.servernames).toEqual(['db.internal.test']);
      expect(fake.passwords).toEqual([PASSWORD]);
    } finally {
      await fake.close();
    }
  });

  it('a trusted certificate for another name: verify-full refuses it (the host name is checked)', async () => {
    const certificate = selfSignedCertificate('other.internal.test');
    const fake = await startFakeServer({ after: 'reject', tls: certificate });
    try {
      const { net } = remote(fake);
      const i = await inspectUrl(`postgres://app:${PASSWORD}@db.internal.test:5432/shop`, {
        clients: { network: net, timeouts: SHORT, ca: certificate.cert },
      });
      expect(i.verification).toBe('error');
      expect(i.reason).toContain('is not trusted (ERR_TLS_CERT_ALTNAME_INVALID)');
      expect(fake.passwords).toEqual([]);
    } finally {
      await fake.close();
    }
  });

  it('sslmode=require, as the URL says: TLS without a certificate check (libpq semantics), the password goes', async () => {
    const fake = await startFakeServer({ after: 'reject', tls: selfSignedCertificate('db.internal.test') });
    try {
      const { net } = remote(fake);
      const i = await inspectUrl(`postgres://app:${PASSWORD}@db.internal.test:5432/shop?sslmode=require`, {
        clients: { network: net, timeouts: SHORT },
      });
      expect(i.verification).toBe('invalid');
      // Over TLS the password may go in clear: that is what sslmode=require accepts.
      expect(fake.passwords).toEqual([PASSWORD]);
    } finally {
      await fake.close();
    }
  });
});
