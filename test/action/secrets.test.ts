import { expect, test } from '@jest/globals';
import { maskableParts } from '../../src/action/secrets.js';
import { Secret } from '../../src/core/secret.js';

test('a one-line token is masked as it is', () => {
  expect(maskableParts(new Secret('sk_live_0123456789abcdefghij'))).toEqual(['sk_live_0123456789abcdefghij']);
});

test('a multi-line key: the whole value and each body line (the runner masks line by line), not the armour', () => {
  const pem =
    '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0B\nAQEFAASCBKcwggSjAgEAAoIB\n-----END PRIVATE KEY-----';
  expect(maskableParts(new Secret(pem))).toEqual([pem, 'MIIEvQIBADANBgkqhkiG9w0B', 'AQEFAASCBKcwggSjAgEAAoIB']);
});

test('a connection URL: the URL and its password, decoded too, since logs may print either', () => {
  const url = 'postgres://app:s3cr%40tpass@db.internal:5432/app';
  expect(maskableParts(new Secret(url, 'url'))).toEqual([url, 's3cr%40tpass', 's3cr@tpass']);
});
