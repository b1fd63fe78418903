import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { inspectMysqlUrl } from './harness.js';
import { type MariaServer, startMariadb } from './server.js';

// A real mariadbd offering TLS with a self-signed certificate for db.corp.test.
let server: MariaServer;
beforeAll(async () => {
  server = await startMariadb({ tls: true });
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

/** db.corp.test resolves to a private address, routed here to the real server: not loopback, so TLS is required. */
const network = () => ({
  lookup: async () => [{ address: '10.1.2.3', family: 4 }],
  dial: () => ({ host: '127.0.0.1', port: server.port }),
});

describe('MySQL over TLS off loopback (real mariadbd)', () => {
  it('a certificate nobody trusts: error, and the server saw no login', async () => {
    const logStart = server.log().length;
    const i = await inspectMysqlUrl(server.url('reader', 'db.corp.test'), { clients: { network: network() } });
    expect(i.verification).toBe('error');
    expect(i.reason).toBe(
      `db.corp.test is not a loopback host, so tokenscope requires TLS with a trusted certificate that names it, but the certificate of db.corp.test:${server.port} is not trusted (self-signed certificate); the password was not sent (trust its CA with NODE_EXTRA_CA_CERTS)`,
    );
    expect(server.log().slice(logStart)).not.toMatch(/Connect\s+reader@/);
  });

  it('a trusted certificate naming the host: verified over TLS, every byte still counted', async () => {
    const i = await inspectMysqlUrl(server.url('reader', 'db.corp.test'), {
      clients: { network: network(), ca: server.cert! },
    });
    expect(i.verification).toBe('verified');
    expect(i.reason).toBe(`connected as reader@% to db.corp.test:${server.port} over TLS, read-only`);
    // The TLS handshake alone (the certificate) is over 2000 bytes: counted inside TLS, too.
    const tiny = await inspectMysqlUrl(server.url('reader', 'db.corp.test'), {
      clients: { network: network(), ca: server.cert!, readLimitBytes: 2000 },
    });
    expect(tiny.reason).toContain('sent more than');
  });

  it('a trusted certificate for another name: refused', async () => {
    const i = await inspectMysqlUrl(server.url('reader', 'other.corp.test'), {
      clients: { network: network(), ca: server.cert! },
    });
    expect(i.verification).toBe('error');
    expect(i.reason).toContain("Host: other.corp.test. is not in the cert's altnames: DNS:db.corp.test");
  });
});
