import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, type GraphQLSchema } from 'graphql';

/** Fly.io's published GraphQL schema (test/fixtures/flyio/, see its README). */
const SCHEMA_PATH = fileURLToPath(new URL('../fixtures/flyio/schema.graphql', import.meta.url));

let cached: GraphQLSchema | undefined;

export function flySchema(): GraphQLSchema {
  cached ??= buildSchema(readFileSync(SCHEMA_PATH, 'utf8'));
  return cached;
}
