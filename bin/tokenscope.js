#!/usr/bin/env node
// The installed command: runs the bundled CLI in build/bundle/ (`npm run build` makes it, and npm
// install builds it through `prepare`; scripts/build-cli.mjs says why a bundle).

// How eagerly V8 optimises, set before anything else loads (src/core/tiering.ts says why).
await import('../build/bundle/tiering.js');

// The agent guard runs before every tool call of a coding agent: its plain form skips loading the CLI.
const argv = process.argv.slice(2);
if (argv.length === 2 && argv[0] === 'hook' && (argv[1] === 'claude-code' || argv[1] === 'cursor')) {
  const { hookProcess } = await import('../build/bundle/hook.js');
  process.exitCode = await hookProcess(argv[1]);
} else {
  // An audit scans on worker threads: they boot and build their detector while the command line
  // loads (src/scan/prestart.ts says why); a run that turns out not to need them exits regardless.
  // Likewise git's history walk, first, when the command line asks for it plainly
  // (src/sources/history/early-walk.ts says when and why).
  if (argv[0] === 'audit' && argv.includes('--history')) {
    const early = await import('../build/bundle/early-walk.js');
    const dir = early.plainHistoryAudit(argv, process.cwd());
    if (dir) await early.earlyWalk.start(dir);
  }
  if (argv[0] === 'audit') (await import('../build/bundle/prestart.js')).prestartScanThreads();
  await cli();
}

async function cli() {
  const { runCli } = await import('../build/bundle/tokenscope.js');

  // The AWS SDK announces its own Node.js support policy (a plain-string warning that starts with its
  // name) once per process under Node 20; it is about the SDK's future releases, not the user's run.
  const emitWarning = process.emitWarning;
  process.emitWarning = (warning, ...rest) => {
    const text = typeof warning === 'string' ? warning : `${warning?.name}: ${warning?.message}`;
    const type = typeof rest[0] === 'object' ? rest[0]?.type : rest[0];
    if (type === 'NodeVersionSupportWarning' || /^(Warning: )?NodeVersionSupportWarning\b/.test(text)) return;
    return emitWarning.call(process, warning, ...rest);
  };

  const readStdin = async () => {
    const chunks = [];
    for await (const c of process.stdin) chunks.push(c);
    return Buffer.concat(chunks).toString('utf8');
  };

  const code = await runCli(argv, {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    stdin: readStdin,
    env: process.env,
    cwd: process.cwd(),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    ...(process.stdout.isTTY && process.stdout.columns ? { columns: process.stdout.columns } : {}),
  });
  process.exitCode = code;
}
