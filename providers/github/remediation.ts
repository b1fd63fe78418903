import type { AssessInput } from '../../src/core/provider.js';
import { FINE_GRAINED_GAPS, githubFacts, githubRisks } from './risks.js';

const SETTINGS_TOKENS = 'https://github.com/settings/tokens';
const SETTINGS_APPS = 'https://github.com/settings/applications';

function reachHint(repositories: string[]): string {
  if (!repositories.length) return '';
  if (repositories.length <= 3) return ` (it reaches ${repositories.join(', ')} today)`;
  return ` (it reaches ${repositories.length} repositories today)`;
}

/** The narrower credential that should replace a verified GitHub token; undefined leaves the generic advice. */
export function githubRemediation(input: AssessInput): string | undefined {
  const facts = githubFacts(input);
  if (!facts) return undefined;
  const risks = new Set(githubRisks(input).map((r) => r.id));
  const steps: string[] = [];
  switch (facts.kind) {
    case 'classic':
      if (risks.has('classic-where-fine-grained-fits')) {
        steps.push(
          `Revoke this classic token (${SETTINGS_TOKENS}) and replace it with a fine-grained PAT on the repositories actually used${reachHint(
            facts.repositories,
          )}, with contents:read if nothing more is seen, and an expiry date.`,
        );
      } else {
        const gaps = (facts.scopes ?? []).filter((s) => FINE_GRAINED_GAPS.has(s));
        steps.push(
          `Revoke this classic token (${SETTINGS_TOKENS}) and make a new one with only the scopes actually used (it needs a classic token for ${gaps.join(', ')}), and an expiry date.`,
        );
      }
      break;
    case 'fine-grained':
      steps.push(
        `Revoke this token (${SETTINGS_TOKENS}?type=beta) and make a fine-grained PAT on only the repositories actually used${reachHint(
          facts.repositories,
        )}, with the least permissions (contents:read if nothing more is seen) and an expiry date.`,
      );
      break;
    case 'installation':
      steps.push(
        "Delete this installation token from the files that hold it (it expires within an hour, but copies are replayable until then); narrow the app's installation to the repositories and permissions it needs.",
      );
      break;
    default:
      steps.push(
        `Revoke this authorization (${SETTINGS_APPS}) and authorize again with the narrowest scopes or permissions the app offers.`,
      );
  }
  if (risks.has('site-admin'))
    steps.push("Never keep a site administrator's token in files: use a dedicated machine account.");
  if (risks.has('org-admin'))
    steps.push('Org administration belongs to people, not to a token in files: drop admin:org.');
  if (risks.has('workflow-write')) steps.push('Drop workflow access unless the token really edits .github/workflows.');
  return steps.join(' ');
}
