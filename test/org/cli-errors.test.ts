import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/repo.js';

/** A fetch that counts calls and never reaches anything: the org must not be listed. */
function countingFetch(): { fetchImpl: typeof fetch; calls: () => number } {
  let n = 0;
  return {
    fetchImpl: (async () => {
      n++;
      throw new Error('no network in this test');
    }) as typeof fetch,
    calls: () => n,
  };
}

const env = { GITHUB_API_URL: 'http://127.0.0.1:9/' };

describe('org: every flag is checked before the org is listed', () => {
  for (const [flags, message] of [
    [['--plan', '0'], '--plan must be a whole number from 1 to 256'],
    [['--shard', '3/2'], '--shard must be I/N'],
    [['--inspect-ttl', 'soon'], '--inspect-ttl must be a duration'],
    [['--state', '/no/such/dir/state.db'], '--state /no/such/dir/state.db: no such directory /no/such/dir'],
  ] as const) {
    it(flags.join(' '), async () => {
      const f = countingFetch();
      const run = await cli(['org', 'acme', ...flags], { env, fetchImpl: f.fetchImpl });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(message);
      expect(f.calls()).toBe(0);
    });
  }
});

it('org: a name that does not resolve is "no answer (ENOTFOUND)", not HTTP 500', async () => {
  const fetchImpl = (async () => {
    throw new TypeError('fetch failed', {
      cause: Object.assign(new Error('getaddrinfo ENOTFOUND github.invalid'), { code: 'ENOTFOUND' }),
    });
  }) as typeof fetch;
  const run = await cli(['org', 'acme'], { env: { GITHUB_API_URL: 'https://github.invalid/' }, fetchImpl });
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(
    'could not list the repositories of acme at https://github.invalid: no answer (ENOTFOUND)',
  );
  expect(run.stderr).not.toContain('HTTP 500');
}, 60_000);

describe('merge: what it refuses, and how it says so', () => {
  const dir = tempDir();
  const shard = join(dir, 'shard.json');
  // The smallest org report merge accepts: one shard of one, no repositories, no findings.
  const orgReport = {
    tool: { name: 'tokenscope', version: '0.1.0' },
    target: 'org acme',
    generatedAt: new Date().toISOString(),
    endpoints: {},
    summary: { credentials: 0, bySeverity: {}, failOn: 'high', failing: 0 },
    findings: [],
    notes: [],
    org: { name: 'acme', shard: { index: 1, total: 1 }, repositoriesListed: 0 },
    repositories: [],
  };
  writeFileSync(shard, JSON.stringify(orgReport));

  it('a --state file that is not SQLite: named, not "internal error"', async () => {
    const notDb = join(dir, 'notes.txt');
    writeFileSync(notDb, 'these are my notes, not a database\n'.repeat(200));
    const run = await cli(['merge', shard, '--state', notDb]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${notDb}: not a tokenscope state file`);
    expect(run.stderr).not.toContain('internal error');
    expect(readFileSync(notDb, 'utf8')).toContain('these are my notes');
  });

  it('a --state in a directory that does not exist: refused, nothing created', async () => {
    const missing = join(dir, 'typo', 'state.db');
    const run = await cli(['merge', shard, '--state', missing]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--state ${missing}: no such directory ${join(dir, 'typo')}`);
    expect(existsSync(join(dir, 'typo'))).toBe(false);
  });

  it('a plain audit report is not a shard', async () => {
    const audit = join(dir, 'audit.json');
    const { org: _org, repositories: _repos, ...plain } = orgReport;
    writeFileSync(audit, JSON.stringify(plain));
    const run = await cli(['merge', shard, audit]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${audit}: a report of \`tokenscope audit\``);
  });

  it('the shard itself merges (the refusals above are about the input, not merge)', async () => {
    const run = await cli(['merge', shard, '--state', join(dir, 'state.db')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});
