import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { logProviderRequest } from '../helpers/provider-log.js';

/**
 * A loopback double of STS and IAM speaking their Query protocol: a form-encoded POST
 * (`Action=...&Version=...`) answered with XML shaped as the AWS SDK v3 parses it
 * (`<XResponse><XResult>...</XResult><ResponseMetadata/></XResponse>`, lists as `<member>`,
 * errors as `<ErrorResponse><Error><Type/><Code/><Message/></Error></ErrorResponse>`).
 * The real SDK clients parse every answer, so a wrong shape fails the tests that use it.
 */

export const STS_VERSION = '2011-06-15';
export const IAM_VERSION = '2010-05-08';

export interface QueryRequest {
  service: 'sts' | 'iam' | 'unknown';
  action: string;
  params: URLSearchParams;
  /** The access key id the request was signed with (from the SigV4 Authorization header). */
  signedWith: string | undefined;
  /** The signing service named in the credential scope. */
  signingService: string | undefined;
}

export type Reply = { status?: number; xml: string };
/** 'hang' never answers (the connection stays open until the client gives up or the double closes). */
export type Handler = (params: URLSearchParams) => Reply | 'hang';

export interface QueryDouble {
  url: string;
  requests: QueryRequest[];
  close(): Promise<void>;
}

const NS: Record<string, string> = {
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
  iam: 'https://iam.amazonaws.com/doc/2010-05-08/',
};

export function ok(service: 'sts' | 'iam', action: string, inner: string): Reply {
  return {
    xml: `<${action}Response xmlns="${NS[service]}"><${action}Result>${inner}</${action}Result><ResponseMetadata><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ResponseMetadata></${action}Response>`,
  };
}

export function fail(status: number, code: string, message: string, type = 'Sender'): Reply {
  return {
    status,
    xml: `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>${type}</Type><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>4c1b8f1a-EXAMPLE</RequestId></ErrorResponse>`,
  };
}

export const members = (items: string[]) => items.map((i) => `<member>${i}</member>`).join('');

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Starts the double on 127.0.0.1, port 0. `handlers` keys are `sts:Action` / `iam:Action`. */
export async function startQueryDouble(handlers: Record<string, Handler>): Promise<QueryDouble> {
  const requests: QueryRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const params = new URLSearchParams(body);
    const version = params.get('Version');
    const service = version === STS_VERSION ? 'sts' : version === IAM_VERSION ? 'iam' : 'unknown';
    const action = params.get('Action') ?? '';
    const auth = req.headers.authorization ?? '';
    const scope = /Credential=([^/]+)\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/.exec(auth);
    requests.push({ service, action, params, signedWith: scope?.[1], signingService: scope?.[2] });
    logProviderRequest({ provider: 'aws', method: req.method ?? '', what: action });
    const handler = req.method === 'POST' ? handlers[`${service}:${action}`] : undefined;
    const reply = handler ? handler(params) : fail(400, 'InvalidAction', `Could not find operation ${action}`);
    if (reply === 'hang') return;
    res.writeHead(reply.status ?? 200, { 'content-type': 'text/xml' });
    res.end(reply.xml);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
