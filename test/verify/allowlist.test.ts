import { describe, expect, it } from '@jest/globals';
import { type OperationDefinitionNode, parse } from 'graphql';
import { PROVIDERS } from '../../providers/registry.js';
import { type HttpOperation, refusal } from '../../src/core/operations.js';

/**
 * A provider verified by a whoami may send that one request and nothing else. Each row names
 * requests of that provider's API that change something, cost money, or answer with other
 * secrets (from its API reference): the list must refuse every one.
 */
const DANGEROUS: Record<string, [HttpOperation['method'] | 'DELETE' | 'PUT' | 'PATCH', string, string?][]> = {
  // DELETE /v2/access-token revokes the token that calls it.
  buildkite: [
    ['DELETE', '/v2/access-token'],
    ['GET', '/v2/organizations/acme/pipelines'],
  ],
  // Project environment variables (masked, but named) and a build trigger.
  circleci: [
    ['GET', '/api/v2/project/gh/acme/api/envvar'],
    ['POST', '/api/v2/project/gh/acme/api/pipeline'],
  ],
  travis: [
    ['GET', '/repo/4711/env_vars'],
    ['POST', '/repo/4711/requests'],
  ],
  // Workspace variables hold values; state versions hold every secret Terraform saw.
  terraform: [
    ['GET', '/api/v2/workspaces/ws-1/vars'],
    ['GET', '/api/v2/workspaces/ws-1/current-state-version'],
    ['DELETE', '/api/v2/organizations/acme'],
  ],
  // A stack's exported state carries its secrets.
  pulumi: [
    ['GET', '/api/stacks/acme/web/prod/export'],
    ['DELETE', '/api/stacks/acme/web/prod'],
  ],
  // Secret values, and their download.
  doppler: [
    ['GET', '/v3/configs/config/secrets'],
    ['GET', '/v3/configs/config/secrets/download'],
    ['POST', '/v3/configs/config/secrets'],
  ],
  // Client keys (DSNs) and project deletion.
  sentry: [
    ['GET', '/api/0/projects/acme/web/keys/'],
    ['DELETE', '/api/0/projects/acme/web/'],
  ],
  notion: [
    ['GET', '/v1/users'],
    ['POST', '/v1/search'],
    ['PATCH', '/v1/pages/1'],
  ],
  figma: [
    ['GET', '/v1/files/abc'],
    ['POST', '/v1/files/abc/comments'],
  ],
  airtable: [
    ['GET', '/v0/meta/bases'],
    ['DELETE', '/v0/app1/tbl1'],
  ],
  asana: [
    ['GET', '/api/1.0/users'],
    ['DELETE', '/api/1.0/tasks/1'],
  ],
  // Environments hold variables, often other secrets.
  postman: [
    ['GET', '/environments'],
    ['GET', '/environments/123'],
    ['DELETE', '/collections/123'],
  ],
  // Running a model costs money.
  replicate: [
    ['POST', '/v1/predictions'],
    ['GET', '/v1/predictions'],
  ],
  groq: [
    ['POST', '/openai/v1/chat/completions'],
    ['GET', '/openai/v1/files'],
  ],
  mistral: [
    ['POST', '/v1/chat/completions'],
    ['GET', '/v1/files'],
  ],
  together: [
    ['POST', '/v1/chat/completions'],
    ['GET', '/v1/files'],
  ],
  // The user answer has carried the key itself.
  elevenlabs: [
    ['GET', '/v1/user'],
    ['POST', '/v1/text-to-speech/voice1'],
  ],
  // Webhooks carry their token in the path.
  discord: [
    ['GET', '/api/webhooks/1/abc'],
    ['POST', '/api/v10/channels/1/messages'],
    ['GET', '/api/v10/users/@me/guilds'],
  ],
  // Applications may hold client secrets.
  okta: [
    ['GET', '/api/v1/apps'],
    ['GET', '/api/v1/users'],
    ['POST', '/api/v1/users/me/lifecycle/deactivate'],
  ],
  honeycomb: [
    ['POST', '/1/events/prod'],
    ['GET', '/1/datasets'],
  ],
  // Generation and embedding cost money; datasets hold the customer's data; connectors hold service tokens.
  cohere: [
    ['POST', '/v2/chat'],
    ['POST', '/v1/embed'],
    ['POST', '/v1/check-api-key'],
    ['GET', '/v1/datasets'],
    ['GET', '/v1/connectors'],
    ['DELETE', '/v1/finetuning/finetuned-models/ft-1'],
  ],
  // A mutation, a query for webhooks (their signing secrets), any other document, and the REST-ish GET.
  linear: [
    ['POST', '/graphql', JSON.stringify({ query: 'mutation { issueDelete(id: "1") { success } }' })],
    ['POST', '/graphql', JSON.stringify({ query: '{ webhooks { nodes { url secret } } }' })],
    ['POST', '/graphql', JSON.stringify({ query: '{ viewer { id } }' })],
    ['POST', '/graphql', undefined],
    ['GET', '/graphql'],
  ],
  // A key minted, a key search (it answers other keys' values), an unlisted query, REST v2.
  newrelic: [
    [
      'POST',
      '/graphql',
      JSON.stringify({ query: 'mutation { apiAccessCreateKeys(keys: {}) { createdKeys { key } } }' }),
    ],
    [
      'POST',
      '/graphql',
      JSON.stringify({ query: '{ actor { apiAccess { keySearch(query: {}) { keys { key } } } } }' }),
    ],
    ['POST', '/graphql', JSON.stringify({ query: '{ actor { user { id } } }' })],
    ['GET', '/v2/applications.json'],
  ],
  // Integration keys (routing keys for events), extensions (their endpoints' secrets), incidents.
  pagerduty: [
    ['GET', '/services/PSVC1/integrations/PINT1'],
    ['GET', '/extensions'],
    ['GET', '/users'],
    ['POST', '/incidents'],
    ['DELETE', '/services/PSVC1'],
  ],
  // Customers' personal data, orders, storefront tokens minted, a product deleted.
  shopify: [
    ['GET', '/admin/api/2025-01/customers.json'],
    ['GET', '/admin/api/2025-01/orders.json'],
    ['POST', '/admin/api/2025-01/storefront_access_tokens.json'],
    ['GET', '/admin/api/2025-01/storefront_access_tokens.json'],
    ['DELETE', '/admin/api/2025-01/products/1.json'],
    ['POST', '/admin/api/2025-01/graphql.json'],
  ],
  // Secrets (KV, cubbyhole, raw storage), tokens minted, renewed or revoked, the accessor list.
  vault: [
    ['GET', '/v1/secret/data/app'],
    ['GET', '/v1/cubbyhole/app'],
    ['GET', '/v1/sys/raw/core/keyring'],
    ['GET', '/v1/auth/token/accessors'],
    ['POST', '/v1/auth/token/create'],
    ['POST', '/v1/auth/token/renew-self'],
    ['POST', '/v1/auth/token/revoke-self'],
    ['POST', '/v1/auth/token/lookup'],
  ],
};

