import type { InspectContext } from '../../src/core/provider.js';
import type { Credential, Unknown } from '../../src/core/types.js';
import { isProductionName } from '../../src/assess/policy.js';
import { ProviderUnavailableError } from '../../src/core/errors.js';
import type { Actions, ResourceGrant } from './macaroon.js';
import { type Answer, ask } from './client.js';
import type { FlyApp, FlyOrganization } from './model.js';
import { APPS_PAGE, ORGANIZATIONS_PAGE } from './queries.js';

const PAGE_SIZE = 50;
/** Pages followed per listing at most: a confused server that always says "more" stops here. */
const MAX_PAGES = 40;

function unexpected(path: string, what: string): never {
  throw new ProviderUnavailableError(`unexpected answer from Fly.io: ${path} is not ${what}`);
}
function obj(v: unknown, path: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) unexpected(path, 'an object');
  return v as Record<string, unknown>;
}
function str(v: unknown, path: string): string {
  if (typeof v !== 'string') unexpected(path, 'a string');
  return v;
}
function num(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) unexpected(path, 'a number');
  return v;
}
function list(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) unexpected(path, 'a list');
  return v;
}

interface Page<T> {
  nodes: T[];
  next: string | undefined;
}

function page<T>(v: unknown, path: string, read: (node: unknown, path: string) => T): Page<T> {
  const c = obj(v, path);
  const info = obj(c.pageInfo, `${path}.pageInfo`);
  const nodes = list(c.nodes, `${path}.nodes`).map((n, i) => read(n, `${path}.nodes[${i}]`));
  const more = info.hasNextPage === true && typeof info.endCursor === 'string';
  return { nodes, next: more ? (info.endCursor as string) : undefined };
}

async function walk<T>(
  fetch: (after: string | null) => Promise<Page<T>>,
  limit: number,
): Promise<{ nodes: T[]; truncated: boolean }> {
  const nodes: T[] = [];
  const seen = new Set<string>();
  let after: string | null = null;
  for (let i = 0; i < MAX_PAGES; i++) {
    const p: Page<T> = await fetch(after);
    nodes.push(...p.nodes);
    if (p.next === undefined) return { nodes: nodes.slice(0, limit), truncated: nodes.length > limit };
    if (nodes.length >= limit || seen.has(p.next)) return { nodes: nodes.slice(0, limit), truncated: true };
    seen.add(p.next);
    after = p.next;
  }
  return { nodes: nodes.slice(0, limit), truncated: true };
}

export interface OrgNode extends FlyOrganization {
  numericId: string;
}

function readOrg(v: unknown, path: string): OrgNode {
  const o = obj(v, path);
  return {
    numericId: String(o.internalNumericId ?? unexpected(`${path}.internalNumericId`, 'present')),
    slug: str(o.slug, `${path}.slug`),
    name: str(o.name, `${path}.name`),
    type: str(o.type, `${path}.type`),
    viewerRole: typeof o.viewerRole === 'string' ? o.viewerRole : '',
  };
}

interface AppNode {
  numericId: string;
  name: string;
  status: string;
  postgres: boolean;
  machines: number;
  volumes: { name: string; sizeGb: number; region: string }[];
  moreVolumes: boolean;
}

function readApp(v: unknown, path: string): AppNode {
  const a = obj(v, path);
  const role = a.role === null || a.role === undefined ? undefined : obj(a.role, `${path}.role`);
  const vols = obj(a.volumes, `${path}.volumes`);
  const volumes = list(vols.nodes, `${path}.volumes.nodes`).map((x, i) => {
    const o = obj(x, `${path}.volumes.nodes[${i}]`);
    return {
      name: str(o.name, `${path}.volumes.nodes[${i}].name`),
      sizeGb: num(o.sizeGb, `${path}.volumes.nodes[${i}].sizeGb`),
      region: str(o.region, `${path}.volumes.nodes[${i}].region`),
    };
  });
  return {
    numericId: String(num(a.internalNumericId, `${path}.internalNumericId`)),
    name: str(a.name, `${path}.name`),
    status: str(a.status, `${path}.status`),
    postgres: role?.__typename === 'PostgresClusterAppRole' || role?.name === 'postgres_cluster',
    machines: num(obj(a.machines, `${path}.machines`).totalCount, `${path}.machines.totalCount`),
    volumes,
    moreVolumes: num(vols.totalCount, `${path}.volumes.totalCount`) > volumes.length,
  };
}

