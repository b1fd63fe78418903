import type { IncomingMessage } from 'node:http';
import { type Answer, type FaultPlan, type LivePlan, RestDouble } from '../helpers/rest-double.js';

/**
 * A loopback Hugging Face Hub answering `GET /api/whoami-v2` in the shape of huggingface.js's
 * types (api-who-am-i.ts: id, type, name, fullname, email, orgs[], auth.accessToken { displayName,
 * role, createdAt }) plus what clients observe and the fact sheet marks unconfirmed: `roleInOrg`
 * on each organization, and `fineGrained { global, scoped: [{ entity, permissions }] }`. An
 * unknown token: 401 `{ error: "Invalid credentials in Authorization header" }`.
 */

export interface DoubleOrg {
  name: string;
  roleInOrg?: 'admin' | 'write' | 'contributor' | 'read';
}

export interface HfPlan extends LivePlan {
  role: 'read' | 'write' | 'fineGrained' | 'org';
  displayName?: string;
  expiresAt?: string;
  scoped?: { entity: { type: string; name: string }; permissions: string[] }[];
  global?: string[];
}

export interface DoubleWorld {
  user: string;
  orgs: DoubleOrg[];
  tokens: Map<string, HfPlan | FaultPlan>;
}

export class HuggingFaceDouble extends RestDouble<HfPlan> {
  constructor(private readonly world: DoubleWorld) {
    super('huggingface', world.tokens);
  }

  protected error(_status: number, message: string): unknown {
    return { error: message };
  }

  protected override unknownToken(): Answer {
    return { status: 401, body: { error: 'Invalid credentials in Authorization header' } };
  }

  protected route(path: string, _q: URLSearchParams, who: HfPlan, _h: IncomingMessage['headers']): Answer {
    if (path !== '/api/whoami-v2')
      return { status: 404, body: { error: "Sorry, we can't find the page you are looking for." } };
    const w = this.world;
    if (who.role === 'org') {
      // A deprecated organization token answers as the organization.
      return {
        status: 200,
        body: {
          type: 'org',
          id: '64b0000000000000000000aa',
          name: 'acme-ai',
          fullname: 'Acme AI',
          isEnterprise: false,
          auth: { type: 'access_token' },
        },
      };
    }
    return {
      status: 200,
      body: {
        type: 'user',
        id: '64a0000000000000000000ff',
        name: w.user,
        fullname: 'ML Ops',
        email: `${w.user}@acme.example`,
        emailVerified: true,
        canPay: false,
        isPro: false,
        periodEnd: null,
        avatarUrl: '/avatars/mlops.svg',
        orgs: w.orgs.map((o, i) => ({
          type: 'org',
          id: `64b00000000000000000000${i}`,
          name: o.name,
          fullname: o.name,
          email: null,
          canPay: false,
          periodEnd: null,
          avatarUrl: '/avatars/org.svg',
          ...(o.roleInOrg ? { roleInOrg: o.roleInOrg } : {}),
          isEnterprise: false,
        })),
        auth: {
          type: 'access_token',
          accessToken: {
            displayName: who.displayName ?? 'laptop',
            role: who.role,
            createdAt: '2026-01-10T09:00:00.000Z',
            ...(who.role === 'fineGrained'
              ? { fineGrained: { global: who.global ?? [], scoped: who.scoped ?? [], canReadGatedRepos: false } }
              : {}),
          },
          ...(who.expiresAt ? { expiresAt: who.expiresAt } : {}),
        },
      },
    };
  }
}
