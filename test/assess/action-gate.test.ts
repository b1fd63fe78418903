import { describe, expect, it } from '@jest/globals';
import { pullRequestEvent, runAction, World } from '../action/harness.js';
import { awsKeyId, awsSecret, githubToken, railwayToken } from '../helpers/tokens.js';
import { stripeLiveKey } from './samples.js';

/** action.yml's defaults (fail-on high) with verify off, as a user sets it when providers are out of reach. */
const pr = (world: World, head: string, inputs: Record<string, string> = {}) =>
  runAction({
    root: world.root,
    eventName: 'pull_request',
    payload: pullRequestEvent(world.base, head),
    inputs: { verify: 'false', comment: 'false', ...inputs },
  });

describe('the Action fails a pull request that adds committed secrets, with its default fail-on', () => {
  it('a Stripe live key, a GitHub token and an AWS key pair, verify false: three errors, and the job fails', async () => {
    const world = new World();
    const head = world.commit(
      {
        'src/billing.ts': `export const key = "${stripeLiveKey()}";\n`,
        '.env.ci': `GH_TOKEN=${githubToken()}\n`,
        'deploy/credentials': `[default]\naws_access_key_id = ${awsKeyId()}\naws_secret_access_key = ${awsSecret()}\n`,
      },
      'add keys',
    );
    const run = await pr(world, head);

    expect(run.outputs['findings']).toBe('3');
    expect(run.outputs['highest-severity']).toBe('high');
    expect(run.annotations.map((a) => [a.command, a.properties['file']]).sort()).toEqual([
      ['error', '.env.ci'],
      ['error', 'deploy/credentials'],
      ['error', 'src/billing.ts'],
    ]);
    expect(run.failures).toEqual([
      'tokenscope: 3 credential(s) at or above high; see the annotations and the job summary',
    ]);
    expect(run.exitCode).toBe(1);
  });

  it('a Railway token, known only by its context: a warning, and the job passes', async () => {
    const world = new World();
    const head = world.commit({ 'deploy/railway.env': `RAILWAY_TOKEN=${railwayToken()}\n` }, 'add railway');
    const run = await pr(world, head);

    expect(run.outputs['highest-severity']).toBe('medium');
    expect(run.annotations.map((a) => a.command)).toEqual(['warning']);
    expect(run.exitCode).toBe(0);
  });
});
