import { describe, expect, it } from '@jest/globals';
import { huggingface } from '../../providers/huggingface/index.js';
import { refusal } from '../../src/core/operations.js';

const ENDPOINT = new URL('https://huggingface.co');
const allowed = (method: string, path: string) =>
  refusal(huggingface.operations!, ENDPOINT, method, new URL(path, ENDPOINT), undefined) === undefined;

// Hub requests that change repos or settings, mint tokens, or read more than whoami (the fact
// sheet's §4.3; huggingface_hub's HfApi): none may pass the door.
const FORBIDDEN: [string, string][] = [
  ['POST', '/api/repos/create'],
  ['DELETE', '/api/repos/delete'],
  ['POST', '/api/repos/move'],
  ['PUT', '/api/models/acme-ai/llm-7b/settings'],
  ['POST', '/api/models/acme-ai/llm-7b/commit/main'],
  ['POST', '/api/datasets/acme-ai/corpus/commit/main'],
  ['POST', '/api/spaces/acme-ai/demo/secrets'],
  ['DELETE', '/api/spaces/acme-ai/demo/secrets'],
  ['GET', '/api/spaces/acme-ai/demo/variables'],
  ['POST', '/api/settings/webhooks'],
  ['GET', '/api/settings/webhooks'],
  ['POST', '/oauth/token'],
  ['GET', '/api/whoami'],
  ['GET', '/api/models?author=acme-ai'],
  ['GET', '/acme-ai/llm-7b/resolve/main/config.json'],
];

describe('Hugging Face operations', () => {
  it('allow whoami-v2 only', () => {
    expect(allowed('GET', '/api/whoami-v2')).toBe(true);
    expect(huggingface.operations).toEqual([{ method: 'GET', path: '/api/whoami-v2' }]);
  });

  it.each(FORBIDDEN)('refuse %s %s', (method, path) => {
    expect(allowed(method, path)).toBe(false);
  });
});
