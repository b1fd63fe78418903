import { intentMismatch } from '../../src/assess/place-risks.js';
import { listSome } from '../../src/assess/places.js';
import type { AssessInput } from '../../src/core/provider.js';
import type { RiskSignal } from '../../src/core/types.js';
import {
  adminScopes,
  isOwnerOrAdmin,
  postsAsUser,
  privateReads,
  type SlackFacts,
  slackFacts,
  writes,
} from './model.js';

const where = (f: SlackFacts) =>
  f.enterpriseInstall ? `every workspace of Enterprise Grid ${f.enterpriseId ?? ''}`.trim() : `workspace "${f.team}"`;

function admin(f: SlackFacts): RiskSignal[] {
  const scopes = adminScopes(f);
  if (scopes.length > 0) {
    return [
      {
        id: 'admin',
        severity: 'critical',
        message: `has admin scope(s) ${listSome(scopes)}: it administers users, channels and apps of ${where(f)}`,
      },
    ];
  }
  if (f.kind === 'user token' && isOwnerOrAdmin(f) && writes(f)) {
    return [
      {
        id: 'admin',
        severity: 'high',
        message: `its user is a workspace ${f.role} of ${where(f)}: within its write scopes it acts with an ${f.role === 'admin' ? 'admin' : 'owner'}'s rights over every channel and message`,
      },
    ];
  }
  return [];
}

function readsPrivate(f: SlackFacts): RiskSignal[] {
  const scopes = privateReads(f);
  if (scopes.length === 0) return [];
  return [
    {
      id: 'reads-private-messages',
      severity: 'high',
      message: `can read private conversations (${listSome(scopes)}) of ${where(f)}`,
    },
  ];
}

function postsAsPerson(f: SlackFacts): RiskSignal[] {
  if (!postsAsUser(f)) return [];
  return [
    {
      id: 'can-post-as-user',
      severity: 'high',
      message: `posts messages as a person of ${where(f)}: a convincing phishing channel inside the company`,
    },
  ];
}

function noExpiry(f: SlackFacts): RiskSignal[] {
  if (f.expiresInSeconds !== undefined) return [];
  return [{ id: 'no-expiry', severity: 'low', message: 'not a rotating token: it works until someone revokes it' }];
}

/** Slack's own risks, from the facts the inspector kept. */
export function assessSlack(input: AssessInput): RiskSignal[] {
  if (input.inspection.verification !== 'verified') return [];
  const f = slackFacts(input.inspection.scope?.facts);
  if (!f) return [];
  const risks = [...admin(f), ...readsPrivate(f), ...postsAsPerson(f)];
  const broad = risks.some((r) => r.id === 'admin');
  return [...risks, ...(broad ? intentMismatch(input, `this token administers ${where(f)}`) : []), ...noExpiry(f)];
}
