import { describe, expect, it } from '@jest/globals';
import { type HttpOperation, loadGraphqlParser, refusal } from '../../src/core/operations.js';

// This file's own module registry: the parser is not loaded until a test loads it.
describe('the GraphQL parser loads when a request has a body, and nothing passes without it', () => {
  const endpoint = new URL('https://api.example.test/');
  const target = new URL('https://api.example.test/graphql');
  const ops: HttpOperation[] = [{ method: 'POST', path: '/graphql', body: { graphql: ['query { me { id } }'] } }];
  const body = (query: string) => JSON.stringify({ query, variables: {} });

  it('refuses a listed document while the parser is not loaded, and allows it once it is', async () => {
    expect(refusal(ops, endpoint, 'POST', target, body('query { me { id } }'))).toBe(
      'POST /graphql: the GraphQL parser was not loaded, so the document could not be checked',
    );
    await loadGraphqlParser();
    expect(refusal(ops, endpoint, 'POST', target, body('query {\n  me { id }\n}'))).toBeUndefined();
    expect(refusal(ops, endpoint, 'POST', target, body('mutation { volumeDelete(volumeId: "v") }'))).toBe(
      'POST /graphql: the body is not one of the listed read-only documents',
    );
  });
});
