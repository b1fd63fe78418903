import { describe, expect, it } from '@jest/globals';
import { selfSignedCertificate, startFakeServer } from './fakeserver.js';
import { inspectUrl } from './harness.js';

// A server named in a scanned file can answer a catalog query with rows without end. Before the
// read cap, 700 MB of DataRows took the process to 3.9 GB of RSS.
describe('PostgreSQL inspection against a server that streams rows without end', () => {
  it('stops reading past 5 MiB, ends as error with the reason, and memory stays bounded', async () => {
    // The fake stops by itself after 400 MiB, so that a missing cap fails the test instead of hanging it.
    const fake = await startFakeServer({ after: 'flood', floodLimit: 400 * 1024 * 1024 });
    const peakBefore = process.resourceUsage().maxRSS * 1024;
    try {
      const i = await inspectUrl(`postgres://app:pw-Mz84RtQc2Lxa@127.0.0.1:${fake.port}/shop`, {
        // Long enough that the cap, not a timeout, is what ends the run.
        clients: { timeouts: { connectMs: 30_000, statementMs: 30_000 } },
      });
      expect(i).toEqual({
        verification: 'error',
        reason: `127.0.0.1:${fake.port} sent more than 5 MiB; tokenscope stopped reading (a broken or hostile server?)`,
        scope: null,
      });
      await fake.idle();
      // What was written before our side hung up: the cap plus what sat in socket buffers.
      expect(fake.floodBytes()).toBeLessThan(64 * 1024 * 1024);
      const peakGrowth = process.resourceUsage().maxRSS * 1024 - peakBefore;
      expect(peakGrowth).toBeLessThan(200 * 1024 * 1024);
    } finally {
      await fake.close();
    }
  }, 60_000);

  it('over TLS too: the cap counts what the TLS stream delivers', async () => {
    const fake = await startFakeServer({
      after: 'flood',
      floodLimit: 400 * 1024 * 1024,
      tls: selfSignedCertificate('localhost'),
    });
    try {
      const i = await inspectUrl(`postgres://app:pw-Mz84RtQc2Lxa@127.0.0.1:${fake.port}/shop?sslmode=require`, {
        clients: { timeouts: { connectMs: 30_000, statementMs: 30_000 } },
      });
      expect(i.reason).toBe(
        `127.0.0.1:${fake.port} sent more than 5 MiB; tokenscope stopped reading (a broken or hostile server?)`,
      );
      await fake.idle();
      expect(fake.floodBytes()).toBeLessThan(64 * 1024 * 1024);
    } finally {
      await fake.close();
    }
  }, 60_000);
});
