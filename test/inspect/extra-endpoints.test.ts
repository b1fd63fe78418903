import { describe, expect, it } from '@jest/globals';
import { resolveEndpoints } from '../../src/cli/endpoints.js';
import { EndpointViolation, ReadOnlyViolation } from '../../src/core/errors.js';
import type { Provider } from '../../src/core/provider.js';
import { DEFAULT_HTTP_OPTIONS, ReadOnlyHttp } from '../../src/inspect/http.js';

// A provider that needs two hosts: an API, and a token endpoint it POSTs one exchange to.
const twoHosts: Provider = {
  id: 'twohosts',
  name: 'Two Hosts',
  docsUrl: 'https://example.com',
  rules: [],
  endpoint: { default: 'https://api.example.com', flag: 'twohosts-api-url', env: ['TOKENSCOPE_TWOHOSTS_API_URL'] },
  extraEndpoints: {
    oauth: { default: 'https://oauth.example.com', flag: 'twohosts-oauth-url', env: ['TOKENSCOPE_TWOHOSTS_OAUTH_URL'] },
  },
  operations: [
    { method: 'GET', path: '/v1/things' },
    { method: 'POST', path: '/token', endpoint: 'oauth', body: { readOnlyBecause: 'mints a read-only token' } },
  ],
};

describe('a provider with a named extra endpoint', () => {
  it('resolves each endpoint from its own flag, else its environment variable, else its default', () => {
    expect(resolveEndpoints([twoHosts], {}, {})).toEqual({
      twohosts: new URL('https://api.example.com'),
      'twohosts.oauth': new URL('https://oauth.example.com'),
    });
    const e = resolveEndpoints(
      [twoHosts],
      { 'twohosts-oauth-url': 'http://127.0.0.1:9/' },
      { TOKENSCOPE_TWOHOSTS_API_URL: 'http://localhost:8/' },
    );
    expect(e.twohosts?.href).toBe('http://localhost:8/');
    expect(e['twohosts.oauth']?.href).toBe('http://127.0.0.1:9/');
    expect(() => resolveEndpoints([twoHosts], { 'twohosts-oauth-url': 'http://10.0.0.1/' }, {})).toThrow(
      '--twohosts-oauth-url',
    );
  });

  const sent: string[] = [];
  const fetchImpl = (async (url: string | URL | Request, init?: RequestInit) => {
    sent.push(`${init?.method ?? 'GET'} ${String(url)}`);
    return new Response('{}', { status: 200 });
  }) as typeof fetch;
  const door = new ReadOnlyHttp(
    [new URL('https://api.example.com'), { name: 'oauth', url: new URL('https://oauth.example.com') }],
    DEFAULT_HTTP_OPTIONS,
    fetchImpl,
    twoHosts.operations,
  );

  it('allows each operation only at its own endpoint', async () => {
    await door.fetch('https://oauth.example.com/token', { method: 'POST', body: 'grant' });
    await door.fetch('https://api.example.com/v1/things');
    expect(sent).toEqual(['POST https://oauth.example.com/token', 'GET https://api.example.com/v1/things']);
    // The token exchange is not an operation of the API host, nor the API's read one of the token host.
    await expect(door.fetch('https://api.example.com/token', { method: 'POST', body: 'grant' })).rejects.toThrow(
      ReadOnlyViolation,
    );
    await expect(door.fetch('https://oauth.example.com/v1/things')).rejects.toThrow(ReadOnlyViolation);
    await expect(door.fetch('https://elsewhere.example.com/token', { method: 'POST' })).rejects.toThrow(
      EndpointViolation,
    );
    expect(sent).toHaveLength(2);
  });
});
