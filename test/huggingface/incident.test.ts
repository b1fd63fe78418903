import { describe, expect, it } from '@jest/globals';
import { huggingface } from '../../providers/huggingface/index.js';
import { cli } from '../helpers/cli.js';
import { findingOf, useCommittedAudit } from '../helpers/committed-audit.js';
import { startHuggingFace } from './world.js';

// A token kept "to read" models in a committed CI staging file that can rewrite an
// organization's models, and administer another.
describe('the incident on Hugging Face, end to end', () => {
  const s = useCommittedAudit(huggingface, startHuggingFace, {
    file: 'ci/staging/.env',
    variable: 'HF_READ_TOKEN',
    token: 'write',
  });

  it('exits 1 with a critical verified finding: admin, broad-repo-write and intent-mismatch', () => {
    expect(s.run.code).toBe(1);
    const f = findingOf(s.run.stdout, 'huggingface');
    expect(f.verification).toBe('verified');
    expect(f.severity).toBe('critical');
    expect(f.risks.find((r) => r.id === 'admin')?.message).toContain('"acme-ai"');
    expect(f.risks.find((r) => r.id === 'broad-repo-write')?.message).toContain('"research-lab"');
    expect(f.risks.find((r) => r.id === 'intent-mismatch')?.message).toContain(
      '"HF_READ_TOKEN" states a narrow purpose',
    );
    expect(f.scope?.reach['writable namespaces']).toContain('acme-ai');
  });

  it('sent the token only as GETs to the configured endpoint, and never printed it', () => {
    expect(s.double.methodsOf(s.token)).toEqual(['GET']);
    expect(s.run.stdout + s.run.stderr).not.toContain(s.token);
  });

  it('`inspect --provider huggingface` and TOKENSCOPE_HUGGINGFACE_API_URL give the verdict too', async () => {
    const r = await cli(['inspect', '--provider', 'huggingface', '--format', 'json'], {
      input: `${s.token}\n`,
      env: { TOKENSCOPE_HUGGINGFACE_API_URL: s.double.url },
    });
    expect(r.stdout).not.toContain(s.token);
    expect(findingOf(r.stdout, 'huggingface').risks.map((x) => x.id)).toContain('admin');
  });
});
