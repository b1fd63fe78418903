import { describe, expect, it } from '@jest/globals';
import { sendgrid } from '../../providers/sendgrid/index.js';
import { refusal } from '../../src/core/operations.js';
import { sendgridOperation, sendgridProblems } from './spec.js';

const ENDPOINT = new URL('https://api.sendgrid.com');
const allowed = (method: string, path: string) =>
  refusal(sendgrid.operations!, ENDPOINT, method, new URL(path, ENDPOINT), undefined) === undefined;

// SendGrid endpoints that send, mint or list keys and users, or change the account (the fact
// sheet's §8 and the published descriptions): none may pass the door.
const FORBIDDEN: [string, string][] = [
  ['POST', '/v3/mail/send'],
  ['GET', '/v3/api_keys'],
  ['GET', '/v3/api_keys/key_1'],
  ['POST', '/v3/api_keys'],
  ['DELETE', '/v3/api_keys/key_1'],
  ['PUT', '/v3/api_keys/key_1'],
  ['GET', '/v3/teammates'],
  ['POST', '/v3/teammates'],
  ['GET', '/v3/subusers'],
  ['POST', '/v3/subusers'],
  ['PUT', '/v3/user/password'],
  ['PUT', '/v3/user/email'],
  ['PATCH', '/v3/user/profile'],
  ['GET', '/v3/user/webhooks/event/settings'],
];

describe('SendGrid operations', () => {
  it('allow the three reads, each present in the descriptions as a GET', () => {
    for (const op of sendgrid.operations!) {
      expect(allowed(op.method, op.path)).toBe(true);
      expect(sendgridOperation(op.method, op.path)).toBeDefined();
    }
  });

  it.each(FORBIDDEN)('refuse %s %s', (method, path) => {
    expect(allowed(method, path)).toBe(false);
  });

  it('the description check the double runs is not vacuous', () => {
    expect(sendgridProblems('/v3/scopes', { scope: ['mail.send'] })).not.toEqual([]);
    expect(sendgridProblems('/v3/user/account', { type: 'enterprise', reputation: 1 })).not.toEqual([]);
  });
});
