/**
 * What the Heroku inspector learns, kept in Scope.facts.heroku for the risk rules and the
 * remediation (never reported raw: the report prints capabilities, reach and risks instead).
 */
export const OAUTH_DOCS_URL = 'https://devcenter.heroku.com/articles/oauth#scopes';
export const TOKEN_DOCS_URL = 'https://devcenter.heroku.com/articles/authentication';

/** Heroku's OAuth scopes (devcenter.heroku.com/articles/oauth#scopes), widest first. */
export const SCOPES = ['global', 'write-protected', 'write', 'read-protected', 'read', 'identity'] as const;
export type HerokuScope = (typeof SCOPES)[number];

/** What a scope lets the token do to apps and their add-ons. */
export type Rights = 'delete' | 'write' | 'read' | 'none';

export function scopeRights(scopes: HerokuScope[]): Rights {
  if (scopes.some((s) => s === 'global' || s === 'write' || s === 'write-protected')) return 'delete';
  if (scopes.some((s) => s === 'read' || s === 'read-protected')) return 'read';
  return 'none';
}

/** Scopes that read config vars, and so every secret an app holds. */
export const readsConfigVars = (scopes: HerokuScope[]) =>
  scopes.some((s) => s === 'global' || s === 'read-protected' || s === 'write-protected');

export interface AppFact {
  name: string;
  /** The team that owns it, or undefined for a personal app. */
  team?: string;
  /** The token's user owns it (personal app) or administers its team. */
  owned: boolean;
  /** A pipeline couples it at the production stage, or the policy calls its name production. */
  production: boolean;
  /** The stage its pipeline coupling names, when one does. */
  stage?: string;
}

export interface AddonFact {
  name: string;
  service: string;
  plan: string;
  app: string;
  /** A database add-on (Heroku Postgres, Redis, Kafka): destroying it destroys the data. */
  database: boolean;
  production: boolean;
}

export interface HerokuFacts {
  /** The token's scopes, as Heroku's `OAuth-Scope` header said, or undefined when it said nothing. */
  scopes?: HerokuScope[];
  /** A bare UUID: the account's legacy API key or an unprefixed OAuth token, both usually global. */
  legacy: boolean;
  email?: string;
  teams: { name: string; role: string }[];
  apps: AppFact[];
  addons: AddonFact[];
  complete: boolean;
}

export function herokuFacts(facts: Record<string, unknown> | undefined): HerokuFacts | undefined {
  return facts?.heroku as HerokuFacts | undefined;
}

/**
 * The rights the token has on an app: its scope's, narrowed by the user's place (a team member
 * without admin can be refused a delete by the app's own permissions, which reads do not show).
 * With the scope unknown, the widest Heroku issues by default (global) is assumed: an upper bound.
 */
export function appRights(f: HerokuFacts, app: AppFact): Rights {
  const scope = f.scopes ? scopeRights(f.scopes) : 'delete';
  if (scope === 'delete' && !app.owned) return 'write';
  return scope;
}

export const DATABASE_SERVICES = new Set([
  'heroku-postgresql',
  'heroku-redis',
  'heroku-kafka',
  'heroku-postgresql-advanced',
]);
