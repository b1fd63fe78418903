import { isProductionName } from '../../src/assess/policy.js';
import type { InspectContext } from '../../src/core/provider.js';
import type { Credential, Unknown } from '../../src/core/types.js';
import { ProviderUnavailableError } from '../../src/core/errors.js';
import { type AuthStyle, ask } from './client.js';
import { type Classification, PAGE_SIZE } from './classify.js';
import type { EnvironmentFact, ProjectFact, VolumeFact } from './model.js';
import {
  type EnvironmentNode,
  type Named,
  type ProjectNode,
  readEnvironment,
  readNamed,
  readProject,
  readServiceInstance,
  readVolumeInstance,
  type VolumeInstanceNode,
} from './parse.js';
import {
  ENVIRONMENT_SERVICE_INSTANCES_PAGE,
  ENVIRONMENT_VOLUME_INSTANCES_PAGE,
  PROJECT_BUCKETS_PAGE,
  PROJECT_ENVIRONMENTS_PAGE,
  PROJECT_SERVICES_PAGE,
  PROJECTS_PAGE,
  TOKEN_ENVIRONMENT,
  TOKEN_WORKSPACES,
} from './queries.js';
import { arr, obj, type Page, page, walk } from './shape.js';

export interface Reach {
  workspaces: string[];
  projects: ProjectFact[];
  unknowns: Unknown[];
  complete: boolean;
}

/** Thrown inside the walk when Railway refuses one question; the walk notes it and goes on. */
class Refused extends Error {}

/**
 * Walks what a token reaches: projects (capped by policy.maxProjects), and in each its
 * environments, services, buckets and volumes, following every Relay connection to its end.
 * Classification already proved the token live, so trouble half-way (a refusal, a 429, the time
 * budget) does not throw the verified result away: the walk stops, says why in `unknowns`, and
 * returns what it mapped.
 */
export class ReachWalker {
  readonly unknowns: Unknown[] = [];
  complete = true;
  private stopped = false;

  constructor(
    private readonly credential: Credential,
    private readonly ctx: InspectContext,
    private readonly auth: AuthStyle,
  ) {}

  /**
   * Runs `step`; a refusal becomes an unknown and the walk goes on. An unavailable service or a
   * spent budget stops all further questions: what the first pages already said is kept.
   */
  async guarded<T>(what: string, step: () => Promise<T>): Promise<T | undefined> {
    if (this.stopped) return undefined;
    try {
      return await step();
    } catch (e) {
      if (!(e instanceof Refused || e instanceof ProviderUnavailableError)) throw e;
      this.complete = false;
      if (e instanceof Refused) {
        this.unknowns.push({ what, reason: e.message });
      } else {
        this.stopped = true;
        this.unknowns.push({ what, reason: `${e.message}; the walk stopped there` });
      }
      return undefined;
    }
  }

  async data(query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
    const answer = await ask(this.ctx, this.credential, this.auth, query, variables);
    if (!answer.ok) throw new Refused(`Railway refused the question: ${answer.message}`);
    return answer.data;
  }

  /** Pages of projects (one workspace, or the token's own when `workspaceId` is null) up to `limit`. */
  async projects(workspaceId: string | null, limit: number, first?: Page<ProjectNode>) {
    const ask = async (after: string | null) =>
      page(
        (await this.data(PROJECTS_PAGE, { first: Math.min(PAGE_SIZE, limit), after, workspaceId })).projects,
        'projects',
        readProject,
      );
    return walk(first ?? (await ask(null)), ask, limit);
  }

