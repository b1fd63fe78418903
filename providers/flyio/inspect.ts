import type { InspectContext } from '../../src/core/provider.js';
import { scrub } from '../../src/core/scrub.js';
import type { Credential, Inspection, Unknown } from '../../src/core/types.js';
import { type FlyClaims, flyClaims, TOKEN_TYPES } from './claims.js';
import { ask } from './client.js';
import type { FlyFacts } from './model.js';
import { VIEWER } from './queries.js';
import { FlyRefusal, listOrganizations, mapApps, type OrgNode } from './reach.js';
import { buildScope } from './scope.js';

const ALL = 'rwcdC';

/** Asks Fly.io, read-only, what the token reaches; macaroon caveats are decoded first, offline. */
export async function inspectFly(credential: Credential, ctx: InspectContext): Promise<Inspection> {
  const result = await inspectUnscrubbed(credential, ctx);
  // Fly's own words travel into reasons and unknowns: none may carry the token, nor one of the
  // macaroons it is made of.
  let text = scrub(JSON.stringify(result), credential);
  for (const piece of credential.secret.reveal().split(/[\s,]+/)) {
    if (piece.length >= 16) text = text.split(piece).join('[redacted]');
  }
  return JSON.parse(text) as Inspection;
}

async function inspectUnscrubbed(credential: Credential, ctx: InspectContext): Promise<Inspection> {
  const claims = flyClaims(credential.secret.reveal());
  if (claims.kind === 'undecodable') {
    // Not sent anywhere: Fly.io would read it no better than we do.
    return { verification: 'unverified', reason: claims.reason, scope: null };
  }
  if (claims.kind !== 'user' && claims.expiresAt !== null && Date.parse(claims.expiresAt) < Date.now()) {
    return {
      verification: 'invalid',
      reason: `its ValidityWindow caveat ended on ${claims.expiresAt}: Fly.io refuses it (decoded offline, not sent)`,
      scope: null,
    };
  }
  const viewer = await ask(ctx, credential, VIEWER);
  let orgs: { nodes: OrgNode[]; truncated: boolean };
  try {
    orgs = await listOrganizations(credential, ctx);
  } catch (e) {
    if (!(e instanceof FlyRefusal)) throw e;
    if (e.answer.refusal === 'unauthorized' && (!viewer.ok || claims.kind === 'user')) {
      return { verification: 'invalid', reason: `Fly.io rejects it: ${e.answer.message}`, scope: null };
    }
    throw e;
  }
  const unknowns: Unknown[] = [];
  const identity = viewer.ok ? emailOf(viewer.data) : null;
  if (!viewer.ok && claims.kind !== 'user') {
    unknowns.push({ what: 'identity', reason: `Fly.io does not say whose token this is: ${viewer.message}` });
  }
  const reached =
    claims.kind === 'user' ? orgs.nodes : orgs.nodes.filter((o) => claims.organizations.includes(o.numericId));
  if (orgs.truncated) unknowns.push({ what: 'organizations', reason: 'only the first 200 were read' });
  const actions = claims.kind === 'user' ? ALL : claims.actions;
  const grants = claims.kind === 'user' ? undefined : claims.apps;
  const reach = await mapApps(credential, ctx, reached, actions, grants);
  if (reach.apps.length > 0) {
    unknowns.push({
      what: 'production',
      reason: 'Fly.io has no production marker: production is read from app and organization names only',
    });
  }
  if (claims.kind === 'user') {
    unknowns.push({
      what: 'role limits',
      reason:
        "a user token can do whatever the user's role allows in each organization (viewerRole shown); Fly.io lists no per-action rights for it",
    });
  }
  const facts: FlyFacts = {
    kind: claims.kind,
    identity,
    organizations: reached.map(({ numericId: _, ...o }) => o),
    apps: reach.apps,
    actions,
    expiresAt: claims.kind === 'user' ? null : claims.expiresAt,
    complete: reach.complete && !orgs.truncated,
  };
  const partial = facts.complete ? '' : ' (reach only partly mapped: see unknowns)';
  return {
    verification: 'verified',
    reason: `Fly.io accepts it as ${article(TOKEN_TYPES[claims.kind])}${partial}`,
    scope: buildScope(facts, claims as Exclude<FlyClaims, { kind: 'undecodable' }>, [...unknowns, ...reach.unknowns]),
  };
}

function emailOf(data: Record<string, unknown>): string | null {
  const v = data.viewer;
  if (typeof v === 'object' && v !== null && typeof (v as { email?: unknown }).email === 'string') {
    return (v as { email: string }).email;
  }
  return null;
}

function article(s: string): string {
  return /^[aeiou]/i.test(s) ? `an ${s}` : `a ${s}`;
}
