/**
 * A Cloudflare token's policies (GET /user/tokens/{id}: `policies[]` of `{effect, resources,
 * permission_groups[{id, name}]}`), read as "may this token do X to that zone or account?".
 * Resource keys: `com.cloudflare.api.account.zone.<zone id>` or `...zone.*`, and
 * `com.cloudflare.api.account.<account id>` or `...account.*`, whose value is "*" or a nested map of
 * zone keys. A deny policy wins over an allow.
 */
export interface Policy {
  effect: 'allow' | 'deny';
  resources: Record<string, unknown>;
  permissions: string[];
}

export function readPolicies(v: unknown): Policy[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((p) => {
    if (typeof p !== 'object' || p === null) return [];
    const o = p as { effect?: unknown; resources?: unknown; permission_groups?: unknown };
    const groups = Array.isArray(o.permission_groups) ? o.permission_groups : [];
    return [
      {
        effect: o.effect === 'deny' ? 'deny' : 'allow',
        resources:
          typeof o.resources === 'object' && o.resources !== null ? (o.resources as Record<string, unknown>) : {},
        permissions: groups.flatMap((g) =>
          typeof (g as { name?: unknown })?.name === 'string' ? [(g as { name: string }).name] : [],
        ),
      },
    ];
  });
}

const ZONE = 'com.cloudflare.api.account.zone.';
const ACCOUNT = 'com.cloudflare.api.account.';

/** Whether a policy's resources cover this zone. */
function coversZone(resources: Record<string, unknown>, zoneId: string, accountId: string): boolean {
  for (const [key, value] of Object.entries(resources)) {
    if (key === `${ZONE}${zoneId}` || key === `${ZONE}*`) return true;
    if (key === `${ACCOUNT}*` || key === `${ACCOUNT}${accountId}`) {
      if (value === '*') return true;
      if (
        typeof value === 'object' &&
        value !== null &&
        coversZone(value as Record<string, unknown>, zoneId, accountId)
      )
        return true;
    }
  }
  return false;
}

/** Whether a policy's resources cover this account itself (its Workers, R2, D1). */
function coversAccount(resources: Record<string, unknown>, accountId: string): boolean {
  return Object.keys(resources).some((k) => k === `${ACCOUNT}*` || k === `${ACCOUNT}${accountId}`);
}

function may(policies: Policy[], permission: RegExp, covers: (r: Record<string, unknown>) => boolean): boolean {
  const matching = policies.filter((p) => covers(p.resources) && p.permissions.some((n) => permission.test(n)));
  return matching.some((p) => p.effect === 'allow') && !matching.some((p) => p.effect === 'deny');
}

/** Cloudflare's permission group names (developers.cloudflare.com/fundamentals/api/reference/permissions). */
export const PERMISSION = {
  dnsWrite: /^DNS Write$/,
  zoneWrite: /^Zone Write$/,
  workersWrite: /^Workers Scripts Write$/,
  r2Write: /^Workers R2 Storage Write$/,
  d1Write: /^D1 Write$/,
  tokensWrite: /^(API Tokens Write|Account API Tokens Write)$/,
} as const;

export function mayOnZone(policies: Policy[], permission: RegExp, zoneId: string, accountId: string): boolean {
  return may(policies, permission, (r) => coversZone(r, zoneId, accountId));
}

export function mayOnAccount(policies: Policy[], permission: RegExp, accountId: string): boolean {
  return may(policies, permission, (r) => coversAccount(r, accountId));
}

/** Every zone (an account's or all), not chosen ones: a policy with a zone wildcard or an account key. */
export function coversAllZones(policies: Policy[]): boolean {
  return policies.some(
    (p) =>
      p.effect === 'allow' &&
      Object.keys(p.resources).some((k) => k === `${ZONE}*` || (k.startsWith(ACCOUNT) && !k.startsWith(ZONE))),
  );
}

export function mintsTokens(policies: Policy[]): boolean {
  return policies.some((p) => p.effect === 'allow' && p.permissions.some((n) => PERMISSION.tokensWrite.test(n)));
}
