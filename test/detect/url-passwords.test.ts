import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { PROVIDERS } from '../../providers/registry.js';
import { Detector } from '../../src/detect/engine.js';
import { loadRules } from '../../src/detect/load.js';

const detector = new Detector(loadRules(PROVIDERS), PROVIDERS);
/** A generated PlanetScale database password (pscale_pw_ and 43 base64url characters). */
const pscalePassword = () => `pscale_pw_${randomBytes(32).toString('base64url')}`;

/** Rule ids found, by both of the detector's paths: decoded text, and raw bytes decoded by line. */
function found(text: string): string[][] {
  const meta = { path: 'app.env', source: 'untracked' as const };
  return [
    detector.scan({ ...meta, text }).map((c) => c.ruleId),
    detector.scanBytes(Buffer.from(text), meta).map((c) => c.ruleId),
  ].map((ids) => ids.sort());
}

describe("a token that is a connection URL's password is one credential, the URL's", () => {
  it('a PlanetScale password inside a mysql:// URL is reported once, as the URL', () => {
    const pw = pscalePassword();
    const text = `# prod\nDATABASE_URL=mysql://app:${pw}@aws.connect.psdb.cloud/shop?sslaccept=strict\n`;
    expect(found(text)).toEqual([['mysql-url'], ['mysql-url']]);
  });

  it('the same password alone is the PlanetScale rule’s', () => {
    expect(found(`DATABASE_PASSWORD=${pscalePassword()}\n`)).toEqual([
      ['planetscale-password'],
      ['planetscale-password'],
    ]);
  });

  it('a token beside the URL on the same line, or in its user name, stays its own', () => {
    const beside = `PW=${pscalePassword()} URL=mysql://app:Kx8vQ2mZr7LpW4nT@db.acme.io/shop\n`;
    expect(found(beside)).toEqual([
      ['mysql-url', 'planetscale-password'],
      ['mysql-url', 'planetscale-password'],
    ]);
    const asUser = `URL=mysql://${pscalePassword()}:Kx8vQ2mZr7LpW4nT@db.acme.io/shop\n`;
    expect(found(asUser)).toEqual([
      ['mysql-url', 'planetscale-password'],
      ['mysql-url', 'planetscale-password'],
    ]);
  });

  it('two URLs on two lines each keep only their own', () => {
    const text = `A=mysql://a:${pscalePassword()}@aws.connect.psdb.cloud/one\nB=${pscalePassword()}\n`;
    expect(found(text)).toEqual([
      ['mysql-url', 'planetscale-password'],
      ['mysql-url', 'planetscale-password'],
    ]);
  });
});
