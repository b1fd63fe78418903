import { describe, expect, it } from '@jest/globals';
import { namedSecret, prefixedToken } from '../../providers/rule-shapes.js';
import { Detector } from '../../src/detect/engine.js';
import { loadRules } from '../../src/detect/load.js';

const facts = {
  provider: 'shapes',
  kind: 'token',
  description: 'test',
  entropy: 3,
  examples: { truePositives: [], falsePositives: [] },
};

const dotted = prefixedToken({ ...facts, id: 'dotted', prefix: 'pat.', body: '[a-z0-9]{20}' });
const named = namedSecret({ ...facts, id: 'named', keywords: ['acme'], names: 'acme_api_key', value: '[0-9a-f]{32}' });

const detector = new Detector(
  loadRules([{ id: 'shapes', name: 'Shapes', docsUrl: 'https://example.org', rules: [dotted, named] }]),
);
const found = (text: string) =>
  detector.scan({ text, path: 'x.env', source: 'untracked' }).map((c) => c.secret.reveal());

describe('prefixedToken', () => {
  it('matches the prefix exactly as written: its dot is a dot', () => {
    expect(found('TOKEN=pat.k3v9q2m8x7c4b1n6z5w0')).toEqual(['pat.k3v9q2m8x7c4b1n6z5w0']);
    // The line holds the prefix too, so the keyword prefilter lets the regex run on it.
    expect(found('see pat. below; TOKEN=patXk3v9q2m8x7c4b1n6z5w0')).toEqual([]);
    expect(found('TOKEN=PAT.k3v9q2m8x7c4b1n6z5w0')).toEqual([]);
  });

  it('takes no token out of a longer word on either side', () => {
    expect(found('compat.k3v9q2m8x7c4b1n6z5w0')).toEqual([]);
    expect(found('pat.k3v9q2m8x7c4b1n6z5w0q')).toEqual([]);
  });

  it('is high confidence, keyed on its own prefix, line by line', () => {
    expect(dotted).toMatchObject({
      confidence: 'high',
      keywords: ['pat.'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
    });
  });
});

describe('namedSecret', () => {
  it('finds the value assigned to the name, whatever its case, quoting or operator', () => {
    for (const line of [
      'ACME_API_KEY=9f86d081884c7d659a2feaa0c55ad015',
      'acme_api_key: "9f86d081884c7d659a2feaa0c55ad015"',
      "'acme_api_key' => '9f86d081884c7d659a2feaa0c55ad015'",
    ])
      expect(found(line)).toEqual(['9f86d081884c7d659a2feaa0c55ad015']);
  });

  it('finds nothing under another name, nor a value that runs on', () => {
    expect(found('ACME_ACCOUNT_ID=9f86d081884c7d659a2feaa0c55ad015')).toEqual([]);
    expect(found('ACME_API_KEY=9f86d081884c7d659a2feaa0c55ad015aa')).toEqual([]);
  });

  it('is context confidence', () => {
    expect(named.confidence).toBe('context');
  });
});
