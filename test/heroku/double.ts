import type { IncomingMessage } from 'node:http';
import { type Answer, type FaultPlan, type LivePlan, RestDouble } from '../helpers/rest-double.js';
import { herokuProblems, loadHerokuSchema } from './schema.js';

/**
 * A loopback Heroku Platform API (version 3). Every JSON body it serves is checked against the
 * target schema of its link in Heroku's published schema (`problems` collects any mismatch). Lists
 * are served in ranges (`Range: id ..; max=N`, 206 with `Next-Range`), errors as `{ id, message }`.
 * The `OAuth-Scope` answer header is modelled (UNCONFIRMED: not in the schema), and only for tokens
 * whose plan says so.
 */

export interface DoubleApp {
  id: string;
  name: string;
  /** A team name, or undefined for a personal app. */
  team?: string;
  ownerEmail: string;
  /** The pipeline stage it is coupled at. */
  stage?: 'test' | 'review' | 'development' | 'staging' | 'production';
}

export interface DoubleAddon {
  id: string;
  name: string;
  service: string;
  plan: string;
  app: string;
}

export interface HerokuPlan extends LivePlan {
  scope: 'global' | 'read' | 'write' | 'identity';
  /** Send the OAuth-Scope header (default true). */
  scopeHeader?: boolean;
}

export interface DoubleWorld {
  user: { id: string; email: string };
  teams: { id: string; name: string; role: 'admin' | 'member' | 'collaborator' }[];
  apps: DoubleApp[];
  addons: DoubleAddon[];
  tokens: Map<string, HerokuPlan | FaultPlan>;
  maxPageSize: number;
}

const T = '2026-01-02T03:04:05Z';
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export class HerokuDouble extends RestDouble<HerokuPlan> {
  /** Every way a served body strayed from Heroku's schema: tests assert it stays empty. */
  readonly problems: string[] = [];

  constructor(private readonly world: DoubleWorld) {
    super('heroku', world.tokens);
  }

  protected override prepare(): void {
    loadHerokuSchema(['/account', '/teams', '/apps', '/addons', '/pipeline-couplings']);
  }

  protected error(status: number, message: string): unknown {
    const id = { 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 429: 'rate_limit' }[status] ?? 'unavailable';
    return { id, message };
  }

  protected override unknownToken(): Answer {
    return { status: 401, body: this.error(401, 'Invalid credentials provided.') };
  }

  protected route(path: string, _query: URLSearchParams, who: HerokuPlan, headers: IncomingMessage['headers']): Answer {
    const scopeHeader: Record<string, string> = who.scopeHeader === false ? {} : { 'oauth-scope': who.scope };
    if (path !== '/account' && who.scope === 'identity') {
      return {
        status: 403,
        body: this.error(403, 'This OAuth authorization does not grant access to this resource'),
        headers: scopeHeader,
      };
    }
    const body = this.body(path);
    if (body === undefined) return { status: 404, body: this.error(404, "Couldn't find that resource.") };
    try {
      this.problems.push(...herokuProblems(path, body));
    } catch (e) {
      this.problems.push(`schema check failed: ${(e as Error).message}`);
    }
    if (!Array.isArray(body)) return { status: 200, body, headers: scopeHeader };
    // Ranges by id: `id ..; max=N` first, `id ]<last id>..; max=N` after.
    const range = typeof headers.range === 'string' ? headers.range : '';
    const after = /^id \]([^.]+)\.\./.exec(range)?.[1];
    const max = Math.min(Number(/max=(\d+)/.exec(range)?.[1] ?? 200), this.world.maxPageSize);
    const sorted = [...(body as { id: string }[])].sort((a, b) => a.id.localeCompare(b.id));
    const rest = after ? sorted.filter((x) => x.id > after) : sorted;
    const slice = rest.slice(0, max);
    if (rest.length <= max) return { status: 200, body: slice, headers: scopeHeader };
    return {
      status: 206,
      body: slice,
      headers: { ...scopeHeader, 'next-range': `id ]${slice[slice.length - 1]!.id}..; max=${max}` },
    };
  }

  private body(path: string): unknown {
    const w = this.world;
    switch (path) {
      case '/account':
        return {
          allow_tracking: true,
          beta: false,
          created_at: T,
          email: w.user.email,
          federated: false,
          id: w.user.id,
          identity_provider: null,
          last_login: T,
          name: 'Ops',
          sms_number: null,
          suspended_at: null,
          delinquent_at: null,
          two_factor_authentication: true,
          updated_at: T,
          verified: true,
          default_organization: null,
          default_team: null,
        };
      case '/teams':
        return w.teams.map((t) => ({
          id: t.id,
          created_at: T,
          credit_card_collections: true,
          default: false,
          enterprise_account: null,
          identity_provider: null,
          membership_limit: null,
          name: t.name,
          provisioned_licenses: false,
          role: t.role,
          type: 'team',
          updated_at: T,
        }));
      case '/apps':
        return w.apps.map((a) => {
          const team = a.team ? w.teams.find((t) => t.name === a.team) : undefined;
          return {
            acm: false,
            archived_at: null,
            buildpack_provided_description: 'Node.js',
            build_stack: { id: uuid(900), name: 'heroku-24' },
            created_at: T,
            generation: { id: uuid(901), name: 'cedar' },
            git_url: `https://git.heroku.com/${a.name}.git`,
            id: a.id,
            internal_routing: null,
            maintenance: false,
            name: a.name,
            owner: { email: a.ownerEmail, id: a.team ? (team?.id ?? uuid(902)) : uuid(903) },
            organization: team ? { id: team.id, name: team.name } : null,
            team: team ? { id: team.id, name: team.name } : null,
            region: { id: uuid(904), name: 'us' },
            released_at: T,
            repo_size: null,
            slug_size: 12345678,
            space: null,
            stack: { id: uuid(900), name: 'heroku-24' },
            updated_at: T,
            web_url: `https://${a.name}.herokuapp.com/`,
          };
        });
      case '/addons':
        return w.addons.map((o) => {
          const app = w.apps.find((a) => a.name === o.app)!;
          return {
            actions: [],
            addon_service: { id: uuid(910), name: o.service },
            billing_entity: { id: app.id, name: app.name, type: 'app' },
            app: { id: app.id, name: app.name },
            billed_price: { cents: 5000, contract: false, unit: 'month' },
            config_vars: o.service === 'heroku-postgresql' ? ['DATABASE_URL'] : [],
            created_at: T,
            id: o.id,
            name: o.name,
            plan: { id: uuid(911), name: `${o.service}:${o.plan}` },
            provider_id: `resource${o.id.slice(-4)}@heroku.com`,
            state: 'provisioned',
            updated_at: T,
            web_url: null,
          };
        });
      case '/pipeline-couplings':
        return w.apps
          .filter((a) => a.stage)
          .map((a, i) => ({
            app: { id: a.id },
            created_at: T,
            id: uuid(920 + i),
            pipeline: { id: uuid(930) },
            stage: a.stage,
            updated_at: T,
          }));
      default:
        return undefined;
    }
  }
}
