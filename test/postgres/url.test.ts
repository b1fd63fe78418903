import { describe, expect, it } from '@jest/globals';
import { PROVIDERS } from '../../providers/registry.js';
import { Secret } from '../../src/core/secret.js';
import { Detector } from '../../src/detect/engine.js';
import { loadRules } from '../../src/detect/load.js';
import { cli } from '../helpers/cli.js';
import { tempDir, writeFiles } from '../helpers/repo.js';
import { startFakeServer } from './fakeserver.js';

const detector = new Detector(loadRules(PROVIDERS));
const found = (text: string) =>
  detector
    .scan({ text, path: '.env', source: 'untracked' })
    .filter((c) => c.ruleId === 'postgres-url')
    .map((c) => c.secret.reveal());

const PASSWORD = 'KNfLsp66LBgKFhfiD7mz';

describe('the postgres-url rule keeps the query string (it says how to connect)', () => {
  it('captures ?sslmode=verify-full', () => {
    expect(found(`DATABASE_URL=postgres://app:${PASSWORD}@db.acme.test:5432/app?sslmode=verify-full\n`)).toEqual([
      `postgres://app:${PASSWORD}@db.acme.test:5432/app?sslmode=verify-full`,
    ]);
  });

  it('captures a query that follows the host directly, and stops at a quote', () => {
    expect(found(`url = "postgresql://app:${PASSWORD}@db.acme.test?sslmode=require&connect_timeout=5"`)).toEqual([
      `postgresql://app:${PASSWORD}@db.acme.test?sslmode=require&connect_timeout=5`,
    ]);
  });
});

describe("the 'url' redaction shows the query only where it cannot carry a secret", () => {
  const shown = (url: string) => new Secret(url, 'url').redacted;

  it('keeps sslmode', () => {
    expect(shown(`postgres://app:${PASSWORD}@db:5432/shop?sslmode=require`)).toBe(
      'postgres://app:****@db:5432/shop?sslmode=require',
    );
  });

  it('hides a password= parameter, and any other', () => {
    expect(shown(`postgres://app:${PASSWORD}@db:5432/shop?sslmode=require&password=Qw7-second-Secret`)).toBe(
      'postgres://app:****@db:5432/shop?sslmode=require&****',
    );
    expect(shown(`postgres://app:${PASSWORD}@db:5432/shop?password=Qw7-second-Secret`)).toBe(
      'postgres://app:****@db:5432/shop?****',
    );
    expect(shown(`postgres://app:${PASSWORD}@db:5432/shop?sslpassword=Qw7-second-Secret#x`)).toBe(
      'postgres://app:****@db:5432/shop?****',
    );
  });

  it('a URL without a query is shown as before', () => {
    expect(shown(`postgres://app:${PASSWORD}@db:5432/shop`)).toBe('postgres://app:****@db:5432/shop');
  });
});

describe('sslmode found in a scanned file is honoured, end to end', () => {
  it('audit: a DATABASE_URL with ?sslmode=verify-full against a server without TLS: error, no password sent', async () => {
    const fake = await startFakeServer({ after: 'reject' });
    try {
      const url = `postgres://app:${PASSWORD}@127.0.0.1:${fake.port}/shop?sslmode=verify-full`;
      const dir = tempDir();
      writeFiles(dir, { '.env': `DATABASE_URL=${url}\n` });
      const run = await cli([
        'audit',
        dir,
        '--format',
        'json',
        '--threads',
        '1',
        '--found-host-ports',
        String(fake.port),
      ]);
      expect(run.stdout + run.stderr).not.toContain(PASSWORD);
      const report = JSON.parse(run.stdout) as {
        findings: Array<{ secret: { redacted: string }; verification: string; verificationReason: string }>;
      };
      expect(report.findings.map((f) => [f.secret.redacted, f.verification, f.verificationReason])).toEqual([
        [
          `postgres://app:****@127.0.0.1:${fake.port}/shop?sslmode=verify-full`,
          'error',
          `the URL asks for sslmode=verify-full, but 127.0.0.1:${fake.port} does not support SSL connections`,
        ],
      ]);
      expect(fake.sslRequests()).toBe(1);
      expect(fake.passwords).toEqual([]);
    } finally {
      await fake.close();
    }
  });
});
