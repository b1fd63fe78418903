import type { Scope } from '../../src/core/types.js';
import type { MAKE } from './tokens.js';

/**
 * Each verified provider's whoami as its documentation describes it, written independently of
 * providers/<id>/verify.ts: where the token travels, the one path, the answer for a live token
 * (the documented shape, with made-up people), the error body, and what tokenscope must read
 * from the answer. The double answers from this table; the tests compare with it.
 */
export interface WhoamiRow {
  provider: keyof typeof MAKE;
  /** The header the provider reads the token from, and the word before it. */
  header: string;
  prefix?: string;
  /** Between the word and the token: a space unless said. */
  separator?: string;
  path: string;
  /** A GraphQL API's whoami is a POST of a query (GET otherwise). */
  method?: 'POST';
  live: unknown;
  /** Fields of the live answer that hold the calling token or a piece of it: never to be printed. */
  carries?: (token: string) => Record<string, unknown>;
  error?: (status: number, message: string) => unknown;
  /** How the provider answers a token it does not know, where that is not 401 (the default). */
  revoked?: { status: number; body: unknown; says: string };
  /** What the verified inspection must say. */
  expect: { identity: string | null; reason: string } & Partial<Pick<Scope, 'tokenType' | 'permissions' | 'reach'>>;
}