const verified = PROVIDERS.filter((p) => p.whoami);
const endpoint = new URL('http://api.example.test/');

describe('providers verified by a whoami', () => {
  it('are the ones this file names', () => {
    expect(verified.map((p) => p.id).sort()).toEqual(Object.keys(DANGEROUS).sort());
  });

  it.each(verified.map((p) => [p.id, p] as const))(
    '%s sends one exact GET, or one POST of one GraphQL query, with no parameter in its path',
    (_id, p) => {
      expect(p.operations).toHaveLength(1);
      const op = p.operations![0]!;
      expect(op).toEqual(p.whoami!.operation);
      expect(op.path).not.toMatch(/[{}?]/);
      if (op.method === 'GET') {
        expect(op.body).toBeUndefined();
        return;
      }
      expect(op.method).toBe('POST');
      const documents = op.body && 'graphql' in op.body ? op.body.graphql : [];
      expect(documents).toHaveLength(1);
      const kinds = parse(documents[0]!).definitions.map((d) => (d as OperationDefinitionNode).operation);
      expect(kinds).toEqual(['query']);
    },
  );

  it.each(Object.entries(DANGEROUS))('%s refuses what would change, spend or reveal', (id, requests) => {
    const ops = PROVIDERS.find((p) => p.id === id)!.operations!;
    for (const [method, path, body] of requests) {
      expect([method, path, refusal(ops, endpoint, method, new URL(path, endpoint), body)]).toEqual([
        method,
        path,
        expect.any(String),
      ]);
    }
  });

  it('send the token in a header, never in the path or the query', () => {
    for (const p of verified) expect(['bearer', 'header']).toContain(p.whoami!.auth.scheme);
  });
});
