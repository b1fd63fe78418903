import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { githubToken } from '../helpers/tokens.js';
import { claudeDecision, claudePayload, hook } from './helpers.js';

// With no audit of the project (no .tokenscope/guard.json), only the pattern rules apply, and the
// hook says so. Every malformed payload is refused with a reason: the hook fails closed.
describe('the hook protocols, with no prior audit', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tokenscope-hook-'));
    writeFileSync(join(dir, 'README.md'), 'hello\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('asks before a destructive command and says no audit was found', async () => {
    for (const command of [
      'terraform destroy -auto-approve',
      'aws rds delete-db-instance --db-instance-identifier prod',
      'gh repo delete acme/api --yes',
      'fly apps destroy acme-prod -y',
      'curl -X DELETE https://api.example.com/v1/volumes/1',
      'psql "$DATABASE_URL" -c "DROP TABLE users"',
    ]) {
      const d = claudeDecision((await hook('claude-code', claudePayload(dir, 'Bash', { command }), dir)).stdout);
      expect([command, d.decision]).toEqual([command, 'ask']);
      expect(d.reason).toContain('no tokenscope audit of this project yet');
    }
  });

  it('lets ordinary commands through', async () => {
    for (const command of ['ls -la', 'grep -r delete src/', 'cat docs/destroy.md', 'npm test', 'git log --oneline']) {
      const d = claudeDecision((await hook('claude-code', claudePayload(dir, 'Bash', { command }), dir)).stdout);
      expect([command, d.decision]).toEqual([command, 'allow']);
    }
  });

  it('asks about a credential it has never inspected, naming it redacted', async () => {
    const token = githubToken('ghp');
    const r = await hook(
      'claude-code',
      claudePayload(dir, 'Bash', { command: `curl -H "Authorization: token ${token}" https://api.github.com/user` }),
      dir,
    );
    const d = claudeDecision(r.stdout);
    expect(d.decision).toBe('ask');
    expect(d.reason).toContain('has not inspected');
    expect(r.stdout).not.toContain(token);
  });

  it('reads MCP tool arguments and WebFetch URLs too', async () => {
    const token = githubToken('ghp');
    const mcp = claudePayload(dir, 'mcp__github__create_issue', { owner: 'acme', token });
    expect(claudeDecision((await hook('claude-code', mcp, dir)).stdout).decision).toBe('ask');
  });

  it.each([
    ['not JSON', '{"tool_name": "Bash",'],
    ['an array', '[]'],
    ['no tool_name', JSON.stringify({ tool_input: { command: 'ls' } })],
    ['a tool_input that is a string', JSON.stringify({ tool_name: 'Bash', tool_input: 'ls' })],
  ])('refuses a payload that is %s, with the reason', async (_what, payload) => {
    const r = await hook('claude-code', payload, dir);
    expect(r.code).toBe(0);
    const d = claudeDecision(r.stdout);
    expect(d.decision).toBe('deny');
    expect(d.reason).toMatch(/the hook input .*; refused/);
  });

  it('refuses a payload over 16 MiB unread', async () => {
    const huge = JSON.stringify(claudePayload(dir, 'Bash', { command: `echo ${'x'.repeat(17 * 1024 * 1024)}` }));
    const d = claudeDecision((await hook('claude-code', huge, dir)).stdout);
    expect(d.decision).toBe('deny');
    expect(d.reason).toContain('larger than');
  });

  it('reads a large payload under the cap within a few seconds', async () => {
    const big = claudePayload(dir, 'Bash', { command: `echo ${'railway '.repeat(500_000)}` });
    const started = Date.now();
    const d = claudeDecision((await hook('claude-code', big, dir)).stdout);
    expect(d.decision).toBe('allow');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  describe('Cursor', () => {
    // Payloads in the shapes of cursor.com/docs/agent/hooks: every event carries hook_event_name,
    // conversation_id, generation_id and workspace_roots.
    const base = () => ({ conversation_id: 'c1', generation_id: 'g1', workspace_roots: [dir] });

    it('asks before a destructive shell command, with messages for the user and the agent', async () => {
      const r = await hook(
        'cursor',
        { ...base(), hook_event_name: 'beforeShellExecution', command: 'railway down', cwd: dir },
        dir,
      );
      const o = JSON.parse(r.stdout) as { permission: string; user_message: string; agent_message: string };
      expect(o.permission).toBe('ask');
      expect(o.user_message).toContain('railway down');
      expect(o.agent_message).toBe(o.user_message);
    });

    it('answers beforeReadFile with a permission only, denying content that carries an unknown token', async () => {
      const token = githubToken('ghp');
      const r = await hook(
        'cursor',
        {
          ...base(),
          hook_event_name: 'beforeReadFile',
          file_path: join(dir, 'x.env'),
          content: `GITHUB_TOKEN=${token}\n`,
        },
        dir,
      );
      expect(JSON.parse(r.stdout)).toEqual({ permission: 'deny' });
      const plain = await hook(
        'cursor',
        { ...base(), hook_event_name: 'beforeReadFile', file_path: join(dir, 'README.md'), content: 'hello' },
        dir,
      );
      expect(JSON.parse(plain.stdout)).toEqual({ permission: 'allow' });
    });

    it('reads beforeMCPExecution tool input given as a JSON string', async () => {
      const token = githubToken('ghp');
      const r = await hook(
        'cursor',
        {
          ...base(),
          hook_event_name: 'beforeMCPExecution',
          tool_name: 'query',
          tool_input: JSON.stringify({ auth: token }),
        },
        dir,
      );
      expect((JSON.parse(r.stdout) as { permission: string }).permission).toBe('ask');
    });

    it('refuses an unknown event', async () => {
      const r = await hook('cursor', { ...base(), hook_event_name: 'afterFileEdit' }, dir);
      expect((JSON.parse(r.stdout) as { permission: string }).permission).toBe('deny');
    });
  });
});
