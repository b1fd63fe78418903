import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import YAML from 'yaml';

interface Step {
  uses?: string;
  run?: string;
}
interface Workflow {
  jobs: Record<string, { steps: Step[]; permissions?: Record<string, string> }>;
}

const readme = readFileSync('README.md', 'utf8');
const orgScan = YAML.parse(readFileSync('examples/workflows/org-scan.yml', 'utf8')) as Workflow;
const steps = Object.values(orgScan.jobs).flatMap((j) => j.steps);

describe('examples/workflows/org-scan.yml', () => {
  it('uses the action versions the README uses', () => {
    const readmeVersions = new Map([...readme.matchAll(/uses: ([\w-]+\/[\w/-]+)@(v\d+)/g)].map((m) => [m[1], m[2]]));
    expect(readmeVersions.get('actions/checkout')).toBeDefined();
    for (const s of steps.filter((x) => x.uses)) {
      const [action, version] = s.uses!.split('@');
      if (readmeVersions.has(action!)) expect(`${action}@${version}`).toBe(`${action}@${readmeVersions.get(action!)}`);
    }
  });

  it('writes the job summary from the merge that records the run (new, still open, fixed)', () => {
    const script = steps.map((s) => s.run ?? '').join('\n');
    const summary = /(\S+) >> "\$GITHUB_STEP_SUMMARY"/.exec(script)?.[1];
    expect(summary).toBe('org-report.md');
    const producer = script.split('\n').find((l) => l.includes('tokenscope merge') && l.includes(`-o ${summary}`));
    expect(producer).toContain('--state ');
  });

  it('does not upload org-wide SARIF into this repository (its paths are in other repositories)', () => {
    expect(steps.filter((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))).toEqual([]);
  });
});
