import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { cli } from '../helpers/cli.js';
import { gitRepo } from '../helpers/repo.js';
import { awsKeyId, awsSecret, githubToken, railwayToken } from '../helpers/tokens.js';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  a: Ajv,
) => Ajv;

const gh = githubToken();
const rw = railwayToken();
const keyId = awsKeyId();
const secretKey = awsSecret();
const RAW = [gh, rw, keyId, secretKey];
const root = gitRepo(
  {
    '.gitignore': '.env\n',
    'config/app.yml': `github:\n  token: ${gh}\n`,
    '.env': `RAILWAY_TOKEN=${rw}\n`,
    'aws/credentials': `[default]\naws_access_key_id = ${keyId}\naws_secret_access_key = ${secretKey}\n`,
  },
  ['.gitignore', 'config/app.yml', 'aws/credentials'],
);

const run = (format: string) => cli(['audit', root, '--format', format, '--offline', '--threads', '1']);

describe('report formats', () => {
  it('json is valid against schemas/report.schema.json and follows the contract', async () => {
    const { stdout, code } = await run('json');
    // Committed tokens of high-confidence kinds fail the default gate, inspected or not.
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync('schemas/report.schema.json', 'utf8')));
    expect(validate.errors ?? validate(report)).toBe(true);
    expect(report.tool.name).toBe('tokenscope');
    expect(report.summary.credentials).toBe(3);
    const aws = report.findings.find((f: { provider: string }) => f.provider === 'aws');
    // The key id and its secret are one credential; the account is decoded offline.
    expect(aws.locations).toHaveLength(1);
    expect(aws.scope.identity).toMatch(/^account \d{12}$/);
    // Uninspected but committed, and an AKIA key id (a distinctive prefix): high.
    expect(aws.severity).toBe('high');
    expect(aws).toMatchObject({ breadth: 'unknown', exposure: 'committed' });
    // Uninspected in an ignored file, and a Railway UUID is known only by its context: low.
    const railway = report.findings.find((f: { provider: string }) => f.provider === 'railway');
    expect(railway.verification).toBe('unverified');
    expect(railway.verificationReason).toMatch(/offline/);
    expect(railway.severity).toBe('low');
    expect(railway).toMatchObject({ breadth: 'unknown', exposure: 'local' });
  });

  it('sarif is valid against the official SARIF 2.1.0 schema, one result per location', async () => {
    const { stdout } = await run('sarif');
    const sarif = JSON.parse(stdout);
    const schemaFile = join('node_modules', '@microsoft', 'sarif-multitool-linux', 'sarif-2.1.0.json');
    const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
    const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
    const ok = validate(sarif);
    expect(validate.errors ?? ok).toBe(true);
    const results = sarif.runs[0].results;
    expect(results).toHaveLength(3);
    for (const r of results) {
      expect(r.partialFingerprints['tokenscope/credential/v1']).toMatch(/^[0-9a-f]{24}$/);
      expect(sarif.runs[0].tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
    }
    expect(
      results
        .map(
          (r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) =>
            r.locations[0]!.physicalLocation.artifactLocation.uri,
        )
        .sort(),
    ).toEqual(['.env', 'aws/credentials', 'config/app.yml']);
  });

  it('markdown has a row per credential with what it can do', async () => {
    const { stdout } = await run('markdown');
    expect(stdout).toMatch(/^## tokenscope/);
    expect(stdout.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| severity'))).toHaveLength(3);
    expect(stdout).toMatch(/account \d{12}/);
  });

  it('table shows each credential and says which could not be inspected', async () => {
    const { stdout } = await run('table');
    expect(stdout).toMatch(/Could not inspect 3 credential\(s\)/);
    expect(stdout).toMatch(/config\/app\.yml:2 \(tracked\)/);
  });

  it('no format carries a raw secret', async () => {
    for (const format of ['json', 'sarif', 'markdown', 'table']) {
      const { stdout, stderr } = await run(format);
      for (const raw of RAW) {
        expect(stdout).not.toContain(raw);
        expect(stderr).not.toContain(raw);
      }
    }
  });

  it('--output writes the report atomically and prints nothing', async () => {
    const out = join(root, '..', `report-${Date.now()}.json`);
    const { stdout, code } = await cli(['audit', root, '--format', 'json', '--offline', '--output', out]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.credentials).toBe(3);
    expect(readdirSync(join(root, '..')).filter((n) => n.includes('.tmp'))).toEqual([]);
  });
});

describe('the report header names where tokens were sent', () => {
  it('json, table and markdown list each provider endpoint in use', async () => {
    const flags = [
      '--railway-endpoint',
      'http://127.0.0.1:9/graphql',
      '--github-api-url',
      'http://127.0.0.1:9',
      '--aws-endpoint',
      'http://127.0.0.1:9',
      '--vercel-api-url',
      'http://127.0.0.1:9',
      '--heroku-api-url',
      'http://127.0.0.1:9',
      '--netlify-api-url',
      'http://127.0.0.1:9/api/v1',
      '--render-api-url',
      'http://127.0.0.1:9/v1',
      '--timeout',
      '200',
    ];
    const json = JSON.parse((await cli(['audit', root, '--format', 'json', '--threads', '1', ...flags])).stdout);
    // The flags' endpoints; every other inspecting provider at its default.
    expect(json.endpoints).toMatchObject({
      railway: 'http://127.0.0.1:9/graphql',
      github: 'http://127.0.0.1:9/',
      aws: 'http://127.0.0.1:9/',
      vercel: 'http://127.0.0.1:9/',
      heroku: 'http://127.0.0.1:9/',
      netlify: 'http://127.0.0.1:9/api/v1',
      render: 'http://127.0.0.1:9/v1',
      flyio: 'https://api.fly.io/graphql',
      digitalocean: 'https://api.digitalocean.com/',
      cloudflare: 'https://api.cloudflare.com/client/v4',
    });
    const table = (await cli(['audit', root, '--format', 'table', '--threads', '1', ...flags])).stdout;
    expect(table).toMatch(
      /Provider endpoints: railway http:\/\/127\.0\.0\.1:9\/graphql, github http:\/\/127\.0\.0\.1:9\//,
    );
    const md = (await cli(['audit', root, '--format', 'markdown', '--threads', '1', ...flags])).stdout;
    expect(md).toMatch(/Provider endpoints: railway `http:\/\/127\.0\.0\.1:9\/graphql`/);
  });
});
