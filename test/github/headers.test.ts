import { expect, test } from '@jest/globals';
import { parseTokenExpiration } from '../../providers/github/expiry.js';
import { expandScopes, parseScopeHeader } from '../../providers/github/scopes.js';

test('expiry header: the UTC style and the offset style, both to one instant', () => {
  expect(parseTokenExpiration('2025-03-01 12:00:00 UTC')).toBe('2025-03-01T12:00:00.000Z');
  expect(parseTokenExpiration('2025-03-01 12:00:00 -0700')).toBe('2025-03-01T19:00:00.000Z');
  expect(parseTokenExpiration('2025-03-01 12:00:00 +0530')).toBe('2025-03-01T06:30:00.000Z');
  expect(parseTokenExpiration('next tuesday')).toBeUndefined();
});

test('scope header: split, trimmed, empty means none', () => {
  expect(parseScopeHeader('repo, admin:org ,gist')).toEqual(['repo', 'admin:org', 'gist']);
  expect(parseScopeHeader('')).toEqual([]);
});

test('scopes expand to what they imply, transitively, each once', () => {
  expect(expandScopes(['user'])).toEqual(['read:user', 'user', 'user:email', 'user:follow']);
  expect(expandScopes(['admin:enterprise'])).toEqual([
    'admin:enterprise',
    'manage_billing:enterprise',
    'manage_runners:enterprise',
    'read:enterprise',
  ]);
  expect(expandScopes(['admin:public_key', 'read:public_key'])).toEqual([
    'admin:public_key',
    'read:public_key',
    'write:public_key',
  ]);
});
