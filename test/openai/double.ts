import { type Answer, type FaultPlan, type LivePlan, RestDouble } from '../helpers/rest-double.js';

/**
 * A loopback OpenAI API in the shapes of openai/openai-openapi (the fact sheet's §5): `{ object:
 * 'list', data, first_id, last_id, has_more }` lists of models, organization projects and users;
 * errors as `{ error: { message, type, param, code } }`, an unknown key 401 `invalid_api_key`
 * quoting the key's ends as OpenAI does. Every answer to a known key carries `openai-organization`
 * (documented) and, for a project key, `openai-project` (modelled: unconfirmed).
 */
export interface OpenAIPlan extends LivePlan {
  key: 'admin' | 'project';
  project?: string;
  /** A restricted project key without the models read scope. */
  noModels?: boolean;
}

export const ORGANIZATION = 'org-AcmeResearch01';
export const MEMBER_EMAIL = 'ada@acme.example';
const PROJECTS = ['Default project', 'chatbot-prod', 'eval-sandbox'];

export class OpenAIDouble extends RestDouble<OpenAIPlan> {
  constructor(tokens: Map<string, OpenAIPlan | FaultPlan>) {
    super('openai', tokens);
  }

  protected error(status: number, message: string): unknown {
    const type = status === 429 ? 'requests' : status >= 500 ? 'server_error' : 'invalid_request_error';
    return { error: { message, type, param: null, code: status === 401 ? 'invalid_api_key' : null } };
  }

  protected override unknownToken(): Answer {
    return {
      status: 401,
      body: this.error(
        401,
        'Incorrect API key provided: sk-proj-********************7xQa. You can find your API key at https://platform.openai.com/account/api-keys.',
      ),
    };
  }

  protected route(path: string, query: URLSearchParams, who: OpenAIPlan): Answer {
    const headers = { 'openai-organization': ORGANIZATION, ...(who.project ? { 'openai-project': who.project } : {}) };
    const list = (data: unknown[]) => {
      const page = data.slice(0, Number(query.get('limit') ?? 20));
      const id = (o: unknown) => (o as { id: string }).id;
      return {
        status: 200,
        headers,
        body: {
          object: 'list',
          data: page,
          first_id: page.length ? id(page[0]) : null,
          last_id: page.length ? id(page.at(-1)) : null,
          has_more: page.length < data.length,
        },
      };
    };
    if (path === '/v1/models') {
      if (who.key === 'admin')
        return {
          status: 401,
          body: this.error(401, 'Admin API keys cannot be used for non-administration endpoints.'),
        };
      if (who.noModels)
        return {
          status: 403,
          body: this.error(
            403,
            "You have insufficient permissions for this operation. Missing scopes: api.model.read. Check that you have the correct role in your organization (Reader, Writer, Owner) and project (Member, Owner), and if you're using a restricted API key, that it has the necessary scopes.",
          ),
        };
      return list([{ id: 'gpt-4o', object: 'model', created: 1715367049, owned_by: 'system' }]);
    }
    if (who.key !== 'admin')
      return { status: 403, body: this.error(403, 'You have insufficient permissions for this operation.') };
    if (path === '/v1/organization/projects')
      return list(
        PROJECTS.map((name, i) => ({
          id: `proj_${i}abc`,
          object: 'organization.project',
          name,
          created_at: 1711471533,
          archived_at: null,
          status: 'active',
        })),
      );
    if (path === '/v1/organization/users')
      return list([
        {
          object: 'organization.user',
          id: 'user_abc',
          name: 'Ada',
          email: MEMBER_EMAIL,
          role: 'owner',
          added_at: 1711471533,
        },
      ]);
    return { status: 404, body: this.error(404, `Invalid URL (GET ${path})`) };
  }
}
