import {
  type ChildProcess,
  type ChildProcessByStdio,
  type ChildProcessWithoutNullStreams,
  execFile,
  execFileSync,
  spawn,
} from 'node:child_process';
import type { Socket } from 'node:net';
import type { Readable, Writable } from 'node:stream';
import { promisify } from 'node:util';

/**
 * Where git runs: a directory inside a work tree (git finds the repository from there), or an
 * explicit git directory (a bare mirror tokenscope made itself).
 */
export type GitPlace = string | { gitDir: string };

/**
 * Configuration that makes git run a program, overridden on every call. The scanned repository's
 * own `.git/config` (or the config of a repository shipped inside a tarball, or of a bare
 * repository committed in a subdirectory) is read by git whatever we do; command-line settings
 * win over it, and `-c` settings reach every git that this git starts (GIT_CONFIG_PARAMETERS).
 * What no setting here can cover (textconv and filter drivers, external diff) is never reached:
 * tokenscope reads blobs by id with `cat-file --batch` and asks for raw diffs, never patches.
 */
const NEUTRAL: ReadonlyArray<readonly [string, string]> = [
  ['core.fsmonitor', 'false'], // runs a hook (or starts a daemon) whenever the index is read
  ['core.hooksPath', '/dev/null'], // no hook is ever found
  ['core.pager', 'cat'],
  ['log.showSignature', 'false'], // would run gpg.program on every signed commit
  ['core.askPass', ''], // empty: no askpass program
  ['credential.helper', ''], // empty: forgets every helper configured before
  ['submodule.recurse', 'false'],
  // A bare repository git finds by walking up from a scanned directory is content, not a repository
  // the user chose: git refuses it (an explicit GIT_DIR or --git-dir still works).
  ['safe.bareRepository', 'explicit'],
];

/**
 * Which transports git may use (GIT_ALLOW_PROTOCOL beats every protocol.*.allow setting, and a
 * repository's own config may set those). Local reads need none: without this, a repository
 * claiming to be a partial clone (`remote.origin.promisor`) makes `cat-file` of a missing object
 * fetch it, through an `ext::` command URL, its own `core.sshCommand` or `uploadpack`. Mirrors
 * fetch over the usual transports, never `ext::` or `fd::`.
 */
const LOCAL_PROTOCOLS = '';
const MIRROR_PROTOCOLS = 'https:http:ssh:git:file';

export interface GitCallOptions {
  /** Clone and fetch (org mirrors): transports allowed. Default: local reads only. */
  network?: boolean;
  /** Extra environment (e.g. the mirror's token header through GIT_CONFIG_COUNT). */
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/** The `git ...` argument list for one call: no pager, the place, the overrides, then `args`. */
export function gitArgv(place: GitPlace | undefined, args: string[]): string[] {
  const where = place === undefined ? [] : typeof place === 'string' ? ['-C', place] : [`--git-dir=${place.gitDir}`];
  const settings = [...NEUTRAL, ...trustedSafeDirectories()];
  return ['--no-pager', ...where, ...settings.flatMap(([k, v]) => ['-c', `${k}=${v}`]), ...args];
}

/**
 * The environment for one call: no system or global config (the user's `~/.gitconfig` may hold
 * helpers and programs too, and a scan needs none of it), the allowed transports, no prompts, no
 * replacement objects (refs/replace could show other content under a blob's id), a fixed locale
 * so messages can be matched. GIT_DIR, GIT_INDEX_FILE and the like pass through: a pre-commit hook
 * runs with them.
 */
export function gitEnv(opts: GitCallOptions = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['GIT_EXTERNAL_DIFF', 'SSH_ASKPASS', 'GIT_CONFIG_COUNT']) delete env[k];
  for (const k of Object.keys(env)) if (/^GIT_CONFIG_(KEY|VALUE)_\d+$/.test(k)) delete env[k];
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: '',
    GIT_PAGER: 'cat',
    GIT_NO_REPLACE_OBJECTS: '1',
    GIT_ALLOW_PROTOCOL: opts.network ? MIRROR_PROTOCOLS : LOCAL_PROTOCOLS,
    LC_ALL: 'C',
    ...opts.env,
  };
}

/**
 * For the git processes that read much of the object store (the history walk, `cat-file`
 * readers): glibc's allocator backs their heap with transparent huge pages where the system
 * offers them on request (`madvise`, glibc 2.35 and later; anywhere else the setting is ignored).
 * Their heap grows to a hundred MB and more, first touched 4 KiB at a time, and on a virtual
 * machine each such fault is dear: the real-shaped history's walk took 28,700 of them, a quarter
 * of its CPU, and about 1,500 with huge pages. A `GLIBC_TUNABLES` of the user's own is kept, and
 * its own choice of huge pages stands.
 */
