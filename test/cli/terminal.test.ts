import { describe, expect, it } from '@jest/globals';
import { cli } from '../helpers/cli.js';
import { tempDir, writeFiles } from '../helpers/repo.js';
import { awsKeyId, awsSecret, githubToken } from '../helpers/tokens.js';

const root = tempDir();
writeFiles(root, {
  'deploy/a-rather-long-folder-name/settings.env': `GITHUB_TOKEN=${githubToken()}\n`,
  '.env': `aws_access_key_id=${awsKeyId()}\naws_secret_access_key=${awsSecret()}\nDATABASE_URL=postgres://app:Xk29vLq8Rw7nT3pZ@db.internal.acme.io:5432/shop\n`,
});
const ESC = '\x1b[';
const audit = (io: Parameters<typeof cli>[1] = {}, extra: string[] = []) =>
  cli(['audit', root, '--offline', '--threads', '1', ...extra], io);

describe('on a terminal', () => {
  it('severities are coloured when stdout is a terminal', async () => {
    const run = await audit({ stdoutIsTTY: true, columns: 160 });
    // The colour surrounds the word (cli-table3 may carry the cell's padding inside it).
    expect(run.stdout).toMatch(/\x1b\[36mlow *\x1b\[0m/);
  });

  it('no colour with NO_COLOR, into a pipe, or into a file', async () => {
    expect((await audit({ stdoutIsTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(ESC);
    expect((await audit({ stdoutIsTTY: false })).stdout).not.toContain(ESC);
    expect((await audit()).stdout).not.toContain(ESC);
  });

  it('the table fits the terminal it is drawn on', async () => {
    for (const columns of [100, 120]) {
      const run = await audit({ stdoutIsTTY: true, columns, env: { NO_COLOR: '1' } });
      const table = run.stdout.split('\n').filter((l) => /^[┌│├└]/.test(l));
      expect(table.length).toBeGreaterThan(3);
      expect(Math.max(...table.map((l) => l.length))).toBeLessThanOrEqual(columns);
    }
  });

  it('help is wrapped to the terminal at word boundaries', async () => {
    const run = await cli(['audit', '--help'], { columns: 90 });
    const lines = run.stdout.split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(90);
    // Words and URLs stay whole (yargs' own wrapping cut them mid-word).
    expect(run.stdout).toContain('untrusted content');
    expect(run.stdout).toContain('https://backboard.railway.com/graphql/v2');
    expect(run.stdout).toContain('https://api.github.com');
  });
});

describe('flags and wording', () => {
  it('-V prints the version', async () => {
    const run = await cli(['-V']);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('an unknown flag is named once, as typed', async () => {
    const run = await cli(['audit', '--bogus-flag']);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('tokenscope: Unknown argument: --bogus-flag');
  });

  it('one of a thing is singular; a provider is named once', async () => {
    const run = await audit({}, ['--format', 'json']);
    const findings = JSON.parse(run.stdout).findings as { provider: string; remediation: string }[];
    const table = await audit();
    expect(table.stdout).toMatch(/reaches 1 account[^s]/);
    const pg = findings.find((f) => f.provider === 'postgres')!;
    expect(pg.remediation).toContain('Rotate this PostgreSQL connection URL');
    expect(pg.remediation).not.toContain('PostgreSQL PostgreSQL');
  });
});
