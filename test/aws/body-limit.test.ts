import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { DEFAULT_POLICY } from '../../src/assess/policy.js';
import type { Provider } from '../../src/core/provider.js';
import type { Credential, Inspection } from '../../src/core/types.js';
import { inspectAll } from '../../src/inspect/run.js';
import { aws } from '../../providers/aws/index.js';
import { awsCredential, fakeSecretKey, keyIdFor } from './helpers.js';
import { startQueryDouble } from './query-double.js';
import { ACCOUNT } from './scenario.js';

/**
 * The SDK reads AWS answers with its own HTTP handler, outside ReadOnlyHttp: these prove that path
 * is bounded too. The README promises 5 MiB; 5 * 1024 * 1024 = 5242880 bytes.
 */

const MIB = 1024 * 1024;
/** What the streaming double is willing to send at most: far past the cap, far less than it would cost to buffer. */
const OFFER = 64 * MIB;

const ENV_KEYS = ['AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_STS', 'AWS_ENDPOINT_URL_IAM'];
const saved: Record<string, string | undefined> = {};
const servers: Server[] = [];
beforeEach(() => {
  for (const k of ENV_KEYS) {
    saved[k] = process.env[k];
    delete process.env[k];
  }
});
afterEach(async () => {
  for (const k of ENV_KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  await Promise.all(
    servers.splice(0).map(
      (s) =>
        new Promise<void>((resolve) => {
          s.closeAllConnections();
          s.close(() => resolve());
        }),
    ),
  );
});

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

interface Streamer {
  url: string;
  /** Bytes handed to the socket: stops growing once the client hangs up. */
  sent(): number;
  /** The largest RSS of this process seen while streaming (this process holds both ends). */
  peakRss(): number;
  /** Resolves when the response is over: finished, or the client disconnected. */
  done: Promise<'finished' | 'client disconnected'>;
}

/**
 * An "STS" that answers 200 with an endless-looking XML body: one 64 KiB buffer written again and
 * again, honouring backpressure, until OFFER bytes are out or the client disconnects. Nothing the
 * size of the body is ever allocated here.
 */
async function streamingSts(opts: { declareLength?: boolean } = {}): Promise<Streamer> {
  const chunk = Buffer.alloc(64 * 1024, 0x20); // spaces: still "XML", just never-ending
  let sent = 0;
  let peak = process.memoryUsage.rss();
  let finish: (why: 'finished' | 'client disconnected') => void = () => {};
  const done = new Promise<'finished' | 'client disconnected'>((resolve) => {
    finish = resolve;
  });
  const url = await listen((req, res) => {
    req.resume();
    res.writeHead(200, {
      'content-type': 'text/xml',
      ...(opts.declareLength ? { 'content-length': String(OFFER) } : {}),
    });
    let over = false;
    res.on('close', () => {
      if (!over) finish('client disconnected');
      over = true;
    });
    const pump = () => {
      while (!over && sent < OFFER) {
        peak = Math.max(peak, process.memoryUsage.rss());
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (!over) {
        over = true;
        res.end();
        finish('finished');
      }
    };
    res.write('<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">');
    pump();
  });
  return { url, sent: () => sent, peakRss: () => peak, done };
}

async function inspectAt(credential: Credential, endpoint: string): Promise<Inspection> {
  const providers = new Map<string, Provider>([['aws', aws]]);
  const { inspections } = await inspectAll([credential], providers, {
    offline: false,
    endpoints: { aws: new URL(endpoint) },
    policy: DEFAULT_POLICY,
    concurrency: 1,
    budgetMs: 60_000,
  });
  return inspections.get(credential.fingerprint)!;
}

describe('AWS responses are bounded like every other provider answer', () => {
  test('a body streamed past 5 MiB is cut off: an error naming the cap, the connection dropped, memory bounded', async () => {
    const sts = await streamingSts();
    const before = process.memoryUsage.rss();

    const inspection = await inspectAt(awsCredential(keyIdFor(ACCOUNT), fakeSecretKey()), sts.url);

    expect(inspection.verification).toBe('error');
    expect(inspection.reason).toContain('response body larger than 5242880 bytes');
    // The client hung up long before the double ran out of body to send.
    await expect(sts.done).resolves.toBe('client disconnected');
    expect(sts.sent()).toBeLessThan(24 * MIB);
    // Buffering the offer would grow RSS by more than the offer itself; the cap keeps it to a few MiB.
    const growth = Math.max(sts.peakRss(), process.memoryUsage.rss()) - before;
    expect(growth).toBeLessThan(48 * MIB);
  });

  test('a declared Content-Length past 5 MiB is refused before the body is read', async () => {
    const sts = await streamingSts({ declareLength: true });

    const inspection = await inspectAt(awsCredential(keyIdFor(ACCOUNT), fakeSecretKey()), sts.url);

    expect(inspection.verification).toBe('error');
    expect(inspection.reason).toContain('response body larger than 5242880 bytes');
    await expect(sts.done).resolves.toBe('client disconnected');
    expect(sts.sent()).toBeLessThan(24 * MIB);
  });

  test('a body under the cap is read as usual', async () => {
    // 4 MiB of padding inside a well-formed answer: below 5 MiB, so the key is verified.
    const padding = ' '.repeat(4 * MIB);
    const d = await startQueryDouble({
      'sts:GetCallerIdentity': () => ({
        xml: `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:sts::123456789012:assumed-role/ci/run-1</Arn><UserId>AROAEXAMPLEID:run-1</UserId><Account>123456789012</Account></GetCallerIdentityResult>${padding}<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
      }),
    });
    try {
      const inspection = await inspectAt(awsCredential(keyIdFor(ACCOUNT), fakeSecretKey()), d.url);
      expect(inspection.verification).toBe('verified');
      expect(inspection.scope!.identity).toBe('arn:aws:sts::123456789012:assumed-role/ci/run-1');
    } finally {
      await d.close();
    }
  });

  test('a redirect from STS is not followed: the key never reaches the Location', async () => {
    const elsewhere: string[] = [];
    const other = await listen((req, res) => {
      elsewhere.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
      res.writeHead(200, { 'content-type': 'text/xml' }).end('<x/>');
    });
    const sts = await listen((req, res) => {
      req.resume();
      res.writeHead(307, { location: `${other}/steal` }).end();
    });

    const inspection = await inspectAt(awsCredential(keyIdFor(ACCOUNT), fakeSecretKey()), sts);

    expect(elsewhere).toEqual([]);
    expect(inspection.verification).toBe('error');
    expect(inspection.reason).toMatch(/^sts:GetCallerIdentity answered unexpectedly: .*HTTP 307/);
  });
});
