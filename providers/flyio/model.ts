import type { Actions } from './macaroon.js';
import type { FlyClaims } from './claims.js';

/**
 * What the Fly.io inspector learns, kept in Scope.facts.flyio for the risk rules and the
 * remediation (never reported raw).
 */
export interface FlyVolume {
  name: string;
  sizeGb: number;
  region: string;
}

export interface FlyApp {
  name: string;
  organization: string;
  status: string;
  /** A Postgres cluster app (Fly's `postgres_cluster` role): the app is the database. */
  postgres: boolean;
  /** The policy's production words in the app's or its organization's name: Fly has no marker of its own. */
  production: boolean;
  machines: number;
  volumes: FlyVolume[];
  /** What this token may do to this app, all caveats combined. */
  actions: Actions;
}

export interface FlyOrganization {
  slug: string;
  name: string;
  type: string;
  viewerRole: string;
}

export interface FlyFacts {
  kind: FlyClaims['kind'];
  identity: string | null;
  organizations: FlyOrganization[];
  apps: FlyApp[];
  /** What the token may do organization-wide (macaroons: decoded; user tokens: everything). */
  actions: Actions;
  expiresAt: string | null;
  /** False when the reach could not be fully mapped (cap, refusal, time budget). */
  complete: boolean;
}

export function flyFacts(facts: Record<string, unknown> | undefined): FlyFacts | undefined {
  const f = facts?.flyio;
  if (typeof f !== 'object' || f === null || !Array.isArray((f as FlyFacts).apps)) return undefined;
  return f as FlyFacts;
}

export function describeApp(a: FlyApp): string {
  return `${a.postgres ? 'Postgres cluster app' : 'app'} "${a.name}" of organization "${a.organization}"`;
}

export function describeVolume(v: FlyVolume, a: FlyApp): string {
  return `volume "${v.name}" (${v.sizeGb} GB, ${v.region}) of app "${a.name}"`;
}

/** Where a user learns to make a narrower Fly.io token. */
export const FLY_TOKENS_DOCS_URL = 'https://fly.io/docs/security/tokens/';

/** A user or organization-wide token: everything a user or an organization has. */
export const isWide = (f: FlyFacts): boolean => f.kind === 'user' || f.kind === 'organization';
