import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { PROVIDERS } from '../../providers/registry.js';
import { findingsBody } from '../../src/action/comment.js';
import { maskableParts } from '../../src/action/secrets.js';
import { Secret } from '../../src/core/secret.js';
import { splitUserinfo } from '../../src/core/userinfo.js';
import type { Report } from '../../src/report/model.js';
import { Detector } from '../../src/detect/engine.js';
import { loadRules } from '../../src/detect/load.js';
import { everythingShown, offlinePullRequest } from '../action/harness.js';
import { cli } from '../helpers/cli.js';
import { gitRepo } from '../helpers/repo.js';

/**
 * A password holding `@`: clients (node-postgres through WHATWG URL, Python, Go) read it up to the
 * LAST `@` before the host. Cutting it at the first `@` printed its second half in every report.
 * The password is made up for this test.
 */
const PASSWORD = 'Xk9p2Lq7@Zt4mW8vR3nB6';
const SCHEMES = ['postgres', 'mysql', 'mongodb', 'redis'];
const urlFor = (scheme: string) => `${scheme}://app:${PASSWORD}@db.internal.test/app`;

/** Every run of 4 characters of the password: none may appear anywhere a user can read. */
const runs = (s: string) => Array.from({ length: s.length - 3 }, (_, i) => s.slice(i, i + 4));
function leakedRuns(text: string): string[] {
  return runs(PASSWORD).filter((r) => text.includes(r));
}

describe('the userinfo split', () => {
  it('takes the password to the last @ before the host', () => {
    expect(splitUserinfo(urlFor('postgres'))).toMatchObject({
      user: 'app',
      password: PASSWORD,
      rest: 'db.internal.test/app',
    });
  });

  it('a user name may hold @ (Azure style); the password still runs to the last @', () => {
    expect(splitUserinfo('postgres://me@corp.test:pw@x@db.test:5432/app')).toMatchObject({
      user: 'me@corp.test',
      password: 'pw@x',
      rest: 'db.test:5432/app',
    });
  });

  it('an @ in the query string is not the userinfo', () => {
    expect(splitUserinfo('postgres://app:pw@db.test?application_name=a@b')).toMatchObject({
      password: 'pw',
      rest: 'db.test?application_name=a@b',
    });
  });

  it('a raw # or ? inside the password errs towards more password, never less', () => {
    expect(splitUserinfo('postgres://app:ab#cd@db.test/app')?.password).toBe('ab#cd');
    expect(splitUserinfo('postgres://app:a?b@c@db.test/app')?.password).toBe('a?b@c');
  });
});

describe('detection reads the same password', () => {
  const detector = new Detector(loadRules(PROVIDERS));
  for (const scheme of SCHEMES) {
    it(`${scheme}: the whole URL is the secret`, () => {
      const found = detector.scan({ text: `DATABASE_URL=${urlFor(scheme)}\n`, path: '.env', source: 'untracked' });
      expect(found.map((c) => c.secret.reveal())).toEqual([urlFor(scheme)]);
    });
  }

  it('a default-looking first half does not hide the real password (root@... is not "root")', () => {
    const url = 'postgres://app:root@Zt4mW8vR3nB6@db.internal.test/app';
    const found = detector.scan({ text: `DATABASE_URL=${url}\n`, path: '.env', source: 'untracked' });
    expect(found.map((c) => c.secret.reveal())).toEqual([url]);
  });
});

describe('redaction hides the whole password', () => {
  it('with an @ in the user name too', () => {
    expect(new Secret('postgres://me@corp.test:Zt4mW8@vR3nB6@db.test:5432/app', 'url').redacted).toBe(
      'postgres://me@corp.test:****@db.test:5432/app',
    );
  });

  for (const scheme of SCHEMES) {
    it(scheme, () => {
      expect(new Secret(urlFor(scheme), 'url').redacted).toBe(`${scheme}://app:****@db.internal.test/app`);
    });
  }
});

describe('no run of 4 password characters in any report format', () => {
  const files = Object.fromEntries(SCHEMES.map((s) => [`config/${s}.env`, `URL=${urlFor(s)}\n`]));
  const root = gitRepo(files, Object.keys(files));
  for (const format of ['table', 'json', 'sarif', 'markdown']) {
    it(format, async () => {
      const run = await cli(['audit', root, '--format', format, '--offline', '--threads', '1']);
      const shown = (run.stdout + run.stderr).split(root).join('<root>');
      // All four were found (each redacted form is in the report), and nothing of the password leaked.
      // (The table wraps long cells, so there only the count is checked.)
      if (format === 'table') expect(shown).toContain('4 credential(s)');
      else for (const s of SCHEMES) expect(shown).toContain(`${s}://app:****@db.internal.test/app`);
      expect(leakedRuns(shown)).toEqual([]);
    });
  }
});

describe('the Action', () => {
  it('masks the whole password, not its first half', () => {
    for (const scheme of SCHEMES) expect(maskableParts(new Secret(urlFor(scheme), 'url'))).toContain(PASSWORD);
  });

  it('a pull request adding such URLs: the whole password is a mask, and nothing shown holds 4 of its characters', async () => {
    const { world, run, masks } = await offlinePullRequest(
      Object.fromEntries(SCHEMES.map((s) => [`config/${s}.env`, `URL=${urlFor(s)}\n`])),
    );
    expect(masks).toContain(PASSWORD);
    expect(run.summary).toContain('postgres://app:****@db.internal.test/app');
    // The pull-request comment, rendered from the report the run wrote, as the Action posts it.
    const report = JSON.parse(readFileSync(run.outputs['report-json']!, 'utf8')) as Report;
    const comment = findingsBody(report, 'the pull request', 'a'.repeat(40));
    expect(comment).toContain('mysql://app:****@db.internal.test/app');
    expect(leakedRuns([everythingShown(run), comment].join('\n').split(world.root).join('<root>'))).toEqual([]);
  });
});