  /** A project node completed: every page of its connections, production environments marked. */
  async project(node: ProjectNode, workspace?: string): Promise<ProjectFact> {
    const vars = { projectId: node.id, first: PAGE_SIZE };
    const connection = (query: string, field: string) => async (after: string) => {
      const p = obj((await this.data(query, { ...vars, after })).project, 'project');
      return p[field];
    };
    const next = <T>(query: string, field: string, read: (v: unknown, path: string) => T) => {
      const get = connection(query, field);
      return async (after: string) => page(await get(after), `project.${field}`, read);
    };
    const where = `project "${node.name}"`;
    const environments =
      (await this.guarded(
        `environments of ${where}`,
        async () =>
          (
            await walk(node.environments, next(PROJECT_ENVIRONMENTS_PAGE, 'environments', readEnvironment))
          ).nodes,
      )) ?? node.environments.nodes;
    const services =
      (await this.guarded(
        `services of ${where}`,
        async () => (await walk(node.services, next(PROJECT_SERVICES_PAGE, 'services', readNamed))).nodes,
      )) ?? node.services.nodes;
    const buckets =
      (await this.guarded(
        `buckets of ${where}`,
        async () => (await walk(node.buckets, next(PROJECT_BUCKETS_PAGE, 'buckets', readNamed))).nodes,
      )) ?? node.buckets.nodes;
    const marked = environments.map((e) => this.mark(e, node));
    const serviceNames = new Map(services.map((s) => [s.id, s.name]));
    const volumes: VolumeFact[] = [];
    for (const env of environments) {
      const instances = await this.volumeInstances(env, where);
      const fact = marked.find((m) => m.id === env.id)!;
      volumes.push(...instances.map((v) => volumeFact(v, fact, serviceNames)));
    }
    return {
      id: node.id,
      name: node.name,
      ...((workspace ?? node.workspace?.name) ? { workspace: workspace ?? node.workspace?.name } : {}),
      environments: marked,
      services: services.map((s) => s.name),
      buckets: buckets.map((b) => b.name),
      volumes,
    };
  }

  async volumeInstances(env: EnvironmentNode, where: string): Promise<VolumeInstanceNode[]> {
    const next = async (after: string) =>
      page(
        obj(
          (await this.data(ENVIRONMENT_VOLUME_INSTANCES_PAGE, { environmentId: env.id, first: PAGE_SIZE, after }))
            .environment,
          'environment',
        ).volumeInstances,
        'environment.volumeInstances',
        readVolumeInstance,
      );
    return (
      (await this.guarded(
        `volumes of environment "${env.name}" of ${where}`,
        async () => (await walk(env.volumeInstances, next)).nodes,
      )) ?? env.volumeInstances.nodes
    );
  }

  mark(env: Named, project: { baseEnvironmentId?: string; primaryEnvironmentId?: string }): EnvironmentFact {
    const production =
      isProductionName(env.name, this.ctx.policy) ||
      env.id === project.baseEnvironmentId ||
      env.id === project.primaryEnvironmentId;
    return { id: env.id, name: env.name, production };
  }

  /** The workspaces an API token may operate on, from `apiToken` (workspace tokens). */
  async tokenWorkspaces(): Promise<string[] | undefined> {
    return this.guarded('workspaces', async () =>
      arr(obj((await this.data(TOKEN_WORKSPACES, {})).apiToken, 'apiToken').workspaces, 'apiToken.workspaces').map(
        (w, i) => readNamed(w, `apiToken.workspaces[${i}]`).name,
      ),
    );
  }

  /** The one environment of a project token: its volumes and the services deployed in it. */
  async tokenEnvironment(cls: Extract<Classification, { kind: 'project' }>): Promise<ProjectFact> {
    const fact = this.mark(cls.environment, cls.project);
    const where = `project "${cls.project.name}"`;
    const env = await this.guarded(`environment "${cls.environment.name}" of ${where}`, async () => {
      const e = obj(
        (await this.data(TOKEN_ENVIRONMENT, { environmentId: cls.environment.id, first: PAGE_SIZE })).environment,
        'environment',
      );
      return {
        node: readEnvironment(e, 'environment'),
        services: page(e.serviceInstances, 'environment.serviceInstances', readServiceInstance),
      };
    });
    if (!env)
      return {
        id: cls.project.id,
        name: cls.project.name,
        environments: [fact],
        services: [],
        buckets: [],
        volumes: [],
      };
    const nextServices = async (after: string) =>
      page(
        obj(
          (
            await this.data(ENVIRONMENT_SERVICE_INSTANCES_PAGE, {
              environmentId: cls.environment.id,
              first: PAGE_SIZE,
              after,
            })
          ).environment,
          'environment',
        ).serviceInstances,
        'environment.serviceInstances',
        readServiceInstance,
      );
    const services =
      (await this.guarded(
        `services of environment "${cls.environment.name}" of ${where}`,
        async () => (await walk(env.services, nextServices)).nodes,
      )) ?? env.services.nodes;
    const serviceNames = new Map(services.map((s) => [s.serviceId, s.serviceName]));
    const instances = await this.volumeInstances(env.node, where);
    return {
      id: cls.project.id,
      name: cls.project.name,
      environments: [fact],
      services: [...new Set(services.map((s) => s.serviceName))],
      buckets: [],
      volumes: instances.map((v) => volumeFact(v, fact, serviceNames)),
    };
  }
}

