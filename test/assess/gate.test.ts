import { describe, expect, it } from '@jest/globals';
import { cli } from '../helpers/cli.js';
import { gitRepo } from '../helpers/repo.js';
import { awsKeyId, awsSecret, githubToken, railwayToken } from '../helpers/tokens.js';
import { openaiKey, slackBotToken, stripeLiveKey } from './samples.js';

interface Report {
  summary: { failOn: string; failing: number };
  findings: { provider: string; severity: string; verification: string; breadth: string; exposure: string }[];
}

const audit = async (root: string, ...flags: string[]) => {
  const run = await cli(['audit', root, '--format', 'json', '--threads', '1', ...flags]);
  return { code: run.code, report: JSON.parse(run.stdout) as Report };
};
const bySeverity = (r: Report) =>
  Object.fromEntries(r.findings.map((f) => [f.provider, f.severity])) as Record<string, string>;

/** A port nothing listens on: a provider that cannot be reached. */
const NOWHERE = 'http://127.0.0.1:9';

describe('the default gate fires on committed secrets of high-confidence kinds', () => {
  const committed = gitRepo(
    {
      'src/payments.ts': `export const stripe = "${stripeLiveKey()}";\n`,
      '.github/ci.env': `GH_TOKEN=${githubToken()}\nSLACK_BOT_TOKEN=${slackBotToken()}\n`,
      'deploy/aws.ini': `[default]\naws_access_key_id = ${awsKeyId()}\naws_secret_access_key = ${awsSecret()}\n`,
      'scripts/summarise.py': `OPENAI_API_KEY = "${openaiKey()}"\n`,
    },
    ['src/payments.ts', '.github/ci.env', 'deploy/aws.ini', 'scripts/summarise.py'],
  );
  const expected = { stripe: 'high', github: 'high', slack: 'high', aws: 'high', openai: 'high' };

  it('offline: every one is high, and the run exits 1 at the default fail-on', async () => {
    const { code, report } = await audit(committed, '--offline');
    expect(report.summary.failOn).toBe('high');
    expect(bySeverity(report)).toEqual(expected);
    expect(report.findings.every((f) => f.breadth === 'unknown' && f.exposure === 'committed')).toBe(true);
    expect(report.summary.failing).toBe(5);
    expect(code).toBe(1);
  });

  it('with the providers out of reach: the same', async () => {
    const { code, report } = await audit(
      committed,
      '--github-api-url',
      NOWHERE,
      '--aws-endpoint',
      NOWHERE,
      '--slack-api-url',
      NOWHERE,
      '--timeout',
      '2000',
    );
    expect(report.findings.map((f) => f.verification)).not.toContain('verified');
    expect(bySeverity(report)).toEqual(expected);
    expect(code).toBe(1);
  });

  it("--fail-on and the policy stay the user's override", async () => {
    expect((await audit(committed, '--offline', '--fail-on', 'critical')).code).toBe(0);
    const lenient = gitRepo(
      {
        'src/payments.ts': `export const stripe = "${stripeLiveKey()}";\n`,
        '.tokenscope.yml': 'policy:\n  failOn: critical\n',
      },
      ['src/payments.ts', '.tokenscope.yml'],
    );
    expect((await audit(lenient, '--offline')).code).toBe(0);
  });

  it('the same keys outside git do not fail the default gate: they are where secrets may live', async () => {
    const root = gitRepo(
      { '.gitignore': '.env\n', '.env': `STRIPE_SECRET_KEY=${stripeLiveKey()}\nGH_TOKEN=${githubToken()}\n` },
      ['.gitignore'],
    );
    const { code, report } = await audit(root, '--offline');
    expect(bySeverity(report)).toEqual({ stripe: 'medium', github: 'medium' });
    expect(code).toBe(0);
  });
});

describe('a credential found by context only stays below the default gate', () => {
  it('a Railway UUID, a database password and a lone AWS key id, committed and not inspected: medium, exit 0', async () => {
    const root = gitRepo(
      {
        'deploy/railway.env': `RAILWAY_TOKEN=${railwayToken()}\n`,
        'config/db.env': 'DATABASE_URL=postgres://app:Zq7vLm2xKp9w@db.internal.acme.io:5432/app\n',
        // A key id without its secret key is an identifier AWS shows freely, not a credential.
        'docs/iam.md': `The deploy user's key is ${awsKeyId()}.\n`,
      },
      ['deploy/railway.env', 'config/db.env', 'docs/iam.md'],
    );
    const { code, report } = await audit(root, '--offline');
    expect(bySeverity(report)).toEqual({ railway: 'medium', postgres: 'medium', aws: 'medium' });
    expect(code).toBe(0);
  });
});
