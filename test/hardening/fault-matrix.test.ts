import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:net';
import { cli } from '../helpers/cli.js';
import { tempDir, writeFiles } from '../helpers/repo.js';
import { cfToken } from '../cloudflare/tokens.js';
import { doToken } from '../digitalocean/tokens.js';
import { gitlabToken } from '../gitlab/tokens.js';
import { sendgridKey } from '../sendgrid/tokens.js';
import { slackUser } from '../slack/tokens.js';
import { orgToken } from '../flyio/tokens.js';
import { awsKeyId, awsSecret, githubToken, railwayToken } from '../helpers/tokens.js';
import { herokuToken } from '../heroku/tokens.js';
import { neonKey } from '../neon/tokens.js';
import { netlifyToken } from '../netlify/world.js';
import { renderKey } from '../render/world.js';
import { supabaseToken } from '../supabase/tokens.js';
import { hfToken } from '../huggingface/tokens.js';
import { npmToken } from '../npm/tokens.js';
import { anthropicKey } from '../anthropic/tokens.js';
import { openaiKey } from '../openai/tokens.js';
import { stripeKey } from '../stripe/tokens.js';
import { vercelToken } from '../vercel/tokens.js';
import { oneLine, serviceAccountKey } from '../google/tokens.js';
import { MAKE } from '../verify/tokens.js';

/**
 * One loopback server that misbehaves in a chosen way for every provider at once, speaking raw
 * TCP so it can also reset connections and lie about lengths.
 */
type Fault =
  | 'hang'
  | 'reset'
  | '429-retry-after'
  | '429-bare'
  | '500'
  | '503'
  | 'truncated'
  | 'malformed'
  | 'html'
  | 'huge';
let fault: Fault = 'hang';
let requests = 0;
let server: Server;
let url: string;

