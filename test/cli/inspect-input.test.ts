import { describe, expect, it } from '@jest/globals';
import { cli } from '../helpers/cli.js';
import { awsKeyId, githubToken } from '../helpers/tokens.js';

/** A fetch that records what would have been sent, and answers nothing. */
function spy() {
  const urls: string[] = [];
  const fetchImpl = (async (input: string | URL | Request) => {
    urls.push(String(input));
    throw new TypeError('fetch failed', { cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }) });
  }) as typeof fetch;
  return { urls, fetchImpl };
}

const inspect = (input: string, extra: string[] = []) => {
  const s = spy();
  const args = ['inspect', '--provider', 'github', '--github-api-url', 'http://127.0.0.1:9', '--format', 'json'];
  return cli([...args, ...extra], { input, fetchImpl: s.fetchImpl }).then((run) => ({ ...run, sent: s.urls }));
};

describe("inspect sends only what looks like the provider's token", () => {
  const good = githubToken();
  // The same shape with the last checksum character changed: GitHub's CRC32 no longer matches.
  const badChecksum = `${good.slice(0, -1)}${good.endsWith('A') ? 'B' : 'A'}`;

  for (const [what, input] of [
    ['plain text', 'hello world\n'],
    ['a GitHub-shaped token with a bad checksum', `${badChecksum}\n`],
    ["another provider's key", `${awsKeyId()}\n`],
  ] as const) {
    it(`refuses ${what}: exit 2, nothing sent`, async () => {
      const run = await inspect(input);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        'tokenscope: inspect: standard input does not look like a GitHub token (no rule of github accepts it); nothing was sent. Use --force to send it anyway\n',
      );
      expect(run.sent).toEqual([]);
    });
  }

  it('sends a real-shaped token', async () => {
    const run = await inspect(`${good}\n`);
    expect(run.sent.length).toBeGreaterThan(0);
  });

  it('sends anything with --force', async () => {
    const run = await inspect(`${badChecksum}\n`, ['--force']);
    expect(run.code).not.toBe(2);
    expect(run.sent.length).toBeGreaterThan(0);
  });
});
