import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { Candidate } from '../../src/core/types.js';
import { detectFrom } from '../helpers/detect-source.js';
import { envSource } from '../../src/sources/env.js';
import { tempDir } from '../helpers/repo.js';
import { awsKeyId, awsSecret, githubToken } from '../helpers/tokens.js';
import { auditJson, idOf } from '../history/world.js';

async function scanEnv(env: Record<string, string>): Promise<Candidate[]> {
  return detectFrom(envSource(env, 1024 * 1024));
}

/** A session token shaped like STS's: long, base64. */
const sessionToken = () => `IQoJb3JpZ2luX2Vj${randomBytes(300).toString('base64')}`;

describe('--include-env: a credential kept in several variables is read as one', () => {
  it('AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN: one key with its secret and token', async () => {
    const [id, secret, token] = [awsKeyId('ASIA'), awsSecret(), sessionToken()];
    const found = await scanEnv({
      AWS_ACCESS_KEY_ID: id,
      AWS_DEFAULT_REGION: 'eu-west-1',
      AWS_SECRET_ACCESS_KEY: secret,
      AWS_SESSION_TOKEN: token,
      PATH: '/usr/bin',
    });
    expect(found).toHaveLength(1);
    const [key] = found;
    expect(key!.ruleId).toBe('aws-access-key-id');
    expect(key!.secret.reveal()).toBe(id);
    expect(key!.parts?.secretAccessKey?.reveal()).toBe(secret);
    expect(key!.parts?.sessionToken?.reveal()).toBe(token);
    expect(key!.location).toMatchObject({ path: 'AWS_ACCESS_KEY_ID', line: 1, source: 'env' });
  });

  it('two prefixes are two credentials, each with its own secret', async () => {
    const [id, secret, prodId, prodSecret] = [awsKeyId(), awsSecret(), awsKeyId(), awsSecret()];
    const found = await scanEnv({
      AWS_ACCESS_KEY_ID: id,
      AWS_SECRET_ACCESS_KEY: secret,
      PROD_AWS_ACCESS_KEY_ID: prodId,
      PROD_AWS_SECRET_ACCESS_KEY: prodSecret,
    });
    const pairs = found.map((c) => [c.location.path, c.secret.reveal(), c.parts?.secretAccessKey?.reveal()]);
    expect(pairs.sort()).toEqual(
      [
        ['AWS_ACCESS_KEY_ID', id, secret],
        ['PROD_AWS_ACCESS_KEY_ID', prodId, prodSecret],
      ].sort(),
    );
  });

  it("the older tools' AWS_ACCESS_KEY and AWS_SECRET_KEY are a pair too", async () => {
    const [id, secret] = [awsKeyId(), awsSecret()];
    const found = await scanEnv({ AWS_ACCESS_KEY: id, AWS_SECRET_KEY: secret });
    expect(found.map((c) => [c.location.path, c.secret.reveal(), c.parts?.secretAccessKey?.reveal()])).toEqual([
      ['AWS_ACCESS_KEY', id, secret],
    ]);
  });

  it('other variables are still scanned one by one, at their names', async () => {
    const t = githubToken();
    const found = await scanEnv({ GH_TOKEN: t, HOME: '/home/me' });
    expect(found.map((c) => [c.ruleId, c.location.path, c.location.line])).toEqual([
      ['github-pat-classic', 'GH_TOKEN', 1],
    ]);
  });

  it('PGPASSWORD with PGHOST, PGPORT, PGUSER and PGDATABASE: one PostgreSQL login, located at PGPASSWORD', async () => {
    const password = `pw'${randomBytes(12).toString('hex')}@/:`;
    const found = await scanEnv({
      PGHOST: 'db-1.acme.internal',
      PGPORT: '6432',
      PGUSER: 'app',
      PGDATABASE: 'orders',
      PGPASSWORD: password,
    });
    expect(found).toHaveLength(1);
    expect(found[0]!.provider).toBe('postgres');
    expect(found[0]!.location).toMatchObject({ path: 'PGPASSWORD', source: 'env' });
    const url = new URL(found[0]!.secret.reveal());
    expect([url.hostname, url.port, url.pathname, decodeURIComponent(url.username)]).toEqual([
      'db-1.acme.internal',
      '6432',
      '/orders',
      'app',
    ]);
    expect(decodeURIComponent(url.password)).toBe(password);
  });

  it('through the CLI: one AWS finding, no lone secret key, nothing left unpaired', async () => {
    const [id, secret] = [awsKeyId(), awsSecret()];
    const run = await auditJson([tempDir(), '--include-env'], { AWS_ACCESS_KEY_ID: id, AWS_SECRET_ACCESS_KEY: secret });
    const findings = run.report!.findings as unknown as Array<{
      id: string;
      ruleId: string;
      scope: { unknowns: Array<{ what: string; reason: string }> } | null;
    }>;
    expect(findings.map((f) => [f.id, f.ruleId])).toEqual([[idOf('aws', id), 'aws-access-key-id']]);
    // Paired: the offline description no longer says the secret key is missing.
    expect(JSON.stringify(findings[0]!.scope)).not.toMatch(/no secret access key was found/);
  });
});
