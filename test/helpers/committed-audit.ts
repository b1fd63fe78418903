import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect } from '@jest/globals';
import type { Provider } from '../../src/core/provider.js';
import { cli } from './cli.js';
import type { StartedDouble } from './hosting-suites.js';
import { gitRepo } from './repo.js';

export interface JsonFinding {
  provider: string;
  severity: string;
  verification: string;
  scope: { reach: Record<string, string[]> } | null;
  risks: { id: string; severity: string; message: string }[];
  remediation: string;
}

/** The one finding of `provider` in a JSON report. */
export function findingOf(out: string, provider: string): JsonFinding {
  const found = (JSON.parse(out) as { findings: JsonFinding[] }).findings.filter((f) => f.provider === provider);
  expect(found).toHaveLength(1);
  return found[0]!;
}

/**
 * An incident as it happens: `variable=<token>` committed in `file` of a fresh repository,
 * audited through the CLI with the provider's endpoint flag pointing at the double.
 */
export function useCommittedAudit(
  provider: Provider,
  start: () => Promise<StartedDouble>,
  at: { file: string; variable: string; token: string },
) {
  const state = {} as { double: StartedDouble; token: string; run: { code: number; stdout: string; stderr: string } };
  let dir = '';
  beforeAll(async () => {
    state.double = await start();
    state.token = state.double.tokens[at.token]!;
    dir = gitRepo({ [at.file]: `${at.variable}=${state.token}\n` }, [at.file]);
    state.run = await cli(['audit', dir, '--format', 'json', `--${provider.endpoint!.flag}`, state.double.url], {
      cwd: dir,
    });
  });
  afterAll(async () => {
    await state.double.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return state;
}
