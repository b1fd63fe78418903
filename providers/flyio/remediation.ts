import { words } from '../../src/assess/policy.js';
import type { AssessInput } from '../../src/core/provider.js';
import { placeNames } from '../railway/places.js';
import { FLY_TOKENS_DOCS_URL, type FlyApp, type FlyFacts, flyFacts } from './model.js';

/** The app the token is for: the only one it reaches, or the one its place names. */
function targetApp(f: FlyFacts, names: string[]): FlyApp | undefined {
  if (f.apps.length === 1) return f.apps[0];
  const said = new Set(names.flatMap(words));
  return f.apps.find((a) => words(a.name).length > 0 && words(a.name).every((w) => said.has(w)));
}

/** Names the narrowest Fly.io credential that fits where the token was found. */
export function remediateFly(input: AssessInput): string | undefined {
  if (input.inspection.verification !== 'verified') return undefined;
  const f = flyFacts(input.inspection.scope?.facts);
  if (!f) return undefined;
  const docs = `Fly.io's token docs: ${FLY_TOKENS_DOCS_URL}`;
  const app = targetApp(f, placeNames(input.credential));
  const deploy = app
    ? `a deploy token for app «${app.name}» only, with an expiry (\`fly tokens create deploy -a ${app.name} --expiry 720h\`)`
    : 'a deploy token for the one app it is used for, with an expiry (`fly tokens create deploy -a <app> --expiry 720h`)';
  switch (f.kind) {
    case 'user':
      return `Log this user token out (\`fly auth logout\`) and use ${deploy} instead: it cannot touch other apps or organizations. Keep it in a secret store, not in files (${docs}).`;
    case 'organization':
      return `Revoke this organization token (\`fly tokens revoke\`) and use ${deploy} instead, or a read-only token (\`fly tokens create readonly\`) if it only reads. Keep it in a secret store, not in files (${docs}).`;
    default:
      return `This token is already limited: revoke it, since it was found in files, and replace it with one that expires (\`--expiry\`), kept in a secret store (${docs}).`;
  }
}
