import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { git as runGit } from '../git/run.js';
import type { OrgRepo } from './types.js';

export interface MirrorOptions {
  cacheDir: string;
  /** Sent to git only for https URLs on `tokenHost`, in a header given through the environment. */
  token?: string;
  /** The host the token belongs to (github.com for api.github.com; the GHES host otherwise). */
  tokenHost?: string;
  /** Longest a clone or fetch may take. */
  timeoutMs?: number;
}

export type MirrorResult =
  | { ok: true; dir: string; action: 'cloned' | 'updated'; head: string | undefined }
  | { ok: false; reason: string };

/** A folder name that cannot climb out of the cache dir. */
const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');

/** Where a repository's mirror lives: <cache>/<host>/<owner>/<name>.git. */
export function mirrorDir(cacheDir: string, repo: OrgRepo): string {
  let host = 'local';
  try {
    host = new URL(repo.cloneUrl).host || 'local';
  } catch {
    // Not a URL (a plain path): kept under 'local'.
  }
  const [owner = '_', name = repo.name] = repo.fullName.includes('/') ? repo.fullName.split('/') : ['_', repo.name];
  return join(cacheDir, safe(host), safe(owner), `${safe(name)}.git`);
}

/**
 * What git's environment adds for a mirror (the runner adds no prompts, no system or global
 * config, no helpers): stall limits, and the token (when it may go to this URL) as an
 * http.<origin>.extraHeader passed through GIT_CONFIG_* variables. It is never in argv (visible
 * to every process on the runner), never in the remote URL that git writes to the mirror's config,
 * never in a log line, and no credential helper is ever asked.
 */
export function gitEnvFor(url: string, opts: MirrorOptions): NodeJS.ProcessEnv {
  const config: [string, string][] = [
    // A stalled transfer ends instead of holding the job: under 1 KB/s for a minute.
    ['http.lowSpeedLimit', '1000'],
    ['http.lowSpeedTime', '60'],
  ];
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (opts.token && opts.tokenHost && parsed?.protocol === 'https:' && parsed.host === opts.tokenHost) {
    const basic = Buffer.from(`x-access-token:${opts.token}`).toString('base64');
    config.push([`http.${parsed.origin}/.extraHeader`, `Authorization: Basic ${basic}`]);
  }
  const env: NodeJS.ProcessEnv = { GIT_CONFIG_COUNT: String(config.length) };
  config.forEach(([k, v], i) => {
    env[`GIT_CONFIG_KEY_${i}`] = k;
    env[`GIT_CONFIG_VALUE_${i}`] = v;
  });
  return env;
}

/** git's complaint in one line, with the token (and any header) taken out. */
function complaint(e: unknown, token: string | undefined): string {
  const err = e as { stderr?: string; message?: string; killed?: boolean };
  if (err.killed) return 'git took too long and was stopped';
  const lines = (err.stderr || err.message || String(e)).split('\n').map((l) => l.trim());
  let line = lines.find((l) => l.startsWith('fatal:') || l.startsWith('error:')) ?? lines.find(Boolean) ?? 'git failed';
  if (token) {
    line = line.replaceAll(token, '****').replaceAll(Buffer.from(`x-access-token:${token}`).toString('base64'), '****');
  }
  return line.replace(/Authorization:[^\s]*\s+\S+/gi, 'Authorization: ****');
}

/** git on the mirror, a bare repository named explicitly (git refuses bare ones it merely finds). */
async function git(
  gitDir: string | undefined,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeout: number,
): Promise<string> {
  return runGit(gitDir === undefined ? undefined : { gitDir }, args, { network: true, env, timeoutMs: timeout });
}

/**
 * A bare mirror of the repository in the cache: `git clone --mirror` the first time (into a
 * temporary folder, renamed when complete, so a crash never leaves a half mirror that looks
 * whole), `git remote update --prune` the next times (only new objects travel; refs deleted or
 * rewritten upstream are deleted or rewritten here). HEAD is pointed at the default branch the
 * API names, so HEAD is "the default branch's tree" for the scan.
 */
export async function mirror(repo: OrgRepo, opts: MirrorOptions): Promise<MirrorResult> {
  const dir = mirrorDir(opts.cacheDir, repo);
  const env = gitEnvFor(repo.cloneUrl, opts);
  const timeout = opts.timeoutMs ?? 30 * 60_000;
  let action: 'cloned' | 'updated' = 'updated';
  try {
    if (existsSync(join(dir, 'HEAD'))) {
      await git(dir, ['remote', 'set-url', 'origin', repo.cloneUrl], env, timeout);
      await git(dir, ['remote', 'update', '--prune'], env, timeout);
    } else {
      action = 'cloned';
      const parent = join(dir, '..');
      mkdirSync(parent, { recursive: true });
      const tmp = `${dir}.partial-${process.pid}`;
      rmSync(tmp, { recursive: true, force: true });
      try {
        await git(undefined, ['clone', '--mirror', '--quiet', '--', repo.cloneUrl, tmp], env, timeout);
        rmSync(dir, { recursive: true, force: true });
        renameSync(tmp, dir);
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    }
  } catch (e) {
    return { ok: false, reason: complaint(e, opts.token) };
  }
  return { ok: true, dir, action, head: await pointHead(dir, repo.defaultBranch, env) };
}

/** HEAD -> the default branch; its commit, or undefined for an empty repository. */
async function pointHead(dir: string, branch: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  try {
    await git(dir, ['symbolic-ref', 'HEAD', `refs/heads/${branch}`], env, 60_000);
  } catch {
    // A branch name git refuses: HEAD stays where the clone put it.
  }
  try {
    return (await git(dir, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], env, 60_000)).trim() || undefined;
  } catch {
    return undefined;
  }
}
