import { describe, expect, it } from '@jest/globals';
import { buildSchema, isObjectType, parse, validate } from 'graphql';
import { ALL_DOCUMENTS } from '../../providers/railway/queries.js';
import { RAILWAY_DEMO_SDL } from '../../src/demo/railway-schema.js';
import { railwaySchema } from '../railway/schema.js';
import { runCommand } from './command.js';

describe('tokenscope demo', () => {
  it('replays the incident in seconds: a critical, verified Railway finding naming the production volume', async () => {
    const run = await runCommand(['demo']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const row = run.stdout.split('\n').find((l) => l.includes('railway API token'));
    expect(row).toMatch(/│ critical │ railway API token .*│ infra\/domains\/\.env:1 .*│ verified /);
    // The table wraps long cells at spaces: read the blast radius with the wrapping undone.
    const cells = run.stdout
      .split('\n')
      .filter((l) => l.startsWith('│'))
      .map((l) => l.split('│')[5]!.trim())
      .join(' ')
      .replace(/\s+/g, ' ');
    expect(cells).toContain(
      'delete volume "postgres-data" and its backups in environment "production" of project "pocketos"',
    );
    expect(run.ms).toBeLessThan(15_000);
  });

  // The demo's Railway answers from a slice of the published schema: the slice must be the real
  // thing (every field as Railway declares it) and cover every document the inspector sends.
  it("answers from a faithful slice of Railway's published schema", () => {
    const slice = buildSchema(RAILWAY_DEMO_SDL);
    const published = railwaySchema();
    for (const type of Object.values(slice.getTypeMap())) {
      if (type.name.startsWith('__') || !isObjectType(type)) continue;
      const real = published.getType(type.name);
      if (!isObjectType(real)) throw new Error(`${type.name} is not an object type at Railway`);
      for (const field of Object.values(type.getFields())) {
        const realField = real.getFields()[field.name];
        expect(`${type.name}.${field.name}: ${realField?.type}`).toBe(`${type.name}.${field.name}: ${field.type}`);
        expect(field.args.map((a) => `${a.name}: ${a.type}`)).toEqual(
          realField!.args.map((a) => `${a.name}: ${a.type}`),
        );
      }
    }
    for (const [name, source] of Object.entries(ALL_DOCUMENTS)) {
      expect([name, validate(slice, parse(source)).map((e) => e.message)]).toEqual([name, []]);
    }
  });
});
