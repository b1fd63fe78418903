import type { Capability, Scope, Unknown } from '../../src/core/types.js';
import type { Classification } from './classify.js';
import type { Expiry } from './expiry.js';
import { describeEnvironment, type ProjectFact, type RailwayFacts, TOKEN_NAMES, type TokenKind } from './model.js';
import { DESTRUCTIVE_MUTATIONS } from './queries.js';
import type { Reach } from './reach.js';

type LiveClassification = Extract<Classification, { kind: 'account' | 'workspace' | 'project' }>;

/** Turns what the walk learned into the normalized scope every report reads. */
export function buildScope(cls: LiveClassification, reach: Reach, expiry: Expiry): Scope {
  const facts: RailwayFacts = {
    kind: cls.kind,
    workspaces: reach.workspaces,
    projects: reach.projects,
    expiry: expiry.expiry,
    complete: reach.complete,
    ...(cls.kind === 'project'
      ? {
          tokenEnvironment: {
            project: cls.project.name,
            environment: cls.environment.name,
            production: reach.projects[0]?.environments[0]?.production ?? false,
          },
        }
      : {}),
  };
  const unknowns: Unknown[] = [...reach.unknowns, ...(expiry.unknown ? [expiry.unknown] : [])];
  return {
    identity: identity(cls, reach),
    tokenType: TOKEN_NAMES[cls.kind],
    permissions: [...DESTRUCTIVE_MUTATIONS[cls.kind]],
    capabilities: worstFirst(
      cls.kind === 'project' ? projectTokenCapabilities(reach.projects) : adminCapabilities(cls.kind, reach),
    ),
    reach: reachMap(reach),
    expiresAt: expiry.expiresAt,
    unknowns,
    facts: { railway: facts },
  };
}

/** The scope of a live token whose reach Railway withholds until two-factor is set up. */
export function twoFactorScope(kind: Extract<TokenKind, 'account' | 'workspace'>, message: string): Scope {
  const facts: RailwayFacts = { kind, workspaces: [], projects: [], expiry: 'unknown', complete: false };
  return {
    identity: null,
    tokenType: TOKEN_NAMES[kind],
    permissions: [...DESTRUCTIVE_MUTATIONS[kind]],
    capabilities: [],
    reach: {},
    expiresAt: null,
    unknowns: [
      {
        what: 'reach',
        reason: `Railway accepts the token but requires two-factor authentication before it lists what the token reaches (${message})`,
      },
    ],
    facts: { railway: facts },
  };
}

const ACTION_RANK = { delete: 0, admin: 1, write: 2, read: 3 } as const;

/** What a reader must see first: destruction in production, then any destruction, then the rest. */
function worstFirst(caps: Capability[]): Capability[] {
  const rank = (c: Capability) => (c.production ? 0 : 4) + ACTION_RANK[c.action];
  return [...caps].sort((a, b) => rank(a) - rank(b));
}

function identity(cls: LiveClassification, reach: Reach): string | null {
  switch (cls.kind) {
    case 'account':
      return `user ${cls.user.email}`;
    case 'workspace':
      return reach.workspaces.length > 0 ? `workspace ${reach.workspaces.map((w) => `"${w}"`).join(', ')}` : null;
    case 'project':
      return `${describeEnvironment(cls.environment.name, cls.project.name)}`;
  }
}

function reachMap(reach: Reach): Record<string, string[]> {
  const map: Record<string, string[]> = {
    workspaces: reach.workspaces,
    projects: reach.projects.map((p) => p.name),
    environments: reach.projects.flatMap((p) => p.environments.map((e) => `${p.name}/${e.name}`)),
    services: reach.projects.flatMap((p) => p.services.map((s) => `${p.name}/${s}`)),
    volumes: reach.projects.flatMap((p) => p.volumes.map((v) => `${p.name}/${v.environment}/${v.name}`)),
    buckets: reach.projects.flatMap((p) => p.buckets.map((b) => `${p.name}/${b}`)),
  };
  // Empty lists say nothing the absence of a key does not.
  return Object.fromEntries(Object.entries(map).filter(([, v]) => v.length > 0));
}

/**
 * Account and workspace tokens act as an admin over all they reach: delete projects,
 * environments, services and volumes (with their backups), and read and write every variable.
 */
function adminCapabilities(kind: 'account' | 'workspace', reach: Reach): Capability[] {
  const caps: Capability[] = reach.workspaces.map((w) => ({
    action: 'admin',
    resource: kind === 'account' ? `workspace "${w}"` : `every project of workspace "${w}"`,
  }));
  for (const p of reach.projects) {
    caps.push({ action: 'admin', resource: `project "${p.name}"` });
    for (const e of p.environments) {
      const where = { environment: e.name, production: e.production };
      caps.push({ action: 'delete', resource: describeEnvironment(e.name, p.name), ...where });
      caps.push({
        action: 'write',
        resource: `variables of every service in ${describeEnvironment(e.name, p.name)}`,
        ...where,
      });
    }
    for (const v of p.volumes) {
      caps.push({
        action: 'delete',
        resource: `volume "${v.name}" and its backups in ${describeEnvironment(v.environment, p.name)} (${volumeDetail(v)})`,
        environment: v.environment,
        production: v.production,
      });
    }
    for (const s of p.services) caps.push({ action: 'delete', resource: `service "${s}" of project "${p.name}"` });
    for (const b of p.buckets) {
      caps.push({
        action: 'write',
        resource: `bucket "${b}" of project "${p.name}" (its S3 credentials can be read and reset)`,
      });
    }
  }
  return caps;
}

/** A project token deploys, and manages variables and volumes, in its one environment. */
function projectTokenCapabilities(projects: ProjectFact[]): Capability[] {
  const caps: Capability[] = [];
  for (const p of projects) {
    for (const e of p.environments) {
      const where = { environment: e.name, production: e.production };
      const env = describeEnvironment(e.name, p.name);
      caps.push({ action: 'write', resource: `deployments of the services in ${env}`, ...where });
      caps.push({ action: 'write', resource: `variables of every service in ${env}`, ...where });
    }
    for (const v of p.volumes) {
      caps.push({
        action: 'write',
        resource: `volume "${v.name}" in ${describeEnvironment(v.environment, p.name)} (${volumeDetail(v)})`,
        environment: v.environment,
        production: v.production,
      });
    }
  }
  return caps;
}

function volumeDetail(v: { mountPath: string; sizeMB: number; currentSizeMB: number; service?: string }): string {
  const used = `${Math.round(v.currentSizeMB)} of ${v.sizeMB} MB used`;
  return `mounted at ${v.mountPath}${v.service ? ` on service "${v.service}"` : ''}, ${used}`;
}
