import { describe, expect, it } from '@jest/globals';
import { assignmentName } from '../../src/detect/assignment.js';

describe('assignment names', () => {
  const cases: Array<[string, string | undefined]> = [
    ['RAILWAY_DOMAIN_TOKEN=', 'RAILWAY_DOMAIN_TOKEN'],
    ['export RAILWAY_TOKEN="', 'RAILWAY_TOKEN'],
    ['  "token": "', 'token'],
    ['api_key: ', 'api_key'],
    ['key := "', 'key'],
    ["config['secret'] = '", 'secret'],
    ['--token ', 'token'],
    ['aws.secret.key => ', 'aws.secret.key'],
    ['just some words and then', undefined],
    ['', undefined],
    ['url(', undefined],
  ];
  for (const [prefix, name] of cases) {
    it(`${JSON.stringify(prefix)} -> ${name}`, () => {
      expect(assignmentName(prefix)).toBe(name);
    });
  }

  it('stays fast on a long hostile prefix', () => {
    expect(assignmentName(`${'a'.repeat(100_000)}=`)).toBe('a'.repeat(199));
  });
});
