import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cleanText, guardOutput } from '../../src/report/sanitize.js';
import { cli } from '../helpers/cli.js';
import { tempDir, writeFiles } from '../helpers/repo.js';
import { railwayToken } from '../helpers/tokens.js';
import { RailwayDouble } from '../railway/double.js';
import { incidentWorld } from '../railway/world.js';

/**
 * What an attacker controls reaches the report: a provider's error text, the names of the
 * projects, environments and volumes a token reaches, the scanned file names. Each carries a
 * terminal escape (clear screen), a carriage return that overwrites the line, a fake "no
 * credentials" line, workflow commands on their own lines, a right-to-left override and the
 * runner's legacy command prefix.
 */
const HOSTILE =
  '\x1b[2J\x1b[H\r\ntokenscope: no credentials found\n::error::pwned\r\n::add-mask::critical\u202eevil ##[warning]x\x9b31m\x7f';

/** Railway's error shape for a refused request: the message is the server's to choose. */
function hostileRailway(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: null, errors: [{ message: HOSTILE, locations: [{ line: 1, column: 1 }] }] }));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql/v2` }),
    ),
  );
}

/** Every way the bytes could act on a terminal or on the Actions runner. */
function expectInert(out: string): void {
  expect(out).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
  expect(out).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  // The runner trims leading whitespace before looking for `::`; tokenscope writes no such line.
  expect(out.split('\n').filter((l) => /^\s*::/.test(l))).toEqual([]);
  expect(out).not.toContain('##[');
}

/** Every string a JSON consumer reads (a code-scanning UI, the Action) is free of controls too. */
function expectCleanStrings(value: unknown): void {
  const strings: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') strings.push(v);
    else if (v && typeof v === 'object') {
      for (const [k, inner] of Object.entries(v)) {
        walk(k);
        walk(inner);
      }
    }
  };
  walk(value);
  expect(strings.filter((x) => /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|##\[/.test(x))).toEqual([]);
}

const FORMATS = ['table', 'markdown', 'json', 'sarif'] as const;

describe('text from outside cannot act on a terminal or on the Actions runner', () => {
  let dir: string;
  let bad: { url: string; server: Server };
  let double: RailwayDouble;
  let doubleUrl: string;
  const refused = railwayToken();
  const named = railwayToken();

  beforeAll(async () => {
    bad = await hostileRailway();
    const world = incidentWorld(named);
    const project = world.projects[0]!;
    project.name = `pocketos${HOSTILE}`;
    project.environments[0]!.name = `production${HOSTILE}`;
    project.environments[0]!.volumes[0]!.volume.name = `postgres-data${HOSTILE}`;
    world.workspaces[0]!.name = `Pocket${HOSTILE}`;
    double = new RailwayDouble(world);
    doubleUrl = await double.start();
    dir = tempDir('tokenscope-hostile-');
    writeFiles(dir, {
      // A file name is the scanned repository's to choose, newlines and escapes included.
      [`deploy${HOSTILE.replaceAll('/', '_')}.env`]: `RAILWAY_TOKEN=${refused}\n`,
      'infra/.env': `RAILWAY_DOMAIN_TOKEN=${named}\n`,
    });
  });
  afterAll(async () => {
    await new Promise((r) => bad.server.close(r));
    await double.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const format of FORMATS) {
    it(`${format}: a provider's error text and file names are printed inert`, async () => {
      const args = ['--format', format, '--threads', '1', '--railway-endpoint', bad.url, '--fail-on', 'low'];
      const run = await cli(['audit', dir, ...args]);
      expect(run.code).toBe(1);
      expectInert(run.stdout);
      expectInert(run.stderr);
      // The finding is still there, with the words of the message (not their controls).
      expect(run.stdout).toContain('pwned');
      if (format === 'json') {
        const report = JSON.parse(run.stdout) as { findings: unknown[] };
        expect(report.findings).toHaveLength(2);
        expectCleanStrings(report);
      }
    });

    it(`${format}: names of what a token reaches are printed inert`, async () => {
      const run = await cli(['audit', dir, '--format', format, '--threads', '1', '--railway-endpoint', doubleUrl]);
      expect(run.code).toBe(1);
      expectInert(run.stdout);
      expectInert(run.stderr);
      if (format === 'json' || format === 'sarif') expectCleanStrings(JSON.parse(run.stdout));
      if (format === 'json') expect(run.stdout).toContain('postgres-data');
    });
  }

  it('the table never says "no credentials found" when it found some', async () => {
    const run = await cli(['audit', dir, '--threads', '1', '--railway-endpoint', bad.url]);
    // The words may appear inside a cell, never as a line of their own.
    expect(run.stdout.split('\n').filter((l) => l.startsWith('tokenscope: no credentials found'))).toEqual([]);
    expect(run.stdout).toMatch(/2 credential\(s\)/);
  });

  it('an error message on stderr quoting a hostile path is one inert line', async () => {
    const run = await cli(['audit', `${dir}/missing${HOSTILE}`]);
    expect(run.code).toBe(2);
    expectInert(run.stderr);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('the sanitiser', () => {
  it('turns every control, separator and format character into a space or nothing', () => {
    expect(cleanText('a\x1b[31mb\r\nc\td\u2028e\u202ef\u200bg\x85h\x7fi')).toBe('a [31mb c d efg h i');
  });

  it("breaks the runner's legacy command prefix wherever it is", () => {
    expect(cleanText('path/##[error]x')).not.toContain('##[');
    expect(guardOutput('| a ##[add-mask]b |\n')).not.toContain('##[');
  });

  it('keeps a report line by line, but no line starts with :: even after blanks', () => {
    const out = guardOutput('row one\n  \u00a0::error::x\n::add-mask::y\nlast :: fine\n');
    expect(out.split('\n')).toEqual(['row one', '  \u00a0\\::error::x', '\\::add-mask::y', 'last :: fine', '']);
  });

  it('is idempotent', () => {
    const once = cleanText(HOSTILE);
    expect(cleanText(once)).toBe(once);
  });
});

describe("a config rule's own words", () => {
  it('reach the SARIF rule descriptors inert', async () => {
    const dir = tempDir('tokenscope-hostile-rule-');
    const words = JSON.stringify(`acme${HOSTILE}`);
    writeFiles(dir, {
      '.tokenscope.yml': [
        'rules:',
        '  - id: acme-key',
        '    provider: acme',
        `    kind: ${words}`,
        `    description: ${words}`,
        '    keywords: [acmekey_]',
        '    regex: "(?<secret>acmekey_[a-z0-9]{20})"',
        '    examples: {truePositives: [acmekey_k3j4h5g6f7d8s9a0q1w2], falsePositives: []}',
      ].join('\n'),
      'app.env': 'KEY=acmekey_k3j4h5g6f7d8s9a0q1w2\n',
    });
    try {
      for (const format of FORMATS) {
        const run = await cli(['audit', dir, '--offline', '--threads', '1', '--format', format]);
        expect(run.stdout).toContain('acme');
        expectInert(run.stdout);
        if (format === 'json' || format === 'sarif') expectCleanStrings(JSON.parse(run.stdout));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
