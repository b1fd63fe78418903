import { HOOK_AGENTS, type HookAgent, MAX_HOOK_INPUT, runHook } from './run-hook.js';

/** Reads stdin up to `max` bytes; past it, stops reading and says so. */
async function readBounded(stream: NodeJS.ReadableStream, max: number): Promise<string | { tooLarge: true }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > max) return { tooLarge: true };
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * `tokenscope hook claude-code|cursor` with no other flag, as the agent runs it before every tool
 * call: loaded without the rest of the CLI (argument parser, reports, providers' inspectors), so a
 * decision costs little more than starting Node.
 */
export async function hookProcess(agent: string): Promise<number> {
  if (!(HOOK_AGENTS as readonly string[]).includes(agent)) return -1;
  const raw = await readBounded(process.stdin, MAX_HOOK_INPUT);
  const run = await runHook(agent as HookAgent, raw, { env: process.env, cwd: process.cwd() });
  process.stdout.write(run.stdout);
  if (run.stderr) process.stderr.write(run.stderr);
  return run.code;
}
