import { intentMismatch } from '../../src/assess/place-risks.js';
import { listSome } from '../../src/assess/places.js';
import type { AssessInput } from '../../src/core/provider.js';
import type { RiskSignal } from '../../src/core/types.js';
import { keyManagement, type SendgridFacts, sendgridFacts, sendsMail, userManagement } from './model.js';

const account = (f: SendgridFacts) => (f.username ? `account "${f.username}"` : 'the account');

function privilegeEscalation(f: SendgridFacts): RiskSignal[] {
  const scopes = keyManagement(f);
  if (scopes.length === 0) return [];
  return [
    {
      id: 'privilege-escalation',
      severity: 'critical',
      message: `can create, change or delete API keys (${listSome(scopes)}) of ${account(f)}: keys it mints outlive its own revocation`,
    },
  ];
}

function admin(f: SendgridFacts): RiskSignal[] {
  const scopes = userManagement(f);
  if (scopes.length === 0) return [];
  return [
    {
      id: 'admin',
      severity: 'critical',
      message: `manages who may use ${account(f)}: teammates and subusers (${listSome(scopes)})`,
    },
  ];
}

function sendMail(f: SendgridFacts): RiskSignal[] {
  if (!sendsMail(f)) return [];
  return [
    {
      id: 'can-send-mail',
      severity: 'high',
      message: `can send mail (mail.send) as ${account(f)}'s verified senders and domains: phishing that passes as the company`,
    },
  ];
}

/** SendGrid's own risks, from the scopes the key holds. */
export function assessSendgrid(input: AssessInput): RiskSignal[] {
  if (input.inspection.verification !== 'verified') return [];
  const f = sendgridFacts(input.inspection.scope?.facts);
  if (!f) return [];
  const broad = [...privilegeEscalation(f), ...admin(f)];
  return [
    ...broad,
    ...sendMail(f),
    ...(broad.length > 0 ? intentMismatch(input, `this key administers ${account(f)}: its API keys and users`) : []),
  ];
}
