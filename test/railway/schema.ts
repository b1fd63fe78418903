import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from 'graphql';

/** Railway's published schema (test/fixtures/railway/, see its README), as an introspection result. */
const SCHEMA_PATH = fileURLToPath(new URL('../fixtures/railway/schema.json', import.meta.url));

let cached: GraphQLSchema | undefined;

export function railwaySchema(): GraphQLSchema {
  if (!cached) {
    const raw = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as { data?: IntrospectionQuery } & IntrospectionQuery;
    cached = buildClientSchema(raw.data ?? raw);
  }
  return cached;
}
