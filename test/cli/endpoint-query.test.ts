import { describe, expect, it } from '@jest/globals';
import { cli } from '../helpers/cli.js';

/**
 * Endpoints are printed in every report header. A query string (`?api_key=...`) or a fragment can
 * carry a credential just as userinfo can: such an endpoint is refused, and not quoted back.
 */
const KEY = 'k3y-Vq8Zr2Lm7Np4Tx6W';

describe('endpoints with a query string or a fragment are refused', () => {
  const cases: Array<[string, string[], Record<string, string>]> = [
    ['a flag with a query', ['--railway-endpoint', `https://railway.example/graphql/v2?api_key=${KEY}`], {}],
    ['a flag with a fragment', ['--github-api-url', `https://ghe.example/api/v3#${KEY}`], {}],
    ['a flag with an empty query', ['--github-api-url', 'https://ghe.example/api/v3?'], {}],
    ['the environment', [], { AWS_ENDPOINT_URL: `https://sts.example/?token=${KEY}` }],
  ];
  for (const [what, flags, env] of cases) {
    it(what, async () => {
      const run = await cli(['audit', '--stdin', '--format', 'json', ...flags], { input: 'nothing here\n', env });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^tokenscope: (--[a-z-]+|[A-Z_]+): must not carry a query string or a fragment\n$/);
      expect(run.stderr).not.toContain(KEY);
    });
  }

  it('a plain path is still accepted', async () => {
    const run = await cli(['audit', '--stdin', '--format', 'json', '--github-api-url', 'https://ghe.example/api/v3'], {
      input: 'nothing here\n',
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).endpoints.github).toBe('https://ghe.example/api/v3');
  });
});
