import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { gitRepo } from '../helpers/repo.js';
import { githubToken } from '../helpers/tokens.js';

describe('auditing a subfolder of a repository with --history', () => {
  const repo = gitRepo(
    { 'sub/a.env': `GITHUB_TOKEN=${githubToken()}\n`, 'other/b.env': `GITHUB_TOKEN=${githubToken()}\n` },
    ['sub/a.env', 'other/b.env'],
  );

  it("reads that subfolder's history only, with the same paths as its working tree", async () => {
    const run = await cli(['audit', join(repo, 'sub'), '--history', '--offline', '--format', 'json', '--threads', '1']);
    const report = JSON.parse(run.stdout) as { findings: { locations: { path: string; source: string }[] }[] };
    expect(report.findings.map((f) => f.locations.map((l) => `${l.source} ${l.path}`))).toEqual([
      ['tracked a.env', 'history a.env'],
    ]);
  });
});
