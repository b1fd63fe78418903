import type { Provider } from '../../src/core/provider.js';
import { prefixedToken } from '../rule-shapes.js';

/** Dynatrace: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const dynatrace: Provider = {
  id: 'dynatrace',
  name: 'Dynatrace',
  docsUrl: 'https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients',
  rules: [
    prefixedToken({
      // Format: https://docs.dynatrace.com/docs/dynatrace-api/basics/dynatrace-api-authentication
      // (prefix dt0<type><nn>, a 24-character public portion, a 64-character secret portion, joined by dots)
      id: 'dynatrace-token',
      provider: 'dynatrace',
      kind: 'access token',
      description: 'Dynatrace API, personal access or platform token (dt0c01., dt0s01. ...)',
      prefix: 'dt0',
      body: '[a-z][0-9]{2}\\.[A-Z0-9]{24}\\.[A-Z0-9]{64}',
      entropy: 3.5,
      examples: {
        truePositives: [
          'DT_API_TOKEN=dt0c01.JWDT0FAUBDO2J72NU0NAB7HZ.YFR0YQZKVHIYE6GQZGOW76TC9Y7SCK130GGII4MM4UANYNGUETFWWBHUT0RWIO5H',
          'Authorization: Api-Token dt0s16.1LBSA9J7PS1MU2JMP4ROCEHN.Y5MCS3Z8ZBOQW1OCZO7AQXN6BQLBILSYKWJZBML15HV5PB4ECOCFWB1DNF0UND6M',
        ],
        falsePositives: [
          'token id: dt0c01.JWDT0FAUBDO2J72NU0NAB7HZ',
          'dt0c01.XXXXXXXXXXXXXXXXXXXXXXXX.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
        ],
      },
    }),
  ],
};
