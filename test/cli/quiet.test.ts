import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fail, type QueryDouble, startQueryDouble } from '../aws/query-double.js';
import { tempDir, writeFiles } from '../helpers/repo.js';
import { awsKeyId, awsSecret } from '../helpers/tokens.js';
import { runCommand } from './command.js';

/**
 * A run on the README's Node version says nothing on stderr but what tokenscope itself has to say:
 * no SDK support-policy warning, no SDK log line.
 */
let sts: QueryDouble;
beforeAll(async () => {
  sts = await startQueryDouble({
    'sts:GetCallerIdentity': () =>
      fail(403, 'InvalidClientTokenId', 'The security token included in the request is invalid.'),
  });
});
afterAll(() => sts.close());

describe('a quiet run', () => {
  it('an audit that finds nothing writes nothing to stderr', async () => {
    const root = tempDir();
    writeFiles(root, { 'README.md': 'nothing to see\n' });
    const run = await runCommand(['audit', root]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('an audit that inspects an AWS key (the SDK loaded and used) writes nothing to stderr', async () => {
    const root = tempDir();
    writeFiles(root, { '.env': `aws_access_key_id=${awsKeyId()}\naws_secret_access_key=${awsSecret()}\n` });
    const run = await runCommand(['audit', root, '--format', 'json', '--aws-endpoint', sts.url]);
    expect(sts.requests.map((r) => r.action)).toContain('GetCallerIdentity');
    expect(JSON.parse(run.stdout).findings[0].verification).toBe('invalid');
    expect(run.stderr).toBe('');
  });
});
