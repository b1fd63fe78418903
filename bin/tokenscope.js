#!/usr/bin/env node
// The installed command: runs the compiled CLI (npm install builds it through `prepare`).
import { runCli } from '../build/src/cli/main.js';

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
