import { intentMismatchRisk } from '../../src/assess/place-risks.js';
import { listSome } from '../../src/assess/places.js';
import type { AssessInput } from '../../src/core/provider.js';
import type { RiskSignal } from '../../src/core/types.js';
import { type HuggingFaceFacts, huggingfaceFacts } from './model.js';

const orgsWith = (f: HuggingFaceFacts, rights: 'admin' | 'write') =>
  f.owners.filter((o) => o.kind === 'org' && (rights === 'write' ? o.rights !== 'read' : o.rights === 'admin'));

function writes(f: HuggingFaceFacts): string {
  const orgs = orgsWith(f, 'write').map((o) => `"${o.name}"`);
  return `can push to every model, dataset and Space of organization(s) ${listSome(orgs)}`;
}

/** Models others load: replacing weights or code there reaches everyone who pulls them. */
function broadRepoWrite(f: HuggingFaceFacts): RiskSignal[] {
  if (orgsWith(f, 'write').length === 0) return [];
  return [
    {
      id: 'broad-repo-write',
      severity: 'high',
      message: `${writes(f)}: it can replace model weights and code that everyone who loads them runs`,
    },
  ];
}

function admin(f: HuggingFaceFacts): RiskSignal[] {
  const orgs = orgsWith(f, 'admin').map((o) => `"${o.name}"`);
  if (orgs.length === 0) return [];
  return [
    {
      id: 'admin',
      severity: 'high',
      message: `acts as an admin of organization(s) ${listSome(orgs)}: members, settings and every repo, which it can delete`,
    },
  ];
}

function noExpiry(f: HuggingFaceFacts): RiskSignal[] {
  if (f.expiresAt || orgsWith(f, 'write').length + f.repoWrites.length === 0) return [];
  return [
    { id: 'no-expiry', severity: 'medium', message: 'Hugging Face shows no expiry for this token that can write' },
  ];
}

/** Hugging Face's own risks, from the facts the inspector kept. */
export function assessHuggingFace(input: AssessInput): RiskSignal[] {
  if (input.inspection.verification !== 'verified') return [];
  const f = huggingfaceFacts(input.inspection.scope?.facts);
  if (!f) return [];
  return [
    ...admin(f),
    ...broadRepoWrite(f),
    ...(orgsWith(f, 'write').length > 0 ? intentMismatchRisk(input, writes(f)) : []),
    ...noExpiry(f),
  ];
}
