import type { IncomingMessage } from 'node:http';
import { type Answer, type FaultPlan, type LivePlan, linkPage, RestDouble } from '../helpers/rest-double.js';
import { netlifyProblems, prepareNetlifyValidators } from './swagger.js';

/**
 * A loopback Netlify API below /api/v1. Every JSON body it serves is checked against the 200
 * schema of its operation in Netlify's published description (`problems` collects any mismatch).
 * Lists come in pages with a `Link: <...>; rel="next"` header; errors as `{ code, message }`.
 */
export interface DoubleTeam {
  id: string;
  slug: string;
  name: string;
  ownerIds: string[];
  members: { id: string; email: string; role: string }[];
}

export interface DoubleZone {
  id: string;
  name: string;
  accountSlug: string;
  /** The site it serves, when it serves one. */
  siteId?: string;
}

export type NetlifyPlan = LivePlan;

export interface DoubleWorld {
  user: { id: string; email: string; siteCount: number };
  teams: DoubleTeam[];
  zones: DoubleZone[];
  tokens: Map<string, NetlifyPlan | FaultPlan>;
  maxPageSize: number;
}

const T = '2026-01-02T03:04:05Z';

export class NetlifyDouble extends RestDouble<NetlifyPlan> {
  readonly problems: string[] = [];

  constructor(private readonly world: DoubleWorld) {
    super('netlify', world.tokens, '/api/v1');
  }

  protected override prepare(): void {
    prepareNetlifyValidators(['/user', '/accounts', '/{account_slug}/members', '/dns_zones']);
  }

  protected error(status: number, message: string): unknown {
    return { code: status, message };
  }

  protected route(
    path: string,
    query: URLSearchParams,
    _who: NetlifyPlan,
    headers: IncomingMessage['headers'],
  ): Answer {
    const w = this.world;
    const self = (p: string) => `http://${headers.host}/api/v1${p}`;
    const checked = (template: string, a: Answer): Answer => {
      this.problems.push(...netlifyProblems(template, a.body));
      return a;
    };
    if (path === '/user') {
      return checked('/user', {
        status: 200,
        body: {
          id: w.user.id,
          uid: w.user.id,
          full_name: 'Ops',
          avatar_url: 'https://example.org/a.png',
          email: w.user.email,
          affiliate_id: '',
          site_count: w.user.siteCount,
          created_at: T,
          last_login: T,
          login_providers: ['email'],
          onboarding_progress: { slides: 'done' },
        },
      });
    }
    if (path === '/accounts') {
      const teams = w.teams.map((t) => ({
        id: t.id,
        name: t.name,
        slug: t.slug,
        type: 'team',
        capabilities: { sites: { included: 500, used: 3 }, collaborators: { included: 5, used: t.members.length } },
        billing_name: t.name,
        billing_email: w.user.email,
        billing_details: '',
        billing_period: 'monthly',
        payment_method_id: 'pm_1',
        type_name: 'Pro',
        type_id: 'pro',
        owner_ids: t.ownerIds,
        roles_allowed: ['Owner', 'Developer', 'Reviewer'],
        created_at: T,
        updated_at: T,
      }));
      return checked('/accounts', linkPage(teams, query, w.maxPageSize, self('/accounts')));
    }
    const members = /^\/([^/]+)\/members$/.exec(path);
    if (members) {
      const team = w.teams.find((t) => t.slug === members[1]);
      if (!team) return { status: 404, body: this.error(404, 'Not Found') };
      return checked('/{account_slug}/members', {
        status: 200,
        body: team.members.map((m) => ({
          id: m.id,
          full_name: m.email.split('@')[0]!,
          email: m.email,
          avatar: '',
          role: m.role,
        })),
      });
    }
    if (path === '/dns_zones') {
      const zones = w.zones.map((z) => ({
        id: z.id,
        name: z.name,
        errors: [],
        supported_record_types: ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS'],
        user_id: w.user.id,
        created_at: T,
        updated_at: T,
        records: [
          {
            id: `rec-${z.id}`,
            hostname: z.name,
            type: 'NETLIFY',
            value: 'site.netlify.app',
            ttl: 3600,
            dns_zone_id: z.id,
            site_id: z.siteId ?? '',
            managed: true,
          },
        ],
        dns_servers: ['dns1.p01.nsone.net', 'dns2.p01.nsone.net'],
        account_id: w.teams.find((t) => t.slug === z.accountSlug)?.id ?? '',
        site_id: z.siteId ?? '',
        account_slug: z.accountSlug,
        account_name: z.accountSlug,
        domain: z.name,
        ipv6_enabled: true,
        dedicated: false,
      }));
      return checked('/dns_zones', linkPage(zones, query, w.maxPageSize, self('/dns_zones')));
    }
    return { status: 404, body: this.error(404, 'Not Found') };
  }
}
