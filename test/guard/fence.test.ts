import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { hookCommand } from '../../src/guard/install.js';
import { cli } from '../helpers/cli.js';
import { githubToken } from '../helpers/tokens.js';

// A user's own agent settings, with their layout, order and an unusual indent: kept byte for byte.
const USER_SETTINGS = `{
    "model": "opus",
    "permissions": {
        "allow": ["Bash(npm test)"],
        "deny": ["Read(./secrets/**)", "WebFetch"]
    }
}
`;
const USER_CURSORIGNORE = '# mine\nbig-data/\n*.sqlite\n';
const USER_GEMINIIGNORE = 'tmp/\n';

describe('tokenscope fence', () => {
  let dir: string;
  const read = (p: string) => readFileSync(join(dir, p), 'utf8');

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tokenscope-fence-'));
    mkdirSync(join(dir, '.claude'));
    mkdirSync(join(dir, 'config'));
    writeFileSync(join(dir, '.claude', 'settings.json'), USER_SETTINGS);
    writeFileSync(join(dir, '.cursorignore'), USER_CURSORIGNORE);
    writeFileSync(join(dir, '.geminiignore'), USER_GEMINIIGNORE);
    writeFileSync(join(dir, 'config', 'ci.yml'), `token: ${githubToken('ghp')}\n`);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('adds the files holding credentials to every configured agent, keeping the user entries byte for byte', async () => {
    const r = await cli(['fence', dir, '--offline'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const settings = read('.claude/settings.json');
    const parsed = JSON.parse(settings) as { model: string; permissions: { allow: string[]; deny: string[] } };
    expect(parsed.model).toBe('opus');
    expect(parsed.permissions.allow).toEqual(['Bash(npm test)']);
    expect(parsed.permissions.deny.slice(0, 2)).toEqual(['Read(./secrets/**)', 'WebFetch']);
    expect(parsed.permissions.deny).toContain('Read(./config/ci.yml)');
    expect(parsed.permissions.deny).toContain('Read(./**/.env)');
    // Every line of the user's file is still there, in its order, with its indent.
    const userLines = USER_SETTINGS.split('\n').filter((l) => !l.includes('"deny"') && l.trim() !== '');
    let at = 0;
    for (const l of userLines) {
      const found = settings.indexOf(l, at);
      expect([l, found >= 0]).toEqual([l, true]);
      at = found;
    }
    expect(read('.cursorignore').startsWith(USER_CURSORIGNORE)).toBe(true);
    expect(read('.cursorignore')).toContain('/config/ci.yml');
    // Gemini is configured in this project: it is fenced too; Aider is not.
    expect(read('.geminiignore').startsWith(USER_GEMINIIGNORE)).toBe(true);
    expect(read('.geminiignore')).toContain('/config/ci.yml');
    expect(existsSync(join(dir, '.aiderignore'))).toBe(false);
    // The hook's memory of the audit: redacted only, and kept out of git.
    const cache = read('.tokenscope/guard.json');
    expect(cache).toContain('config/ci.yml');
    expect(read('.tokenscope/.gitignore')).toContain('*');
  });

  it('is idempotent: a second run changes nothing', async () => {
    await cli(['fence', dir, '--offline'], { cwd: dir });
    const before = ['.claude/settings.json', '.cursorignore', '.geminiignore'].map(read);
    const r = await cli(['fence', dir, '--offline'], { cwd: dir });
    expect(r.stdout).toContain('.cursorignore already fences them');
    expect(['.claude/settings.json', '.cursorignore', '.geminiignore'].map(read)).toEqual(before);
  });

  it('replaces only its own block when the credentials move', async () => {
    await cli(['fence', dir, '--offline'], { cwd: dir });
    writeFileSync(join(dir, '.cursorignore'), `${read('.cursorignore')}after-the-block/\n`);
    rmSync(join(dir, 'config', 'ci.yml'));
    writeFileSync(join(dir, 'deploy.env'), `GH=${githubToken('ghp')}\n`);
    await cli(['fence', dir, '--offline'], { cwd: dir });
    const text = read('.cursorignore');
    expect(text.startsWith(USER_CURSORIGNORE)).toBe(true);
    expect(text).toContain('after-the-block/');
    expect(text).toContain('/deploy.env');
    expect(text).not.toContain('/config/ci.yml');
    expect(text.match(/>>> tokenscope fence/g)).toHaveLength(1);
  });

  it('--check changes nothing and exits 1 while a credential file is open, 0 once fenced', async () => {
    const before = read('.cursorignore');
    const open = await cli(['fence', dir, '--check'], { cwd: dir });
    expect(open.code).toBe(1);
    expect(open.stdout).toContain('not fenced for Cursor (.cursorignore): config/ci.yml');
    expect(read('.cursorignore')).toBe(before);
    expect(existsSync(join(dir, '.tokenscope'))).toBe(false);
    await cli(['fence', dir, '--offline'], { cwd: dir });
    const closed = await cli(['fence', dir, '--check'], { cwd: dir });
    expect(closed.stdout).toContain('is fenced for');
    expect(closed.code).toBe(0);
  });

  it('an unknown agent or a settings file that is not JSON is exit 2, naming it, with nothing written', async () => {
    const bad = await cli(['fence', dir, '--agents', 'claude-code,vim', '--offline'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--agents: unknown agent 'vim'");
    writeFileSync(join(dir, '.claude', 'settings.json'), '{ "permissions": ');
    const before = read('.cursorignore');
    const broken = await cli(['fence', dir, '--offline'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('.claude/settings.json: not valid JSON');
    expect(broken.stderr.trim().split('\n')).toHaveLength(1);
    expect(read('.cursorignore')).toBe(before);
    expect(existsSync(join(dir, '.tokenscope'))).toBe(false);
  });
});

describe('tokenscope hook install', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tokenscope-install-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('adds a PreToolUse hook to Claude Code next to the user hooks, once', async () => {
    mkdirSync(join(dir, '.claude'));
    const mine = { hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: 'my-linter' }] }] } };
    writeFileSync(join(dir, '.claude', 'settings.json'), JSON.stringify(mine, null, 2));
    expect((await cli(['hook', 'install', 'claude-code', dir], { cwd: dir })).code).toBe(0);
    const first = readFileSync(join(dir, '.claude', 'settings.json'), 'utf8');
    const s = JSON.parse(first) as { hooks: { PreToolUse: { matcher: string; hooks: { command: string }[] }[] } };
    expect(s.hooks.PreToolUse[0]!.hooks[0]!.command).toBe('my-linter');
    expect(s.hooks.PreToolUse[1]!.hooks[0]!.command).toContain('tokenscope hook claude-code');
    await cli(['hook', 'install', 'claude-code', dir], { cwd: dir });
    expect(readFileSync(join(dir, '.claude', 'settings.json'), 'utf8')).toBe(first);
  });

  it("writes Cursor's three events into .cursor/hooks.json", async () => {
    expect((await cli(['hook', 'install', 'cursor', dir], { cwd: dir })).code).toBe(0);
    const h = JSON.parse(readFileSync(join(dir, '.cursor', 'hooks.json'), 'utf8')) as {
      version: number;
      hooks: Record<string, { command: string }[]>;
    };
    expect(h.version).toBe(1);
    for (const e of ['beforeShellExecution', 'beforeReadFile', 'beforeMCPExecution'])
      expect(h.hooks[e]![0]!.command).toContain('tokenscope hook cursor');
  });

  it('the installed command fails closed (exit 2) when tokenscope cannot run', () => {
    let code = 0;
    try {
      execFileSync('sh', ['-c', hookCommand('claude-code', 'tokenscope-not-installed-here')], {
        input: '{}',
        stdio: 'pipe',
      });
    } catch (e) {
      code = (e as { status: number }).status;
    }
    expect(code).toBe(2);
  });
});
