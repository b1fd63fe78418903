import { assessFacts } from '../../src/assess/fact-rules.js';
import { crossEnvironment, intentMismatch } from '../../src/assess/place-risks.js';
import { listSome } from '../../src/assess/places.js';
import type { AssessInput } from '../../src/core/provider.js';
import type { RiskSignal } from '../../src/core/types.js';
import { appRights, type HerokuFacts, herokuFacts, readsConfigVars } from './model.js';

/** "if its scope is global, which Heroku does not show": the caveat of every risk built on an assumed scope. */
const assumed = (f: HerokuFacts) =>
  f.scopes ? '' : ' (if its scope is global, the default, which Heroku does not show)';

function deletable(f: HerokuFacts): string[] {
  const apps = f.apps.filter((a) => a.production && appRights(f, a) === 'delete');
  const names = new Set(apps.map((a) => a.name));
  return [
    ...f.addons
      .filter((d) => d.database && names.has(d.app))
      .map((d) => `the database "${d.name}" (${d.service}) of production app "${d.app}"`),
    ...apps.map((a) => `the production app "${a.name}"${a.team ? ` of team "${a.team}"` : ''}`),
  ];
}

function destructiveProductionAccess(f: HerokuFacts): RiskSignal[] {
  const targets = deletable(f);
  if (targets.length === 0) return [];
  return [
    {
      id: 'destructive-production-access',
      severity: 'critical',
      message: `can delete, with no undo${assumed(f)}: ${listSome(targets)}`,
    },
  ];
}

function wide(f: HerokuFacts): boolean {
  return (f.scopes ?? ['global']).includes('global');
}

function breadth(f: HerokuFacts): string {
  const teams = f.teams.length > 0 ? ` and ${f.teams.length} team${f.teams.length === 1 ? '' : 's'}` : '';
  return `full access to the account${teams}: ${f.apps.length} app${f.apps.length === 1 ? '' : 's'}${assumed(f)}`;
}

function accountWide(f: HerokuFacts): RiskSignal[] {
  if (!wide(f)) return [];
  return [{ id: 'account-wide-token', severity: 'high', message: `a global token: ${breadth(f)}` }];
}

function readsOtherSecrets(f: HerokuFacts): RiskSignal[] {
  if (!readsConfigVars(f.scopes ?? ['global'])) return [];
  const apps = f.apps.filter((a) => appRights(f, a) !== 'none').map((a) => `"${a.name}"`);
  if (apps.length === 0) return [];
  return [
    {
      id: 'reads-other-secrets',
      severity: 'high',
      message: `can read the config vars, and so the secrets (database URLs, API keys), of ${apps.length} app(s)${assumed(f)}: ${listSome(apps)}`,
    },
  ];
}

function crossEnvironmentRisk(f: HerokuFacts, input: AssessInput): RiskSignal[] {
  const production = f.apps.filter(
    (a) => a.production && (appRights(f, a) === 'delete' || appRights(f, a) === 'write'),
  );
  return crossEnvironment(
    input,
    production.map((a) => `"${a.name}"`),
    `change${assumed(f)}`,
  );
}

function intentMismatchRisk(f: HerokuFacts, input: AssessInput): RiskSignal[] {
  return wide(f) ? intentMismatch(input, `this token has ${breadth(f)}`) : [];
}

/** Heroku's own risks, from the facts the inspector kept. */
export const assessHeroku = assessFacts(herokuFacts, [
  destructiveProductionAccess,
  accountWide,
  readsOtherSecrets,
  crossEnvironmentRisk,
  intentMismatchRisk,
]);