export function hugePagesEnv(base: string | undefined = process.env.GLIBC_TUNABLES): { GLIBC_TUNABLES: string } {
  const own = 'glibc.malloc.hugetlb=1';
  if (!base) return { GLIBC_TUNABLES: own };
  if (/(?:^|:)glibc\.malloc\.hugetlb=/.test(base)) return { GLIBC_TUNABLES: base };
  return { GLIBC_TUNABLES: `${base}:${own}` };
}

let safeDirs: Array<readonly [string, string]> | undefined;

/**
 * `safe.directory` entries from the user's system and global config, carried over on the command
 * line: the ownership check is the user's decision, and ignoring their global config must not
 * turn every repository owned by another uid (a CI container) into "not a git repository".
 * Read once, from outside any repository, by scope, so a repository's own entries never count.
 */
function trustedSafeDirectories(): Array<readonly [string, string]> {
  if (safeDirs) return safeDirs;
  safeDirs = [];
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, GIT_CEILING_DIRECTORIES: '/', LC_ALL: 'C' };
    delete env.GIT_DIR;
    const out = execFileSync('git', ['config', '--show-scope', '--get-all', 'safe.directory'], {
      cwd: '/',
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 10_000,
    });
    for (const line of out.split('\n')) {
      const tab = line.indexOf('\t');
      const scope = line.slice(0, tab);
      if (scope === 'system' || scope === 'global') safeDirs.push(['safe.directory', line.slice(tab + 1)]);
    }
  } catch {
    // None set (git exits 1), or git missing: nothing to carry over.
  }
  return safeDirs;
}

/**
 * The `safe.directory` entries already read on this thread, if any: a scanning thread is given
 * them (adoptSafeDirectories) instead of running its own blocking `git config` before its first
 * blob (25-48 ms per thread on a 2-core machine).
 */
export function knownSafeDirectories(): string[] | undefined {
  return safeDirs?.map(([, dir]) => dir);
}

/** Takes the main thread's reading of the user's `safe.directory` entries (see knownSafeDirectories). */
export function adoptSafeDirectories(dirs: string[]): void {
  safeDirs ??= dirs.map((dir) => ['safe.directory', dir] as const);
}

/** A git child process whose stderr is kept (the first few KB) for a one-line error message. */
export interface GitChild<P extends ChildProcess = ChildProcessWithoutNullStreams> {
  proc: P;
  /** Resolves with the exit code once the process has ended (never rejects). */
  exited: Promise<number>;
  /** git's own complaint: the first `fatal:` or `error:` line it wrote, else its first line. */
  complaint(): string;
}

export function spawnGit(place: GitPlace, args: string[], opts: GitCallOptions = {}): GitChild {
  return watched(spawn('git', gitArgv(place, args), { env: gitEnv(opts), stdio: ['pipe', 'pipe', 'pipe'] }));
}

/** As spawnGit, but git writes its output into `stdout` (one end of a socket pair, see stdout-socket.ts). */
export function spawnGitInto(
  place: GitPlace,
  args: string[],
  stdout: Socket,
  opts: GitCallOptions = {},
): GitChild<ChildProcessByStdio<Writable, null, Readable>> {
  return watched(spawn('git', gitArgv(place, args), { env: gitEnv(opts), stdio: ['pipe', stdout, 'pipe'] }));
}

function watched<P extends ChildProcess & { stderr: Readable }>(proc: P): GitChild<P> {
  let stderr = '';
  proc.stderr.setEncoding('utf8');
  proc.stderr.on('data', (s: string) => {
    if (stderr.length < 8192) stderr += s;
  });
  const exited = new Promise<number>((resolve) => {
    proc.on('error', () => resolve(-1));
    proc.on('close', (code) => resolve(code ?? -1));
  });
  return { proc, exited, complaint: () => firstComplaint(stderr) };
}

export function firstComplaint(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim());
  return lines.find((l) => l.startsWith('fatal:') || l.startsWith('error:')) ?? lines.find(Boolean) ?? '';
}

const run = promisify(execFile);

/**
 * How long a one-shot local call (rev-parse, ls-files, merge-base, ...) may take: seconds at most
 * on the largest repositories, but a hostile `.git` can make git wait forever (an index or config
 * that is a named pipe blocks on open).
 */
export const ONE_SHOT_TIMEOUT_MS = 60_000;

/** Runs git to completion and returns its stdout; rejects with git's error (stderr on it). */
export async function git(place: GitPlace | undefined, args: string[], opts: GitCallOptions = {}): Promise<string> {
  const { stdout } = await run('git', gitArgv(place, args), {
    env: gitEnv(opts),
    maxBuffer: 1024 * 1024 * 1024,
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? ONE_SHOT_TIMEOUT_MS,
    killSignal: 'SIGKILL',
  });
  return stdout;
}