function reply(
  status: string,
  headers: Record<string, string>,
  body: string | Buffer,
  declaredLength?: number,
): Buffer {
  const b = Buffer.isBuffer(body) ? body : Buffer.from(body);
  const head = [
    `HTTP/1.1 ${status}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    `content-length: ${declaredLength ?? b.length}`,
    'connection: close',
    '',
    '',
  ].join('\r\n');
  return Buffer.concat([Buffer.from(head), b]);
}

beforeAll(async () => {
  server = createServer((socket) => {
    socket.once('data', () => {
      requests++;
      const json = { 'content-type': 'application/json' };
      switch (fault) {
        case 'hang':
          return; // never answers
        case 'reset':
          return socket.resetAndDestroy();
        case '429-retry-after':
          return socket.end(reply('429 Too Many Requests', { ...json, 'retry-after': '1' }, '{"message":"slow down"}'));
        case '429-bare':
          return socket.end(reply('429 Too Many Requests', json, '{"message":"slow down"}'));
        case '500':
          return socket.end(reply('500 Internal Server Error', json, '{"message":"boom"}'));
        case '503':
          return socket.end(reply('503 Service Unavailable', { 'content-type': 'text/plain' }, 'unavailable'));
        case 'truncated':
          return socket.end(reply('200 OK', json, '{"data":{"me":{"id":"u', 500));
        case 'malformed':
          return socket.end(reply('200 OK', json, '{"data": [}'));
        case 'html':
          return socket.end(reply('200 OK', { 'content-type': 'text/html' }, '<html><body>Login</body></html>'));
        case 'huge':
          return socket.end(reply('200 OK', json, Buffer.alloc(8 * 1024 * 1024, 0x20)));
      }
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
afterAll(() => {
  server.close();
});

const root = tempDir();
/**
 * Two providers verified by one whoami (src/core/whoami.ts; all of them meet the shared faults in
 * test/verify/faults.test.ts), each with a fresh token. Only two: every provider here adds 8 MB
 * to the `huge` case, which already nears its time bound on a loaded machine.
 */
const WHOAMI = ['buildkite', 'sentry'] as const;
const whoamiTokens = WHOAMI.map((id) => MAKE[id]());
const raw = [
  railwayToken(),
  githubToken(),
  awsKeyId(),
  awsSecret(),
  vercelToken(),
  herokuToken(),
  netlifyToken(),
  renderKey(),
  orgToken(4242),
  doToken(),
  cfToken(),
  supabaseToken(),
  neonKey(),
  npmToken(),
  hfToken(),
  stripeKey(),
  openaiKey('sk-admin-'),
  anthropicKey('sk-ant-admin01-'),
  gitlabToken(),
  slackUser(),
  sendgridKey(),
  // A service-account key file, inlined in a variable as a JSON string.
  JSON.stringify(oneLine(serviceAccountKey('acme-prod', 'deployer').json)),
];
writeFiles(root, {
  // npm first: a later line could be taken for a neighbour's by-context rule (Cloudflare's).
  '.env': `NPM_TOKEN=${raw[13]}\nHF_TOKEN=${raw[14]}\nRAILWAY_API_TOKEN=${raw[0]}\nGITHUB_TOKEN=${raw[1]}\naws_access_key_id=${raw[2]}\naws_secret_access_key=${raw[3]}\nVERCEL_TOKEN=${raw[4]}\nHEROKU_API_KEY=${raw[5]}\nNETLIFY_AUTH_TOKEN=${raw[6]}\nRENDER_API_KEY=${raw[7]}\nFLY_API_TOKEN="${raw[8]}"\nDIGITALOCEAN_TOKEN=${raw[9]}\nCLOUDFLARE_API_TOKEN=${raw[10]}\nSUPABASE_ACCESS_TOKEN=${raw[11]}\nNEON_API_KEY=${raw[12]}\nSTRIPE_SECRET_KEY=${raw[15]}\nOPENAI_API_KEY=${raw[16]}\nANTHROPIC_API_KEY=${raw[17]}\nGITLAB_TOKEN=${raw[18]}\nSLACK_TOKEN=${raw[19]}\nSENDGRID_API_KEY=${raw[20]}\nGOOGLE_CREDENTIALS=${raw[21]}\n${WHOAMI.map((id, i) => `${id.toUpperCase()}_TOKEN=${whoamiTokens[i]}\n`).join('')}`,
  // Every credential at once (concurrency above their number), so the time bound below is one budget.
  '.tokenscope.yml': 'inspect:\n  timeoutMs: 800\n  budgetMs: 4000\n  concurrency: 64\n',
  // Every fault but the hang runs with a patient timeout: on a loaded 2-core machine, 25 providers'
  // 8 MiB answers at once (or three attempts at a 503) can outlast 800 ms without anything being wrong.
  'patient.yml': 'inspect:\n  timeoutMs: 6000\n  budgetMs: 12000\n  concurrency: 64\n',
});

const FAULTS: Fault[] = [
  'hang',
  'reset',
  '429-retry-after',
  '429-bare',
  '500',
  '503',
  'truncated',
  'malformed',
  'html',
  'huge',
];

/**
 * What each fault must become, for every provider: rate limits leave a credential unverified (we
 * were told to come back later); everything else a provider did wrong is an error. The reason must
 * say what happened.
 */
const EXPECTED: Record<Fault, { verification: 'error' | 'unverified'; reason: RegExp }> = {
  hang: { verification: 'error', reason: /no answer|time budget|abort/i },
  reset: { verification: 'error', reason: /ECONNRESET|Unknown Error/ },
  '429-retry-after': { verification: 'unverified', reason: /429/ },
  '429-bare': { verification: 'unverified', reason: /429/ },
  '500': { verification: 'error', reason: /HTTP 500/ },
  '503': { verification: 'error', reason: /HTTP 503/ },
  truncated: { verification: 'error', reason: /abort|not a user|CONTENT_LENGTH_MISMATCH/ },
  malformed: { verification: 'error', reason: /not JSON|not a user|parse error/ },
  html: { verification: 'error', reason: /not JSON|not a user|without an ARN/ },
  huge: { verification: 'error', reason: /response body larger than 5242880 bytes/ },
};

describe('fault matrix: every provider, every fault: bounded, kept, explained', () => {
  for (const f of FAULTS) {
    it(f, async () => {
      fault = f;
      requests = 0;
      const started = Date.now();
      const run = await cli(
        [
          'audit',
          root,
          ...(f === 'hang' ? [] : ['--config', `${root}/patient.yml`]),
          '--format',
          'json',
          '--threads',
          '1',
          '--railway-endpoint',
          `${url}/graphql/v2`,
          '--github-api-url',
          url,
          '--aws-endpoint',
          url,
          '--vercel-api-url',
          url,
          '--heroku-api-url',
          url,
          '--netlify-api-url',
          `${url}/api/v1`,
          '--render-api-url',
          `${url}/v1`,
          '--flyio-api-url',
          `${url}/graphql`,
          '--digitalocean-api-url',
          url,
          '--cloudflare-api-url',
          `${url}/client/v4`,
          '--supabase-api-url',
          url,
          '--neon-api-url',
          `${url}/api/v2`,
          '--npm-registry-url',
          url,
          '--huggingface-api-url',
          url,
          '--stripe-api-url',
          url,
          '--openai-api-url',
          url,
          '--anthropic-api-url',
          url,
          '--gitlab-url',
          url,
          '--slack-api-url',
          `${url}/api`,
          '--sendgrid-api-url',
          url,
          '--google-api-url',
          url,
          '--google-oauth-url',
          url,
          ...WHOAMI.flatMap((id) => [`--${id}-api-url`, url]),
        ],
        {
          env: { AWS_ENDPOINT_URL_IAM: url, AWS_ENDPOINT_URL_STS: url },
        },
      );
      const elapsed = Date.now() - started;
      expect(run.code).not.toBe(2);
      const report = JSON.parse(run.stdout) as {
        findings: Array<{ provider: string; verification: string; verificationReason: string }>;
      };
      expect(report.findings.map((x) => x.provider).sort()).toEqual([
        'anthropic',
        'aws',
        'buildkite',
        'cloudflare',
        'digitalocean',
        'flyio',
        'github',
        'gitlab',
        'google',
        'heroku',
        'huggingface',
        'neon',
        'netlify',
        'npm',
        'openai',
        'railway',
        'render',
        'sendgrid',
        'sentry',
        'slack',
        'stripe',
        'supabase',
        'vercel',
      ]);
      for (const finding of report.findings) {
        expect({
          provider: finding.provider,
          verification: finding.verification,
          reason: finding.verificationReason,
        }).toEqual({
          provider: finding.provider,
          verification: EXPECTED[f].verification,
          reason: expect.stringMatching(EXPECTED[f].reason),
        });
      }
      // Each credential has one budget (4 s for the hang, 12 s otherwise); they run concurrently.
      // Retries are bounded.
      expect(elapsed).toBeLessThan(f === 'hang' ? 9_000 : 20_000);
      // At most 7 requests per credential's provider (its calls times bounded retries).
      expect(requests).toBeLessThanOrEqual(7 * report.findings.length);
      for (const r of [...raw, ...whoamiTokens]) expect(run.stdout + run.stderr).not.toContain(r);
      if (process.env.FAULT_MATRIX_PRINT)
        process.stderr.write(
          `${f} ${elapsed}ms ${requests}req ${report.findings.map((x) => `${x.provider}=${x.verification}: ${x.verificationReason}`).join(' | ')}\n`,
        );
    });
  }
});