function volumeFact(v: VolumeInstanceNode, env: EnvironmentFact, services: Map<string, string>): VolumeFact {
  const service = v.serviceId !== undefined ? services.get(v.serviceId) : undefined;
  return {
    id: v.volume.id,
    name: v.volume.name,
    environment: env.name,
    environmentId: env.id,
    mountPath: v.mountPath,
    sizeMB: v.sizeMB,
    currentSizeMB: v.currentSizeMB,
    ...(service !== undefined ? { service } : {}),
    production: env.production,
  };
}

type LiveClassification = Extract<Classification, { kind: 'account' | 'workspace' | 'project' }>;

/** Maps everything a classified token reaches. */
export async function mapReach(cls: LiveClassification, credential: Credential, ctx: InspectContext): Promise<Reach> {
  const walker = new ReachWalker(credential, ctx, cls.kind === 'project' ? 'project' : 'bearer');
  const projects: ProjectFact[] = [];
  let workspaces: string[] = [];
  if (cls.kind === 'project') {
    projects.push(await walker.tokenEnvironment(cls));
  } else if (cls.kind === 'account') {
    workspaces = cls.workspaces.map((w) => w.name);
    await walkAccount(walker, cls.workspaces, ctx.policy.maxProjects, projects);
  } else {
    await walkWorkspace(walker, cls.firstPage, ctx.policy.maxProjects, projects);
    workspaces = [...new Set(projects.flatMap((p) => (p.workspace ? [p.workspace] : [])))];
    if (workspaces.length === 0) workspaces = (await walker.tokenWorkspaces()) ?? [];
  }
  return { workspaces, projects, unknowns: walker.unknowns, complete: walker.complete };
}

/** An account token reaches every workspace of its user: walk each, up to the cap in all. */
async function walkAccount(walker: ReachWalker, workspaces: Named[], cap: number, out: ProjectFact[]): Promise<void> {
  const seen = new Set<string>();
  // A user always has a personal workspace; with none listed, ask for the token's own projects.
  const sources: { id: string | null; name?: string }[] = workspaces.length > 0 ? workspaces : [{ id: null }];
  for (const ws of sources) {
    const remaining = cap - seen.size;
    if (remaining <= 0) {
      // Workspaces are left unwalked: they may hold more projects.
      capped(walker, cap);
      return;
    }
    const label = ws.name ? `projects of workspace "${ws.name}"` : 'projects';
    const listed = await walker.guarded(label, () => walker.projects(ws.id, remaining));
    if (!listed) continue;
    if (listed.truncated) capped(walker, cap);
    for (const node of listed.nodes) {
      if (seen.has(node.id)) continue;
      seen.add(node.id);
      out.push(await walker.project(node, ws.name));
    }
  }
}

/** A workspace token reaches one workspace: the classification probe already read its first page. */
async function walkWorkspace(walker: ReachWalker, first: Page<ProjectNode>, cap: number, out: ProjectFact[]) {
  const listed = await walker.guarded('projects', () => walker.projects(null, cap, first));
  if (!listed) return;
  if (listed.truncated) capped(walker, cap);
  for (const node of listed.nodes) out.push(await walker.project(node));
}

function capped(walker: ReachWalker, cap: number): void {
  const reason = `the walk stopped after ${cap} projects (policy maxProjects); the token may reach more`;
  if (!walker.unknowns.some((u) => u.reason === reason)) walker.unknowns.push({ what: 'projects', reason });
  walker.complete = false;
}
