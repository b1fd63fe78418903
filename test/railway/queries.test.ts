import { describe, expect, it } from '@jest/globals';
import { Kind, type OperationDefinitionNode, parse, validate } from 'graphql';
import { ALL_DOCUMENTS, DESTRUCTIVE_MUTATIONS } from '../../providers/railway/queries.js';
import { railwaySchema } from './schema.js';

// Every document the inspector can send must be valid against Railway's real schema, and be a
// query: this is half of the read-only promise (ReadOnlyHttp refusing anything else is the other).
describe('Railway GraphQL documents', () => {
  const schema = railwaySchema();
  const entries = Object.entries(ALL_DOCUMENTS);

  it('lists the documents the inspector sends', () => {
    expect(entries.length).toBeGreaterThanOrEqual(11);
  });

  for (const [name, source] of entries) {
    describe(name, () => {
      const doc = parse(source);

      it('is valid against the Railway schema', () => {
        expect(validate(schema, doc).map((e) => e.message)).toEqual([]);
      });

      it('holds queries only: no mutation, no subscription', () => {
        const operations = doc.definitions.filter(
          (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
        );
        expect(operations).toHaveLength(1);
        for (const op of operations) expect(op.operation).toBe('query');
      });
    });
  }

  it('names, as permissions, only mutations the schema has', () => {
    const mutations = Object.keys(schema.getMutationType()!.getFields());
    for (const list of Object.values(DESTRUCTIVE_MUTATIONS)) {
      for (const m of list) expect(mutations).toContain(m);
    }
  });
});
