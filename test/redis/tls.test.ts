import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { inspectRedisUrl, redisFinding } from './harness.js';
import { type RedisServer, startRedis } from './server.js';

// A real redis-server that speaks only TLS on the port the URLs name, with a self-signed certificate.
let server: RedisServer;
beforeAll(async () => {
  server = await startRedis({ tls: true });
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

/** cache.test resolves to loopback here; the certificate names it. */
const network = { lookup: async () => [{ address: '127.0.0.1', family: 4 }] };

describe('rediss:// (real server with TLS)', () => {
  it('a certificate nobody trusts: not connected past TLS, the password is not sent', async () => {
    const i = await inspectRedisUrl(server.url('reader', 'cache.test'), { clients: { network } });
    expect(i.verification).toBe('error');
    expect(i.reason).toContain(`the TLS certificate of cache.test:${server.port} is not trusted`);
  });

  it('a trusted certificate: verified over TLS, the host name checked', async () => {
    const f = await redisFinding(server.url('destroyer', 'cache.test'), { clients: { network, ca: server.cert! } });
    expect(f.inspection.verification).toBe('verified');
    expect(f.inspection.reason).toBe(
      `authenticated as user "destroyer" at cache.test:${server.port} over TLS; nothing was run`,
    );
    expect(f.risks.map((r) => r.id)).toContain('destructive-data-access');
  });

  it('a trusted certificate for another name: refused (the host name is checked)', async () => {
    const i = await inspectRedisUrl(server.url('destroyer', 'other.test'), { clients: { network, ca: server.cert! } });
    expect(i.verification).toBe('error');
    expect(i.reason).toContain('ERR_TLS_CERT_ALTNAME_INVALID');
  });
});
