import { describe, expect, it } from '@jest/globals';
import { PROVIDERS } from '../../providers/registry.js';
import { Detector } from '../../src/detect/engine.js';
import { loadRules } from '../../src/detect/load.js';
import { serviceAccountKey } from './tokens.js';

const detector = new Detector(loadRules(PROVIDERS), PROVIDERS);
const found = (text: string) =>
  detector.scan({ text, path: 'key.json', source: 'tracked' }).filter((c) => c.ruleId === 'gcp-service-account-key');

describe('a service-account key is judged by its private key, not by its names', () => {
  it('is found though its project, account and token URL hold placeholder words (sample, example, test)', () => {
    const key = serviceAccountKey('sample-app-prod', 'example-deployer', 'https://oauth2.example.test/token');
    expect(found(key.json)).toHaveLength(1);
  });

  it('a template whose private key is a placeholder is not a key', () => {
    const o = JSON.parse(serviceAccountKey().json) as Record<string, string>;
    for (const placeholder of [
      '-----BEGIN PRIVATE KEY-----\nYOUR_PRIVATE_KEY_HERE\n-----END PRIVATE KEY-----\n',
      '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n',
      '-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n',
    ]) {
      expect(found(JSON.stringify({ ...o, private_key: placeholder }, null, 2))).toEqual([]);
    }
  });
});
