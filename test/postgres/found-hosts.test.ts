import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseTarget, UnsafeTarget } from '../../providers/postgres/target.js';
import { cli } from '../helpers/cli.js';
import { type Listener, startListener } from '../helpers/listener.js';
import { tempDir, writeFiles } from '../helpers/repo.js';

/**
 * A found URL chooses the host and port the inspector connects to, and the names it writes into
 * its first message. A loopback listener that is not PostgreSQL (memcached, redis...) must receive
 * nothing from tokenscope unless the user allowed its port, and nothing ever from a URL that
 * smuggles CR/LF into a name. Passwords here are made up.
 */

let listener: Listener;
let port = 0;
beforeAll(async () => {
  // Never answers: a memcached or redis would, but the bytes are what matter here.
  listener = await startListener(200);
  port = listener.port;
});
afterAll(() => listener.close());

interface ReportShape {
  findings: Array<{ provider: string; verification: string; verificationReason: string }>;
}

async function auditUrl(url: string, extra: string[] = [], env: Record<string, string> = {}) {
  const dir = tempDir();
  writeFiles(dir, { '.env': `DATABASE_URL=${url}\n` });
  const before = { bytes: listener.received().length, connections: listener.connections() };
  const run = await cli(['audit', dir, '--format', 'json', '--threads', '1', '--timeout', '2000', ...extra], { env });
  const finding = (JSON.parse(run.stdout) as ReportShape).findings.find((f) => f.provider === 'postgres');
  return {
    run,
    finding,
    bytes: listener.received().length - before.bytes,
    connections: listener.connections() - before.connections,
    sent: listener.received().subarray(before.bytes).toString('latin1'),
  };
}

const PASSWORD = 'pw-Hq83VnzL2xKe';
const INJECTED = [
  ['user name', `postgres://app%0D%0Aflush_all%0D%0A:${PASSWORD}@127.0.0.1:PORT/app?sslmode=disable`],
  ['database name', `postgres://app:${PASSWORD}@127.0.0.1:PORT/app%0D%0ASHUTDOWN%0D%0A?sslmode=disable`],
  ['password', `postgres://app:${PASSWORD}%0A@127.0.0.1:PORT/app?sslmode=disable`],
  ['query string', `postgres://app:${PASSWORD}@127.0.0.1:PORT/app?sslmode=disable&application_name=a%0D%0Ab`],
] as const;

describe('a found host on a port that is not the standard one', () => {
  it('is not connected to by default: the listener receives zero bytes; the finding says why', async () => {
    const r = await auditUrl(`postgres://app:${PASSWORD}@127.0.0.1:${port}/app?sslmode=disable`);
    expect(r.connections).toBe(0);
    expect(r.bytes).toBe(0);
    expect(r.finding).toMatchObject({
      verification: 'skipped',
      verificationReason: `not connected: port ${port} is not PostgreSQL's standard port (5432); allow it with --found-host-ports or TOKENSCOPE_FOUND_HOST_PORTS`,
    });
  });

  it('--found-host-ports allows it (the listener then does receive a startup message)', async () => {
    const r = await auditUrl(`postgres://app:${PASSWORD}@127.0.0.1:${port}/app?sslmode=disable`, [
      '--found-host-ports',
      `6543,${port}`,
    ]);
    expect(r.connections).toBe(1);
    expect(r.sent).toContain('app');
    expect(r.finding?.verification).not.toBe('skipped');
  });

  it('TOKENSCOPE_FOUND_HOST_PORTS allows it too', async () => {
    const r = await auditUrl(`postgres://app:${PASSWORD}@127.0.0.1:${port}/app?sslmode=disable`, [], {
      TOKENSCOPE_FOUND_HOST_PORTS: String(port),
    });
    expect(r.connections).toBe(1);
  });

  it("the scanned repository's config cannot allow it: the key does not exist (exit 2)", async () => {
    const dir = tempDir();
    writeFiles(dir, {
      '.env': `DATABASE_URL=postgres://app:${PASSWORD}@127.0.0.1:${port}/app\n`,
      '.tokenscope.yml': `version: 1\ninspect:\n  foundHostPorts: [${port}]\n`,
    });
    const before = listener.connections();
    const run = await cli(['audit', dir, '--format', 'json']);
    expect(run.code).toBe(2);
    expect(listener.connections()).toBe(before);
  });

  it.each([['0'], ['70000'], ['5432,abc'], ['-1']])(
    '--found-host-ports %s: one-line usage error, exit 2',
    async (v) => {
      const dir = tempDir();
      const run = await cli(['audit', dir, '--found-host-ports', v]);
      expect(run.code).toBe(2);
      expect(run.stderr.trim()).toBe(
        'tokenscope: --found-host-ports must list ports from 1 to 65535, separated by commas',
      );
    },
  );
});

describe('control characters in a found URL: never connected to, even on an allowed port', () => {
  for (const [part, template] of INJECTED) {
    it(`CR/LF in the ${part}: zero bytes reach the listener; skipped, naming the part`, async () => {
      const r = await auditUrl(template.replace('PORT', String(port)), ['--found-host-ports', String(port)]);
      expect(r.connections).toBe(0);
      expect(r.bytes).toBe(0);
      expect(r.finding?.verification).toBe('skipped');
      expect(r.finding?.verificationReason).toBe(
        `not connected: the URL's ${part} holds a control character (such as CR or LF), which could carry lines of another protocol to its host`,
      );
    });
  }

  const refused = (url: string) => {
    try {
      parseTarget(url);
      return undefined;
    } catch (e) {
      return e instanceof UnsafeTarget ? e.message : `other: ${(e as Error).message}`;
    }
  };

  it.each([
    ['%00', 'user name'],
    ['%1B', 'user name'],
    ['%7F', 'user name'],
    ['%C2%85', 'user name'], // NEL, a C1 control
    ['%09', 'user name'],
  ])('%s in a name is refused', (seq, part) => {
    expect(refused(`postgres://ap${seq}p:${PASSWORD}@db.test/app`)).toContain(`the URL's ${part} holds`);
  });

  it('in the fragment too, and a clean URL passes', () => {
    expect(refused(`postgres://app:${PASSWORD}@db.test/app#a%0Ab`)).toContain("the URL's fragment holds");
    expect(refused(`postgres://app:${PASSWORD}@db.test/app?sslmode=require`)).toBeUndefined();
  });
});
