import type { Scope, Unknown } from '../../src/core/types.js';
import {
  type Actions,
  type DecodedMacaroon,
  decodeFlyMacaroons,
  MacaroonFormatError,
  PERMISSION_LOCATION,
  type ResourceGrant,
} from './macaroon.js';

/** What a Fly.io token says about itself before any call: its kind, organizations, apps, expiry. */
export type FlyClaims =
  | { kind: 'user'; unknowns: Unknown[] }
  | {
      kind: 'deploy' | 'readonly' | 'organization' | 'limited';
      /** Fly's numeric organization ids (decimal). */
      organizations: string[];
      /** What the token may do in its organization, all caveats combined. */
      actions: Actions;
      /** Undefined: every app of the organization. */
      apps?: ResourceGrant[];
      expiresAt: string | null;
      unknowns: Unknown[];
    }
  | { kind: 'undecodable'; reason: string; unknowns: Unknown[] };

const ALL: Actions = 'rwcdC';
const FLY_EXPIRY_DEFAULT_NOTE = "Fly.io's default for created tokens is 20 years";

export function isMacaroonText(secret: string): boolean {
  return /^(FlyV1\s|fm\d)/.test(secret.trim());
}

/** Reads the token offline. A `fo1_` token is opaque: only the API can say more. */
export function flyClaims(secret: string): FlyClaims {
  if (!isMacaroonText(secret)) {
    return {
      kind: 'user',
      unknowns: [
        {
          what: 'expiry',
          reason: 'a fo1_ token is opaque (not a macaroon) and Fly.io has no query that returns its expiry',
        },
      ],
    };
  }
  let macaroons: DecodedMacaroon[];
  try {
    macaroons = decodeFlyMacaroons(secret);
  } catch (e) {
    if (!(e instanceof MacaroonFormatError)) throw e;
    const reason = `it has the shape of a Fly.io macaroon but ${e.message}`;
    return { kind: 'undecodable', reason, unknowns: [{ what: 'caveats', reason }] };
  }
  return fromMacaroons(macaroons);
}

function isPermission(m: DecodedMacaroon): boolean {
  return m.label === 'fm1r' || (m.label === 'fm2' && m.location === PERMISSION_LOCATION);
}

function fromMacaroons(macaroons: DecodedMacaroon[]): FlyClaims {
  const permission = macaroons.filter(isPermission);
  const discharges = macaroons.filter((m) => !isPermission(m));
  const unknowns: Unknown[] = [];
  if (permission.length === 0) {
    const reason = `none of its ${macaroons.length} macaroon(s) is a permission token for ${PERMISSION_LOCATION} (only discharges)`;
    return { kind: 'undecodable', reason, unknowns: [{ what: 'caveats', reason }] };
  }
  const organizations = [...new Set(permission.flatMap((m) => m.caveats.organizations.map((o) => o.id)))];
  let actions = ALL;
  let apps: ResourceGrant[] | undefined;
  const narrowed = new Set<string>();
  let mutations = false;
  for (const m of permission) {
    const c = m.caveats;
    for (const o of c.organizations) actions = both(actions, o.actions);
    if (c.actions !== undefined) actions = both(actions, c.actions);
    if (c.apps) apps = c.apps;
    if (c.otherwise !== undefined && !c.apps) actions = both(actions, c.otherwise);
    for (const n of c.narrowedTo) narrowed.add(n);
    if (c.mutations) mutations = true;
    if (c.unknownTypes.length > 0) {
      unknowns.push({
        what: 'caveats',
        reason: `caveat type(s) ${[...new Set(c.unknownTypes)].join(', ')} are not known to tokenscope: they may narrow the token further`,
      });
    }
  }
  if (organizations.length === 0) {
    unknowns.push({
      what: 'organization',
      reason: 'the token carries no Organization caveat, which Fly.io always adds',
    });
  }
  if (apps) apps = apps.map((a) => ({ id: a.id, actions: both(a.actions, actions) }));
  const notAfter = Math.min(...macaroons.map((m) => m.caveats.notAfter ?? Infinity));
  const expiresAt = Number.isFinite(notAfter) ? new Date(notAfter * 1000).toISOString() : null;
  if (expiresAt === null) {
    unknowns.push({
      what: 'expiry',
      reason: `no ValidityWindow caveat: the token states no expiry (${FLY_EXPIRY_DEFAULT_NOTE})`,
    });
  }
  const thirdParty = permission.flatMap((m) => m.caveats.thirdParty);
  if (thirdParty.length > discharges.length) {
    unknowns.push({
      what: 'discharge',
      reason: `its third-party caveat(s) (${[...new Set(thirdParty)].join(', ')}) have no discharge in the token: Fly.io may refuse it until one is obtained, which tokenscope never does (obtaining one is a POST)`,
    });
  }
  unknowns.push({
    what: 'signature',
    reason:
      "caveats are decoded, not verified: checking the HMAC chain needs Fly.io's key; a revoked token decodes the same",
  });
  if (narrowed.size > 0 || mutations) {
    unknowns.push({
      what: 'narrowing',
      reason: `further limited to chosen ${[...narrowed, ...(mutations ? ['GraphQL mutations'] : [])].join(', ')}: capabilities below are an upper bound`,
    });
  }
  const kind = kindOf(actions, apps, narrowed.size > 0 || mutations);
  return { kind, organizations, actions, ...(apps ? { apps } : {}), expiresAt, unknowns };
}

function kindOf(
  actions: Actions,
  apps: ResourceGrant[] | undefined,
  narrowed: boolean,
): 'deploy' | 'readonly' | 'organization' | 'limited' {
  if (narrowed) return 'limited';
  if (!/[wcdC]/.test(actions)) return 'readonly';
  if (apps && !apps.some((a) => a.id === '0')) return 'deploy';
  return 'organization';
}

function both(a: Actions, b: Actions): Actions {
  return [...a].filter((c) => b.includes(c)).join('');
}

export const TOKEN_TYPES: Record<FlyClaims['kind'], string> = {
  user: 'user auth token (fo1_)',
  deploy: 'app-scoped macaroon (deploy token)',
  readonly: 'read-only organization macaroon',
  organization: 'organization macaroon',
  limited: 'limited macaroon',
  undecodable: 'Fly.io macaroon (not decodable)',
};

/** What the report can say with no network: the decoded caveats. */
export function describeFlyOffline(secret: string): Partial<Scope> {
  const claims = flyClaims(secret);
  return {
    tokenType: TOKEN_TYPES[claims.kind],
    expiresAt: 'expiresAt' in claims ? claims.expiresAt : null,
    permissions: 'actions' in claims ? permissionsOf(claims) : [],
    unknowns: claims.unknowns,
  };
}

/** `organization 1234: rwcdC`, `app 567: rwcdC`: the decoded grants, as permissions. */
export function permissionsOf(claims: Extract<FlyClaims, { actions: Actions }>): string[] {
  return [
    ...claims.organizations.map((o) => `organization ${o}: ${claims.actions || 'none'}`),
    ...(claims.apps ?? []).map((a) => `${a.id === '0' ? 'every app' : `app ${a.id}`}: ${a.actions || 'none'}`),
  ];
}
