import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../config/load.js';
import { audit } from '../core/audit.js';
import { toolVersion } from '../core/version.js';
import { type Agent, agentsFromFlag, defaultAgents } from '../guard/agents.js';
import { buildGuardCache, writeGuardCache } from '../guard/cache.js';
import { applyFence, planFence, unfenced } from '../guard/fence.js';
import { applyHookInstall, planHookInstall } from '../guard/install.js';
import { HOOK_AGENTS, type HookAgent, MAX_HOOK_INPUT, runHook } from '../guard/run-hook.js';
import { buildReport } from '../report/model.js';
import type { CliIO } from './io.js';
import { addOriginOwner, settingsFrom } from './settings.js';

function directory(io: CliIO, path: unknown): string {
  const root = resolve(io.cwd, String(path ?? '.'));
  let ok = false;
  try {
    ok = statSync(root).isDirectory();
  } catch {
    throw new UsageError(`${String(path)}: no such directory`);
  }
  if (!ok) throw new UsageError(`${String(path)}: not a directory`);
  return root;
}

function chosenAgents(root: string, flag: unknown): Agent[] {
  if (typeof flag !== 'string') return defaultAgents(root);
  const a = agentsFromFlag(flag);
  if ('unknown' in a)
    throw new UsageError(
      `--agents: unknown agent '${a.unknown}' (claude-code, cursor, gemini, windsurf, aider, or all)`,
    );
  return a;
}

/**
 * `tokenscope fence [PATH]`: audit PATH, remember what each credential can do for the hook
 * (`.tokenscope/guard.json`), and write the files that hold credentials into each agent's read
 * exclusions. `--check` writes nothing and exits 1 while a credential file is not fenced.
 */
export async function runFence(args: Record<string, unknown>, io: CliIO): Promise<number> {
  const root = directory(io, args.path);
  const agents = chosenAgents(root, args.agents);
  const s = settingsFrom(args, io, root);
  const result = await audit({
    root,
    settled: addOriginOwner(s.config, root),
    config: s.config,
    sources: [],
    refiners: [],
    threads: s.threads,
    // --check only asks where credentials are: no provider need be asked.
    offline: s.offline || Boolean(args.check),
    skipFoundHosts: s.skipFoundHosts,
    endpoints: s.endpoints,
    ...(io.clients ? { clients: io.clients } : {}),
    ...(io.fetchImpl ? { fetchImpl: io.fetchImpl } : {}),
  });
  const report = buildReport(
    { target: root, findings: result.findings, failOn: s.failOn, endpoints: s.endpoints, notes: result.notes },
    toolVersion(),
  );
  const cache = buildGuardCache(report, Boolean(io.env.TOKENSCOPE_FINGERPRINT_KEY));
  const found = cache.files.map((f) => f.path);

  if (args.check) {
    let open = 0;
    for (const a of agents) {
      for (const p of unfenced(root, a, found)) {
        io.stdout(`not fenced for ${a.name} (${a.file}): ${p}\n`);
        open++;
      }
    }
    io.stdout(
      open
        ? `${open} credential file(s) an agent can still read; run \`tokenscope fence\` to fence them.\n`
        : `every file holding a credential (${found.length}) is fenced for ${agents.map((a) => a.name).join(', ')}.\n`,
    );
    return open ? 1 : 0;
  }

  // Plan every write first, so a file we cannot merge stops the run before anything is written.
  const plans = planFence(root, agents, found);
  applyFence(plans);
  writeGuardCache(root, cache);
  const broad = cache.credentials.filter((c) => c.broad).length;
  io.stdout(
    `${found.length} file(s) hold ${cache.credentials.length} credential(s), ${broad} of them broad (can destroy or administer).\n`,
  );
  for (const p of plans)
    io.stdout(`${p.agent.name}: ${p.agent.file} ${p.next === undefined ? 'already fences them' : 'updated'}\n`);
  return 0;
}

/** `tokenscope hook claude-code|cursor` (the hook itself) and `tokenscope hook install AGENT`. */
export async function runHookCommand(args: Record<string, unknown>, io: CliIO): Promise<number> {
  const what = String(args.agent);
  if (what === 'install') {
    const agent = String(args.target ?? '');
    if (!(HOOK_AGENTS as readonly string[]).includes(agent))
      throw new UsageError(`hook install: name the agent (${HOOK_AGENTS.join(' or ')})`);
    const root = directory(io, args.path);
    const plan = planHookInstall(root, agent as HookAgent, typeof args.bin === 'string' ? args.bin : 'tokenscope');
    applyHookInstall(plan);
    io.stdout(
      `${plan.path}: ${plan.next === undefined ? 'the tokenscope hook is already there' : 'tokenscope hook added'}\n`,
    );
    return 0;
  }
  if (!(HOOK_AGENTS as readonly string[]).includes(what))
    throw new UsageError(`hook: unknown agent '${what}' (${HOOK_AGENTS.join(', ')}, or install)`);
  const raw = io.stdin ? await io.stdin() : '';
  const budget = typeof args.budget === 'number' ? args.budget : 3000;
  const run = await runHook(what as HookAgent, Buffer.byteLength(raw) > MAX_HOOK_INPUT ? { tooLarge: true } : raw, {
    env: io.env,
    cwd: io.cwd,
    ...(args.inspect ? { liveBudgetMs: budget, endpoints: settingsFrom(args, io, undefined).endpoints } : {}),
    ...(io.fetchImpl ? { fetchImpl: io.fetchImpl } : {}),
  });
  io.stdout(run.stdout);
  if (run.stderr) io.stderr(run.stderr);
  return run.code;
}
