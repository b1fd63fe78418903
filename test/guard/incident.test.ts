import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cli } from '../helpers/cli.js';
import { RailwayDouble } from '../railway/double.js';
import { type TestWorld, testWorld } from '../railway/world.js';
import { claudeDecision, claudePayload, hook } from './helpers.js';

// The incident, replayed through Claude Code's hook protocol: the agent reads the .env that holds
// an account-wide Railway token, then sends volumeDelete with it.
describe('the agent guard stops the incident', () => {
  let w: TestWorld;
  let double: RailwayDouble;
  let dir: string;
  let fenceRun: { code: number; stdout: string; stderr: string };
  const volumeDelete = (token: string, header = 'Authorization: Bearer') =>
    `curl -s https://backboard.railway.com/graphql/v2 -H "${header} ${token}" -H 'Content-Type: application/json' ` +
    `-d '{"query":"mutation { volumeDelete(volumeId: \\"vol-pg-prod\\") }"}'`;

  beforeAll(async () => {
    w = testWorld();
    double = new RailwayDouble(w.world);
    const url = await double.start();
    dir = mkdtempSync(join(tmpdir(), 'tokenscope-guard-'));
    mkdirSync(join(dir, 'infra', 'domains'), { recursive: true });
    mkdirSync(join(dir, 'deploy'), { recursive: true });
    writeFileSync(join(dir, 'infra', 'domains', '.env'), `RAILWAY_DOMAIN_TOKEN=${w.tokens.account}\n`);
    writeFileSync(join(dir, 'deploy', 'staging.env'), `RAILWAY_TOKEN=${w.tokens.projectStaging}\n`);
    writeFileSync(join(dir, 'README.md'), '# pocketos\n');
    fenceRun = await cli(['fence', dir, '--railway-endpoint', url], { cwd: dir });
  });
  afterAll(async () => {
    await double.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fence audits the project and says what it fenced', () => {
    expect(fenceRun.stderr).toBe('');
    expect(fenceRun.code).toBe(0);
    expect(fenceRun.stdout).toContain('2 file(s) hold 2 credential(s), 1 of them broad');
  });

  it('denies a Read of the .env that holds the account-wide token, saying what it can do', async () => {
    const r = await hook(
      'claude-code',
      claudePayload(dir, 'Read', { file_path: join(dir, 'infra/domains/.env') }),
      dir,
    );
    const d = claudeDecision(r.stdout);
    expect(r.code).toBe(0);
    expect(d.decision).toBe('deny');
    expect(d.reason).toContain('infra/domains/.env holds a railway');
    expect(d.reason).toContain('postgres-data');
    expect(d.reason).toMatch(/Use instead: .*project token/i);
  });

  it('denies the volumeDelete call carrying that token, naming the volume and the mutation', async () => {
    const r = await hook('claude-code', claudePayload(dir, 'Bash', { command: volumeDelete(w.tokens.account) }), dir);
    const d = claudeDecision(r.stdout);
    expect(d.decision).toBe('deny');
    expect(d.reason).toContain('postgres-data');
    expect(d.reason).toContain('volumeDelete');
  });

  it('denies it when the token only arrives through an environment variable the command expands', async () => {
    const command =
      'curl -s https://backboard.railway.com/graphql/v2 -H "Authorization: Bearer $RAILWAY_API_TOKEN" -d @delete.json';
    const r = await hook('claude-code', claudePayload(dir, 'Bash', { command }), dir, {
      RAILWAY_API_TOKEN: w.tokens.account,
    });
    expect(claudeDecision(r.stdout).decision).toBe('deny');
  });

  it('allows the same call with a narrow project token for staging', async () => {
    const r = await hook(
      'claude-code',
      claudePayload(dir, 'Bash', { command: volumeDelete(w.tokens.projectStaging, 'Project-Access-Token:') }),
      dir,
    );
    expect(claudeDecision(r.stdout).decision).toBe('allow');
    expect(r.stdout).toBe('');
  });

  it('allows cat README.md and a Read of the staging file', async () => {
    const cat = await hook('claude-code', claudePayload(dir, 'Bash', { command: 'cat README.md' }), dir);
    expect(claudeDecision(cat.stdout).decision).toBe('allow');
    const read = await hook(
      'claude-code',
      claudePayload(dir, 'Read', { file_path: join(dir, 'deploy/staging.env') }),
      dir,
    );
    expect(claudeDecision(read.stdout).decision).toBe('allow');
  });

  it('denies `cat` of the file holding the broad token through Bash too', async () => {
    const r = await hook('claude-code', claudePayload(dir, 'Bash', { command: 'cat infra/domains/.env | head' }), dir);
    expect(claudeDecision(r.stdout).decision).toBe('deny');
  });

  it('never prints a raw token, in any answer', async () => {
    const outs = await Promise.all([
      hook('claude-code', claudePayload(dir, 'Bash', { command: volumeDelete(w.tokens.account) }), dir),
      hook(
        'cursor',
        {
          hook_event_name: 'beforeShellExecution',
          command: volumeDelete(w.tokens.account),
          cwd: dir,
          workspace_roots: [dir],
        },
        dir,
      ),
    ]);
    for (const o of outs) {
      for (const t of [w.tokens.account, w.tokens.projectStaging]) {
        expect(o.stdout + o.stderr).not.toContain(t);
        expect(o.stdout + o.stderr).not.toContain(t.slice(4, 20));
      }
    }
  });
});
