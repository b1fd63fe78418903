// The agent guard's cost (part of `npm run bench`): a coding agent runs `tokenscope hook` before
// every tool call, so a decision must be cheap. Prints, measured in the same run: the decision
// itself in-process (modules loaded), and a whole hook process against a bare `node -e 0`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildGuardCache, readGuardCache, writeGuardCache } from '../build/src/guard/cache.js';
import { decide } from '../build/src/guard/decide.js';
import { buildDetector } from '../build/src/scan/detector.js';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchGuard({ log }) {
  const dir = mkdtempSync(join(tmpdir(), 'tokenscope-bench-guard-'));
  try {
    mkdirSync(join(dir, 'infra'), { recursive: true });
    const report = {
      generatedAt: new Date().toISOString(),
      findings: Array.from({ length: 200 }, (_, i) => ({
        id: `id${i}`,
        provider: 'railway',
        kind: 'account token',
        secret: { redacted: 'ab****yz' },
        locations: [{ path: `infra/f${i}.env`, line: 1, source: 'ignored' }],
        verification: 'verified',
        verificationReason: '',
        scope: null,
        risks: [{ id: 'account-wide-token', severity: 'high', message: '' }],
        severity: 'high',
        breadth: 'broad',
        exposure: 'local',
        remediation: 'use a project token',
      })),
    };
    writeGuardCache(dir, buildGuardCache(report, false));
    const detector = buildDetector({ extraRules: [], only: [] });
    const ctx = { root: dir, cache: readGuardCache(dir), detector, env: {} };
    const calls = [
      { paths: [], text: 'ls -la && npm test', shell: true, cwd: dir },
      { paths: [join(dir, 'infra/f7.env')], text: '', shell: false, cwd: dir },
      {
        paths: [],
        text: `curl https://backboard.railway.com/graphql/v2 -H "Authorization: Bearer 3f1c2a4e-9b7d-4c1e-8a2f-5d6e7f8a9b0c" -d '{"query":"mutation { volumeDelete(volumeId: \\"v\\") }"}'`,
        shell: true,
        cwd: dir,
      },
    ];
    const times = [];
    for (let i = 0; i < 300; i++) {
      const t = performance.now();
      await decide(calls[i % calls.length], { ...ctx, cache: readGuardCache(dir) });
      times.push(performance.now() - t);
    }
    log(
      `guard decision in-process (cache of 200 credentials read each time): median ${median(times).toFixed(2)} ms, p95 ${[...times].sort((a, b) => a - b)[Math.floor(times.length * 0.95)].toFixed(2)} ms (target well under 100 ms)`,
    );

    const payload = JSON.stringify({ tool_name: 'Bash', tool_input: { command: 'ls -la' }, cwd: dir });
    const run = (argv) => {
      const t = performance.now();
      spawnSync(process.execPath, argv, { input: payload, cwd: dir });
      return performance.now() - t;
    };
    const bin = join(process.cwd(), 'bin', 'tokenscope.js');
    const bare = [];
    const hook = [];
    for (let i = 0; i < 7; i++) {
      bare.push(run(['-e', '0']));
      hook.push(run([bin, 'hook', 'claude-code']));
    }
    log(
      `guard hook process: median ${median(hook).toFixed(0)} ms; bare node start ${median(bare).toFixed(0)} ms; ratio ${(median(hook) / median(bare)).toFixed(1)}x`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
