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

test('values shorter than 8 characters are never masks: PR content could blank common words out of the log', () => {
  // The password FAILED (6 characters) is not registered; the whole URL (long) still is.
  expect(maskableParts(new Secret('postgres://a:FAILED@x', 'url'))).toEqual(['postgres://a:FAILED@x']);
  expect(maskableParts(new Secret('abc1234'))).toEqual([]);
  // Exactly 8 is enough.
  expect(maskableParts(new Secret('postgres://a:Passw0rd@db', 'url'))).toEqual([
    'postgres://a:Passw0rd@db',
    'Passw0rd',
  ]);
});

test('short lines of a multi-line value are not masks either', () => {
  const value = 'line-one-is-long-enough\nok\nnull';
  expect(maskableParts(new Secret(value))).toEqual([value, 'line-one-is-long-enough']);
});
