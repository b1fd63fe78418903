#!/usr/bin/env node
// The installed command: runs the compiled CLI (npm install builds it through `prepare`).
import { runCli } from '../build/src/cli/main.js';

// The AWS SDK announces its own Node.js support policy on every run; it is not the user's concern.
const emitWarning = process.emitWarning;
process.emitWarning = (warning, ...rest) => {
  const name = typeof warning === 'object' ? warning?.name : typeof rest[0] === 'object' ? rest[0]?.type : rest[0];
  if (name === 'NodeVersionSupportWarning') return;
  return emitWarning.call(process, warning, ...rest);
};

const readStdin = async () => {
  const chunks = [];
  for await (const c of process.stdin) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
};

const code = await runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stdin: readStdin,
  env: process.env,
  cwd: process.cwd(),
  stderrIsTTY: Boolean(process.stderr.isTTY),
});
process.exitCode = code;
