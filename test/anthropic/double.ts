import { type Answer, type FaultPlan, type LivePlan, RestDouble } from '../helpers/rest-double.js';

/**
 * A loopback Anthropic API in the shapes of its API reference (the fact sheet's §6): `x-api-key`
 * and a required `anthropic-version`; lists as `{ data, has_more, first_id, last_id }`; errors as
 * `{ type: 'error', error: { type, message } }`; the organization id in the
 * `anthropic-organization-id` header of every answer. Admin keys work only on /v1/organizations/*,
 * API keys only elsewhere.
 */
export interface AnthropicPlan extends LivePlan {
  key: 'admin' | 'api';
}

export const ORGANIZATION = { id: '12345678-1234-5678-1234-567812345678', type: 'organization', name: 'Acme Labs' };
export const MEMBER_EMAIL = 'grace@acme.example';
/** Another key's hint, as the api_keys listing shows it: never to be repeated. */
export const KEY_HINT = 'sk-ant-api03-R2D...igAA';

export class AnthropicDouble extends RestDouble<AnthropicPlan> {
  constructor(tokens: Map<string, AnthropicPlan | FaultPlan>) {
    super('anthropic', tokens);
  }

  protected error(status: number, message: string): unknown {
    const type =
      status === 401
        ? 'authentication_error'
        : status === 403
          ? 'permission_error'
          : status === 429
            ? 'rate_limit_error'
            : status >= 500
              ? 'api_error'
              : 'not_found_error';
    return { type: 'error', error: { type, message } };
  }

  protected override unknownToken(): Answer {
    return { status: 401, body: this.error(401, 'invalid x-api-key') };
  }

  protected route(path: string, query: URLSearchParams, who: AnthropicPlan, headers: Record<string, unknown>): Answer {
    if (headers['anthropic-version'] !== '2023-06-01')
      return { status: 400, body: this.error(400, 'anthropic-version: header is required') };
    const h = { 'anthropic-organization-id': ORGANIZATION.id, 'request-id': 'req_01' };
    const list = (data: Array<{ id: string } & Record<string, unknown>>): Answer => {
      const page = data.slice(0, Number(query.get('limit') ?? 20));
      return {
        status: 200,
        headers: h,
        body: {
          data: page,
          has_more: page.length < data.length,
          first_id: page[0]?.id ?? null,
          last_id: page.at(-1)?.id ?? null,
        },
      };
    };
    const admin = path.startsWith('/v1/organizations/');
    if (admin !== (who.key === 'admin')) return { status: 401, body: this.error(401, 'invalid x-api-key') };
    switch (path) {
      case '/v1/models':
        return list([
          {
            id: 'claude-sonnet-4-5',
            type: 'model',
            display_name: 'Claude Sonnet 4.5',
            created_at: '2025-09-29T00:00:00Z',
          } as never,
        ]);
      case '/v1/organizations/me':
        return { status: 200, headers: h, body: ORGANIZATION };
      case '/v1/organizations/workspaces':
        return list(
          ['Default', 'production-agents', 'research'].map((name, i) => ({
            id: `wrkspc_0${i}`,
            type: 'workspace',
            name,
            created_at: '2025-01-01T00:00:00Z',
            archived_at: null,
            display_color: '#6C5BB9',
          })),
        );
      case '/v1/organizations/users':
        return list([
          {
            id: 'user_01',
            type: 'user',
            email: MEMBER_EMAIL,
            name: 'Grace',
            role: 'admin',
            added_at: '2025-01-01T00:00:00Z',
          },
        ]);
      case '/v1/organizations/api_keys':
        return list([
          {
            id: 'apikey_01',
            type: 'api_key',
            name: 'ci',
            status: 'active',
            created_at: '2025-01-01T00:00:00Z',
            created_by: { id: 'user_01', type: 'user' },
            expires_at: null,
            partial_key_hint: KEY_HINT,
            workspace_id: 'wrkspc_01',
          },
        ]);
      default:
        return { status: 404, body: this.error(404, 'Not found') };
    }
  }
}
