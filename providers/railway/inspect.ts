import type { InspectContext } from '../../src/core/provider.js';
import { scrub } from '../../src/core/scrub.js';
import type { Credential, Inspection } from '../../src/core/types.js';
import { classify } from './classify.js';
import { type Expiry, expiryOf } from './expiry.js';
import { A_TOKEN } from './model.js';
import { mapReach } from './reach.js';
import { buildScope, twoFactorScope } from './scope.js';

// ProjectToken has no expiry field in Railway's schema: nothing to ask.
const PROJECT_TOKEN_EXPIRY: Expiry = {
  expiry: 'unknown',
  expiresAt: null,
  unknown: { what: 'expiry', reason: "Railway's API shows no expiry for project tokens" },
};

/** Asks Railway, read-only, what the token is and what it reaches. */
export async function inspectRailway(credential: Credential, ctx: InspectContext): Promise<Inspection> {
  // Railway's own words (error messages, names) travel into reasons and unknowns: should a
  // service ever echo the token, it must not reach a report.
  return scrubDeep(await inspectUnscrubbed(credential, ctx), credential);
}

function scrubDeep<T>(value: T, credential: Credential): T {
  if (typeof value === 'string') return scrub(value, credential) as T;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, credential)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubDeep(v, credential)])) as T;
  }
  return value;
}

async function inspectUnscrubbed(credential: Credential, ctx: InspectContext): Promise<Inspection> {
  const cls = await classify(credential, ctx);
  if (cls.kind === 'invalid') {
    return { verification: 'invalid', reason: `Railway rejects it: ${cls.message}`, scope: null };
  }
  if (cls.kind === 'two-factor') {
    return {
      verification: 'verified',
      reason: `Railway accepts it as ${A_TOKEN[cls.tokenKind]}, but withholds its reach until two-factor authentication is set up`,
      scope: twoFactorScope(cls.tokenKind, cls.message),
    };
  }
  const reach = await mapReach(cls, credential, ctx);
  const expiry = cls.kind === 'project' ? PROJECT_TOKEN_EXPIRY : await expiryOf(credential, ctx);
  const partial = reach.complete ? '' : ' (reach only partly mapped: see unknowns)';
  return {
    verification: 'verified',
    reason: `Railway accepts it as ${A_TOKEN[cls.kind]}${partial}`,
    scope: buildScope(cls, reach, expiry),
  };
}
