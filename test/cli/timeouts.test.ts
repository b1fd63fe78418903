import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server, type Socket } from 'node:net';
import { tempDir, writeFiles } from '../helpers/repo.js';
import { awsKeyId, awsSecret, githubToken } from '../helpers/tokens.js';
import { runCommand } from './command.js';

/**
 * A black hole: accepts every connection, reads the request, never answers. `--timeout` must end
 * each provider's wait, the SDKs' included, without retrying into the credential's whole budget.
 */
let server: Server;
let url: string;
const sockets = new Set<Socket>();
beforeAll(async () => {
  server = createServer((socket) => {
    sockets.add(socket);
    socket.on('data', () => {});
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((r) => server.close(r));
});

describe('--timeout bounds every provider', () => {
  it('a hanging GitHub and AWS end at the per-request timeout, with nothing on stderr', async () => {
    const root = tempDir();
    writeFiles(root, {
      '.env': `GITHUB_TOKEN=${githubToken()}\naws_access_key_id=${awsKeyId()}\naws_secret_access_key=${awsSecret()}\n`,
    });
    const run = await runCommand([
      'audit',
      root,
      '--format',
      'json',
      '--timeout',
      '1000',
      '--github-api-url',
      url,
      '--aws-endpoint',
      url,
    ]);
    // The budget is 60 s and GitHub's old fixed timeout 10 s: under either (with room for a loaded machine) means --timeout ruled.
    expect(run.ms).toBeLessThan(9000);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as { findings: { provider: string; verificationReason: string }[] };
    const reasons = Object.fromEntries(report.findings.map((f) => [f.provider, f.verificationReason]));
    expect(reasons).toEqual({
      github: 'GitHub gave no answer within 1000 ms',
      aws: 'sts:GetCallerIdentity got no answer: RequestTimedOut: AWS gave no answer within 1000 ms',
    });
  }, 90_000);
});