export const ROWS: WhoamiRow[] = [
  {
    provider: 'buildkite',
    header: 'authorization',
    prefix: 'Bearer',
    path: '/v2/access-token',
    live: {
      uuid: 'b63254c0-3271-4a98-8270-7cfbd6c2f14e',
      scopes: ['read_builds', 'write_builds'],
      description: 'Deploys',
      created_at: '2025-07-16 06:07:42 UTC',
      user: { name: 'Ada Mole', email: 'ada@example.com' },
    },
    error: (_s, message) => ({ message }),
    expect: {
      identity: 'user ada@example.com',
      reason: 'Buildkite accepts it (GET /v2/access-token): user ada@example.com',
      permissions: ['read_builds', 'write_builds'],
    },
  },
  {
    provider: 'circleci',
    header: 'circle-token',
    path: '/api/v2/me',
    live: { id: '6b8e0b54-3d2e-4c66-9d1e-0f1a2b3c4d5e', login: 'octo-dev', name: 'Octo Dev' },
    expect: { identity: 'user octo-dev', reason: 'CircleCI accepts it (GET /api/v2/me): user octo-dev' },
  },
  {
    provider: 'travis',
    header: 'authorization',
    prefix: 'token',
    path: '/user',
    live: {
      '@type': 'user',
      '@href': '/user/4711',
      '@representation': 'standard',
      '@permissions': { read: true, sync: true },
      id: 4711,
      login: 'octo-dev',
      name: 'Octo Dev',
      github_id: 1234,
      email: 'octo@example.com',
      is_syncing: false,
      synced_at: '2026-11-30T10:00:00Z',
    },
    error: (_s, message) => ({ '@type': 'error', error_type: 'login_required', error_message: message }),
    expect: { identity: 'user octo-dev', reason: 'Travis CI accepts it (GET /user): user octo-dev' },
  },
  {
    provider: 'terraform',
    header: 'authorization',
    prefix: 'Bearer',
    path: '/api/v2/account/details',
    live: {
      data: {
        id: 'user-V3R563qtJNcExAkN',
        type: 'users',
        attributes: { username: 'admin', email: 'admin@example.com', 'is-service-account': false },
        links: { self: '/api/v2/users/user-V3R563qtJNcExAkN' },
      },
    },
    error: (status, title) => ({ errors: [{ status: String(status), title }] }),
    expect: {
      identity: 'user admin@example.com',
      reason: 'HCP Terraform accepts it (GET /api/v2/account/details): user admin@example.com',
    },
  },
  {
    provider: 'pulumi',
    header: 'authorization',
    prefix: 'token',
    path: '/api/user',
    live: {
      name: 'Octo Dev',
      githubLogin: 'octo-dev',
      avatarUrl: 'https://example.com/a.png',
      email: 'octo@example.com',
      organizations: [
        { githubLogin: 'acme', name: 'Acme', avatarUrl: '' },
        { githubLogin: 'acme-labs', name: 'Acme Labs', avatarUrl: '' },
      ],
    },
    expect: {
      identity: 'user octo-dev',
      reason: 'Pulumi Cloud accepts it (GET /api/user): user octo-dev',
      reach: { organizations: ['acme', 'acme-labs'] },
    },
  },
  {
    provider: 'doppler',
    header: 'authorization',
    prefix: 'Bearer',
    path: '/v3/me',
    live: {
      workplace: { slug: 'acme', name: 'Acme Corp' },
      type: 'personal',
      slug: '5a1f9d6e-7b55-4e4f-9c0e-1d2c3b4a5f6e',
      name: 'laptop',
      created_at: '2026-01-05T10:00:00.000Z',
      last_seen_at: '2026-11-30T10:00:00.000Z',
    },
    carries: (token) => ({ token_preview: `${token.slice(0, 10)}...` }),
    error: (_s, message) => ({ messages: [message], success: false }),
    expect: {
      identity: 'token laptop',
      reason: 'Doppler accepts it (GET /v3/me): token laptop',
      tokenType: 'personal',
      reach: { workplaces: ['Acme Corp'] },
    },
  },
  {
    provider: 'sentry',
    header: 'authorization',
    prefix: 'Bearer',
    path: '/api/0/',
    live: {
      version: '0',
      auth: { scopes: ['org:read', 'project:write'] },
      user: { id: '1', name: 'Jane Roe', username: 'jane@example.com', email: 'jane@example.com', isActive: true },
    },
    error: (_s, detail) => ({ detail }),
    expect: {
      identity: 'user jane@example.com',
      reason: 'Sentry accepts it (GET /api/0/): user jane@example.com',
      permissions: ['org:read', 'project:write'],
    },
  },
  {
    provider: 'notion',
    header: 'authorization',
    prefix: 'Bearer',
    path: '/v1/users/me',
    live: {
      object: 'user',
      id: '16d84278-ab0e-484c-9bdd-b35da3bd8905',
      name: 'Deploy notes',
      avatar_url: null,
      type: 'bot',
      bot: { owner: { type: 'workspace', workspace: true }, workspace_name: 'Acme HQ' },
    },
    error: (status, message) => ({ object: 'error', status, code: 'unauthorized', message }),
    expect: {
      identity: 'integration Deploy notes',
      reason: 'Notion accepts it (GET /v1/users/me): integration Deploy notes',
      reach: { workspaces: ['Acme HQ'] },
    },
  },
  {
    provider: 'figma',
    header: 'x-figma-token',
    path: '/v1/me',
    live: { id: '1234567890', email: 'designer@example.com', handle: 'Designer', img_url: 'https://example.com/d.png' },
    error: (status, err) => ({ status, err }),
    expect: {
      identity: 'user designer@example.com',
      reason: 'Figma accepts it (GET /v1/me): user designer@example.com',
    },
  },
  {
    provider: 'airtable',
    header: 'authorization',
    prefix: 'Bearer',
    path: '/v0/meta/whoami',
    live: { id: 'usrL2PNC5o3H4lBEi', scopes: ['data.records:read', 'schema.bases:read'], email: 'ops@example.com' },
    error: (_s, message) => ({ error: { type: 'AUTHENTICATION_REQUIRED', message } }),
    expect: {
      identity: 'user ops@example.com',
      reason: 'Airtable accepts it (GET /v0/meta/whoami): user ops@example.com',
      permissions: ['data.records:read', 'schema.bases:read'],
    },
  },
  {
    provider: 'asana',
    header: 'authorization',
    prefix: 'Bearer',
    path: '/api/1.0/users/me',
    live: {
      data: {
        gid: '12345',
        resource_type: 'user',
        name: 'Greg Sanchez',
        email: 'gsanchez@example.com',
        photo: null,
        workspaces: [{ gid: '67890', resource_type: 'workspace', name: 'My Company Workspace' }],
      },
    },
    error: (_s, message) => ({ errors: [{ message, help: 'see the docs' }] }),
    expect: {
      identity: 'user gsanchez@example.com',
      reason: 'Asana accepts it (GET /api/1.0/users/me): user gsanchez@example.com',
      reach: { workspaces: ['My Company Workspace'] },
    },
  },
  {
    provider: 'postman',
    header: 'x-api-key',
    path: '/me',
    live: {
      user: {
        id: 12345678,
        username: 'taylor-lee',
        email: 'taylor.lee@example.com',
        fullName: 'Taylor Lee',
        isPublic: true,
        teamId: 123,
        teamName: 'Acme',
        teamDomain: 'acme',
        roles: ['user'],
      },
      operations: [{ name: 'api_object_usage', limit: 3, usage: 0, overage: 0 }],
    },
    error: (_s, message) => ({ error: { name: 'AuthenticationError', message } }),
    expect: {
      identity: 'user taylor.lee@example.com',
      reason: 'Postman accepts it (GET /me): user taylor.lee@example.com',
      reach: { teams: ['Acme'] },
    },
  },
  {
    provider: 'replicate',
    header: 'authorization',
    prefix: 'Bearer',
    path: '/v1/account',
    live: { type: 'organization', username: 'acme', name: 'Acme Corp', github_url: 'https://github.com/acme' },
    error: (status, detail) => ({ title: 'Unauthenticated', detail, status }),
    expect: { identity: 'account acme', reason: 'Replicate accepts it (GET /v1/account): account acme' },
  },
  {
    provider: 'groq',
    header: 'authorization',
    prefix: 'Bearer',
    path: '/openai/v1/models',
    live: {
      object: 'list',
      data: [{ id: 'llama-3.1-8b-instant', object: 'model', created: 1693721698, owned_by: 'Meta', active: true }],
    },
    error: (_s, message) => ({ error: { message, type: 'invalid_request_error', code: 'invalid_api_key' } }),
    expect: { identity: null, reason: 'Groq accepts it (GET /openai/v1/models)' },
  },
  {
    provider: 'mistral',
    header: 'authorization',
    prefix: 'Bearer',
    path: '/v1/models',
    live: {
      object: 'list',
      data: [{ id: 'mistral-small-latest', object: 'model', created: 1711929600, owned_by: 'mistralai' }],
    },
    error: (_s, message) => ({ message, request_id: 'a1b2c3' }),
    expect: { identity: null, reason: 'Mistral AI accepts it (GET /v1/models)' },
  },
  {
    provider: 'together',
    header: 'authorization',
    prefix: 'Bearer',
    path: '/v1/models',
    live: [
      {
        id: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
        object: 'model',
        created: 1733443200,
        type: 'chat',
        display_name: 'Llama 3.3 70B Instruct Turbo',
        organization: 'Meta',
      },
    ],
    error: (_s, message) => ({ error: { message, type: 'invalid_request_error' } }),
    expect: { identity: null, reason: 'Together AI accepts it (GET /v1/models)' },
  },
  {
    provider: 'elevenlabs',
    header: 'xi-api-key',
    path: '/v1/user/subscription',
    live: {
      tier: 'creator',
      character_count: 17231,
      character_limit: 100000,
      voice_limit: 30,
      can_use_instant_voice_cloning: true,
      currency: 'usd',
      status: 'active',
      billing_period: 'monthly_period',
      next_character_count_reset_unix: 1738356858,
    },
    error: (_s, message) => ({ detail: { status: 'invalid_api_key', message } }),
    expect: { identity: null, reason: 'ElevenLabs accepts it (GET /v1/user/subscription): plan creator' },
  },
  {
    provider: 'discord',
    header: 'authorization',
    prefix: 'Bot',
    path: '/api/v10/users/@me',
    live: {
      id: '80351110224678912',
      username: 'deploy-bot',
      discriminator: '0',
      global_name: null,
      avatar: null,
      bot: true,
      flags: 0,
      verified: true,
    },
    error: (_s, message) => ({ message, code: 0 }),
    expect: { identity: 'bot deploy-bot', reason: 'Discord accepts it (GET /api/v10/users/@me): bot deploy-bot' },
  },
  {
    provider: 'okta',
    header: 'authorization',
    prefix: 'SSWS',
    path: '/api/v1/users/me',
    live: {
      id: '00ub0oNGTSWTBKOLGLNR',
      status: 'ACTIVE',
      created: '2013-06-24T16:39:18.000Z',
      profile: {
        firstName: 'Isaac',
        lastName: 'Brock',
        email: 'isaac.brock@example.com',
        login: 'isaac.brock@example.com',
        mobilePhone: null,
      },
      _links: { self: { href: 'https://acme.okta.com/api/v1/users/00ub0oNGTSWTBKOLGLNR' } },
    },
    error: (_s, errorSummary) => ({ errorCode: 'E0000011', errorSummary, errorCauses: [] }),
    expect: {
      identity: 'user isaac.brock@example.com',
      reason: 'Okta accepts it (GET /api/v1/users/me): user isaac.brock@example.com',
    },
  },
  {
    provider: 'honeycomb',
    header: 'x-honeycomb-team',
    path: '/1/auth',
    live: {
      id: 'aBcD123eFgH',
      type: 'ingest',
      api_key_access: { events: true, markers: false, triggers: false, boards: false, createDatasets: true },
      environment: { name: 'Production', slug: 'production' },
      team: { name: 'Acme', slug: 'acme' },
    },
    error: (_s, error) => ({ error }),
    expect: {
      identity: 'team acme',
      reason: 'Honeycomb accepts it (GET /1/auth): team acme',
      tokenType: 'ingest',
      permissions: ['events', 'createDatasets'],
      reach: { environments: ['Production'] },
    },
  },
  {
    provider: 'vault',
    header: 'x-vault-token',
    path: '/v1/auth/token/lookup-self',
    live: {
      request_id: '5b079228-6b90-f0ed-2441-acecc1e5df01',
      lease_id: '',
      renewable: false,
      lease_duration: 0,
      data: {
        creation_time: 1764547200,
        creation_ttl: 2764800,
        display_name: 'token-deploy-staging',
        entity_id: '7d2e3179-f69b-450c-7179-ac8ee8bd8ca9',
        expire_time: '2026-12-31T10:00:00.000000000Z',
        explicit_max_ttl: 0,
        identity_policies: [],
        issue_time: '2026-11-29T10:00:00.000000000Z',
        meta: { purpose: 'dns' },
        num_uses: 0,
        orphan: false,
        path: 'auth/token/create',
        policies: ['default', 'deploy-prod'],
        renewable: true,
        ttl: 2678400,
        type: 'service',
      },
      wrap_info: null,
      warnings: null,
      auth: null,
    },
    // The answer names the token itself and its accessor (which can look it up or revoke it).
    carries: (token) => ({ id: token, accessor: `8609694a-cdbc-${token.length}-b9fd-7d3b8c4a7e10` }),
    error: (_s, message) => ({ errors: [message] }),
    revoked: { status: 403, body: { errors: ['permission denied', 'invalid token'] }, says: 'invalid token' },
    expect: {
      identity: 'token token-deploy-staging',
      reason: 'HashiCorp Vault accepts it (GET /v1/auth/token/lookup-self): token token-deploy-staging',
      tokenType: 'service',
      permissions: ['default', 'deploy-prod'],
    },
  },
  {
    provider: 'pagerduty',
    header: 'authorization',
    prefix: 'Token token=',
    separator: '',
    path: '/abilities',
    live: { abilities: ['sso', 'advanced_reports', 'teams', 'read_only_users', 'service_support_hours', 'urgencies'] },
    error: (status, message) => ({ error: { message, code: status === 401 ? 2006 : 2010 } }),
    expect: { identity: null, reason: 'PagerDuty accepts it (GET /abilities)' },
  },
  {
    provider: 'cohere',
    header: 'authorization',
    prefix: 'Bearer',
    path: '/v1/models',
    live: {
      models: [
        {
          name: 'command-r-plus-08-2024',
          endpoints: ['generate', 'chat', 'summarize'],
          finetuned: false,
          context_length: 128000,
          tokenizer_url: 'https://storage.googleapis.com/cohere-public/tokenizers/command-r-plus-08-2024.json',
          default_endpoints: [],
        },
      ],
      next_page_token: 'eyJwYWdlIjoyfQ',
    },
    expect: { identity: null, reason: 'Cohere accepts it (GET /v1/models)' },
  },
  {
    provider: 'shopify',
    header: 'x-shopify-access-token',
    path: '/admin/oauth/access_scopes.json',
    live: { access_scopes: [{ handle: 'read_products' }, { handle: 'write_orders' }] },
    error: (_s, errors) => ({ errors }),
    expect: {
      identity: null,
      reason: 'Shopify accepts it (GET /admin/oauth/access_scopes.json)',
      permissions: ['read_products', 'write_orders'],
    },
  },
  {
    provider: 'linear',
    header: 'authorization',
    path: '/graphql',
    method: 'POST',
    live: {
      data: {
        viewer: { id: 'a3c5e2f0-1b2d-4c6e-8f90-123456789abc', name: 'Rae Kim', email: 'rae@example.com' },
        organization: { name: 'Acme', urlKey: 'acme' },
      },
    },
    error: (status, message) => ({
      errors: [
        { message, extensions: { type: 'authentication error', code: 'AUTHENTICATION_ERROR', statusCode: status } },
      ],
    }),
    expect: {
      identity: 'user rae@example.com',
      reason: 'Linear accepts it (POST /graphql): user rae@example.com',
      reach: { workspaces: ['Acme'] },
    },
  },
  {
    provider: 'newrelic',
    header: 'api-key',
    path: '/graphql',
    method: 'POST',
    live: {
      data: {
        actor: {
          user: { id: 1234567, name: 'Sam Ortiz', email: 'sam@example.com' },
          accounts: [
            { id: 3001, name: 'Acme Production' },
            { id: 3002, name: 'Acme Staging' },
          ],
        },
      },
    },
    error: (status, message) => ({
      errors: [{ message, extensions: { error_code: status === 401 ? 'BAD_API_KEY' : 'FORBIDDEN' } }],
    }),
    expect: {
      identity: 'user sam@example.com',
      reason: 'New Relic accepts it (POST /graphql): user sam@example.com',
      reach: { accounts: ['Acme Production', 'Acme Staging'] },
    },
  },
];
