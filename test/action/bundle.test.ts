import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@jest/globals';
import YAML from 'yaml';
import { PROVIDERS } from '../../providers/registry.js';
import { packageRoot } from '../../src/core/paths.js';
import { declaredEndpoints } from '../../src/inspect/endpoint-specs.js';
import { tempDir } from '../helpers/repo.js';
import { githubToken } from '../helpers/tokens.js';
import { parseCommands, parseOutputFile } from './commands.js';
import { pullRequestEvent, World } from './harness.js';

const root = packageRoot();

interface ActionYml {
  runs: { using: string; main: string };
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, unknown>;
}
const action = YAML.parse(readFileSync(join(root, 'action.yml'), 'utf8')) as ActionYml;

test('action.yml: a node24 action running the committed bundle, with the inputs and outputs of issue 7', () => {
  expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  expect(existsSync(join(root, action.runs.main))).toBe(true);
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a JS template
  expect(action.inputs['github-token']!.default).toBe('${{ github.token }}');
  expect(action.inputs['fail-on']!.default).toBe('high');
  expect(action.inputs['verify']!.default).toBe('true');
  expect(action.inputs['comment']!.default).toBe('true');
  // Untrusted content must not choose where the runner connects, unless the workflow opts in.
  expect(action.inputs['inspect-found-hosts']!.default).toBe('false');
  for (const name of ['config', 'sarif-file', 'scan']) expect(action.inputs[name]).toBeDefined();
  // Every provider endpoint flag of the CLI is an input of the same name.
  const flags = declaredEndpoints(PROVIDERS).map((e) => e.spec.flag);
  expect(flags).toEqual(expect.arrayContaining(['railway-endpoint', 'github-api-url', 'aws-endpoint']));
  for (const flag of flags) expect(action.inputs[flag]).toBeDefined();
  expect(Object.keys(action.outputs).sort()).toEqual(['findings', 'highest-severity', 'report-json', 'sarif-file']);
});

test('the bundle, run by node as the runner runs it: finds the token, annotates, sets outputs, exits 1', async () => {
  const world = new World();
  const token = githubToken();
  const head = world.commit({ '.env': `NAME=x\nGH_TOKEN=${token}\n` }, 'env');
  const dir = tempDir('tokenscope-runner-');
  writeFileSync(join(dir, 'event.json'), JSON.stringify(pullRequestEvent(world.base, head)));
  writeFileSync(join(dir, 'output'), '');
  writeFileSync(join(dir, 'summary.md'), '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_WORKSPACE: world.root,
    GITHUB_REPOSITORY: 'Codertocat/Hello-World',
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    GITHUB_API_URL: 'http://127.0.0.1:9',
    RUNNER_TEMP: join(dir, 'temp'),
    'INPUT_FAIL-ON': 'medium',
    INPUT_VERIFY: 'false',
    INPUT_COMMENT: 'false',
    'INPUT_SARIF-FILE': 'tokenscope.sarif',
  };
  // The runner starts the action from the workspace with `node <action>/dist/index.js`.
  const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) => {
    execFile(process.execPath, [join(root, 'dist', 'index.js')], { cwd: world.root, env }, (err, out) =>
      resolve({ code: err ? Number((err as { code?: number }).code) : 0, stdout: out }),
    );
  });
  expect(code).toBe(1);
  const commands = parseCommands(stdout);
  expect(commands.find((c) => c.command === 'add-mask')!.message).toBe(token);
  expect(commands.filter((c) => c.command === 'error' && c.properties['file'])).toEqual([
    expect.objectContaining({ properties: expect.objectContaining({ file: '.env', line: '2' }) }),
  ]);
  const outputs = parseOutputFile(readFileSync(join(dir, 'output'), 'utf8'));
  expect(outputs).toMatchObject({
    findings: '1',
    // A committed GitHub token fails the gate even uninspected (verify: false).
    'highest-severity': 'high',
    'sarif-file': join(world.root, 'tokenscope.sarif'),
  });
  expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('## tokenscope');
  expect(stdout.replace(`::add-mask::${token}`, '')).not.toContain(token);
});

test("the bundle's scanning thread (dist/scan-worker.js) scans fragments on its own, as the Action's pool runs it", async () => {
  const { Worker } = await import('node:worker_threads');
  const script = join(root, 'dist', 'scan-worker.js');
  // The bundled entry names its thread's script beside it; build/ is not shipped with the Action.
  expect(readFileSync(join(root, 'dist', 'index.js'), 'utf8')).toContain('scan-worker.js');
  const token = githubToken();
  const worker = new Worker(script, { workerData: { extraRules: [], only: [], maxFileBytes: 1024 * 1024 } });
  try {
    const reply = await new Promise<{ id: number; results: Array<{ found: Array<{ provider: string }> }> }>(
      (resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage({
          id: 7,
          fragments: [
            { meta: { path: '.env', source: 'tracked' }, content: { text: `GITHUB_TOKEN=${token}\n` } },
            { meta: { path: 'b.env', source: 'tracked' }, content: { bytes: Buffer.from(`X=${token}\n`) } },
          ],
        });
      },
    );
    expect(reply.id).toBe(7);
    expect(reply.results.map((r) => r.found.map((c) => c.provider))).toEqual([['github'], ['github']]);
  } finally {
    await worker.terminate();
  }
});