function dataOr(answer: Answer, what: string): Record<string, unknown> {
  if (answer.ok) return answer.data;
  throw new FlyRefusal(answer, what);
}

/** Fly.io said no to a listing. */
export class FlyRefusal extends Error {
  constructor(
    readonly answer: Exclude<Answer, { ok: true }>,
    what: string,
  ) {
    super(`Fly.io refused to list ${what}: ${answer.message}`);
  }
}

export async function listOrganizations(
  credential: Credential,
  ctx: InspectContext,
): Promise<{ nodes: OrgNode[]; truncated: boolean }> {
  return walk(async (after) => {
    const data = dataOr(await ask(ctx, credential, ORGANIZATIONS_PAGE, { first: PAGE_SIZE, after }), 'organizations');
    return page(data.organizations, 'organizations', readOrg);
  }, 200);
}

export interface Reach {
  apps: FlyApp[];
  complete: boolean;
  unknowns: Unknown[];
}

/** The apps of each organization the token may touch, with what it may do to each. */
export async function mapApps(
  credential: Credential,
  ctx: InspectContext,
  orgs: OrgNode[],
  actions: Actions,
  grants: ResourceGrant[] | undefined,
): Promise<Reach> {
  const apps: FlyApp[] = [];
  const unknowns: Unknown[] = [];
  let complete = true;
  const limit = Math.max(1, ctx.policy.maxProjects);
  for (const org of orgs) {
    if (apps.length >= limit) {
      complete = false;
      unknowns.push({ what: 'apps', reason: `stopped after ${limit} apps (policy maxProjects)` });
      break;
    }
    let listed: { nodes: AppNode[]; truncated: boolean };
    try {
      listed = await walk(async (after) => {
        const data = dataOr(
          await ask(ctx, credential, APPS_PAGE, { slug: org.slug, first: PAGE_SIZE, after }),
          `the apps of organization "${org.slug}"`,
        );
        return page(obj(data.organization, 'organization').apps, 'organization.apps', readApp);
      }, limit - apps.length);
    } catch (e) {
      if (!(e instanceof FlyRefusal)) throw e;
      complete = false;
      unknowns.push({ what: `apps of organization "${org.slug}"`, reason: e.message });
      continue;
    }
    if (listed.truncated) {
      complete = false;
      unknowns.push({
        what: `apps of organization "${org.slug}"`,
        reason: `only the first ${listed.nodes.length} were read`,
      });
    }
    for (const a of listed.nodes) {
      const may = grantFor(a.numericId, actions, grants);
      if (may === undefined) continue;
      if (a.moreVolumes) {
        complete = false;
        unknowns.push({ what: `volumes of app "${a.name}"`, reason: 'only the first 50 were read' });
      }
      apps.push({
        name: a.name,
        organization: org.slug,
        status: a.status,
        postgres: a.postgres,
        production:
          isProductionName(a.name, ctx.policy) ||
          isProductionName(org.slug, ctx.policy) ||
          isProductionName(org.name, ctx.policy),
        machines: a.machines,
        volumes: a.volumes,
        actions: may,
      });
    }
  }
  return { apps, complete, unknowns };
}

/** What the token may do to one app: its grant in an Apps caveat, else the organization's. */
function grantFor(numericId: string, actions: Actions, grants: ResourceGrant[] | undefined): Actions | undefined {
  if (!grants) return actions;
  const g = grants.find((x) => x.id === numericId) ?? grants.find((x) => x.id === '0');
  return g?.actions;
}
