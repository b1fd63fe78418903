import type { WhoamiSpec } from '../../src/core/whoami.js';

/**
 * Doppler's /v3/me describes the token that calls it and its workplace
 * (https://docs.doppler.com/reference/auth-me). Its `token_preview` field (a piece of the token)
 * is never read.
 */
export const verify: WhoamiSpec = {
  endpoint: { default: 'https://api.doppler.com', flag: 'doppler-api-url', env: ['TOKENSCOPE_DOPPLER_API_URL'] },
  operation: { method: 'GET', path: '/v3/me' },
  auth: { scheme: 'bearer' },
  errorWords: 'messages',
  read: {
    expect: '',
    identity: ['name', 'slug'],
    identityIs: 'token',
    tokenType: { path: 'type' },
    reach: { workplaces: 'workplace.name' },
  },
  unknowns: [
    {
      what: 'projects and configs reached',
      reason:
        'a personal or CLI token reads and writes every secret its user can; a service token one config, read-only or read/write: /v3/me does not say which',
    },
  ],
};
