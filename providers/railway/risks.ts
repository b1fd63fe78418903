import { firstMention, listSome } from '../../src/assess/places.js';
import type { AssessInput } from '../../src/core/provider.js';
import type { RiskSignal } from '../../src/core/types.js';
import { A_TOKEN, describeEnvironment, describeVolume, type RailwayFacts, railwayFacts } from './model.js';
import { placeNames } from './places.js';

export { firstMention, listSome } from '../../src/assess/places.js';

function breadth(f: RailwayFacts): string {
  const at = f.complete ? '' : 'at least ';
  const projects = `${at}${f.projects.length} project${f.projects.length === 1 ? '' : 's'}`;
  if (f.kind === 'workspace') {
    const ws = f.workspaces.length > 0 ? ` of workspace ${f.workspaces.map((w) => `"${w}"`).join(', ')}` : '';
    return `admin over every project${ws} (${projects})`;
  }
  const workspaces = `${f.workspaces.length} workspace${f.workspaces.length === 1 ? '' : 's'}`;
  return `admin over every workspace of its user (${workspaces}, ${projects})`;
}

const wide = (f: RailwayFacts) => f.kind === 'account' || f.kind === 'workspace';

function destructiveProductionAccess(f: RailwayFacts): RiskSignal[] {
  if (!wide(f)) return [];
  const targets = f.projects.flatMap((p) => [
    ...p.volumes.filter((v) => v.production).map((v) => `${describeVolume(v, p.name)} and its backups`),
    ...p.environments.filter((e) => e.production).map((e) => describeEnvironment(e.name, p.name)),
  ]);
  if (targets.length === 0) return [];
  return [
    {
      id: 'destructive-production-access',
      severity: 'critical',
      message: `can delete, with no undo: ${listSome(targets)}`,
    },
  ];
}

function accountWide(f: RailwayFacts): RiskSignal[] {
  if (!wide(f)) return [];
  return [{ id: 'account-wide-token', severity: 'high', message: `${A_TOKEN[f.kind]}: ${breadth(f)}` }];
}

function readsOtherSecrets(f: RailwayFacts): RiskSignal[] {
  if (wide(f)) {
    const services = f.projects.flatMap((p) => p.services.map((s) => `service "${s}" of project "${p.name}"`));
    if (services.length === 0) return [];
    return [
      {
        id: 'reads-other-secrets',
        severity: 'high',
        message: `can read and change the variables, and so the secrets, of ${services.length} service(s): ${listSome(services)}`,
      },
    ];
  }
  const p = f.projects[0];
  const env = f.tokenEnvironment;
  // A project token reads its environment's variables: "other" secrets once two services share it.
  if (!p || !env || p.services.length < 2) return [];
  return [
    {
      id: 'reads-other-secrets',
      severity: 'medium',
      message: `can read the variables of every service in ${describeEnvironment(env.environment, env.project)}: ${listSome(p.services.map((s) => `"${s}"`))}`,
    },
  ];
}

function productionReached(f: RailwayFacts): string[] {
  if (f.kind === 'project') {
    const env = f.tokenEnvironment;
    return env?.production ? [describeEnvironment(env.environment, env.project)] : [];
  }
  return f.projects.flatMap((p) =>
    p.environments.filter((e) => e.production).map((e) => describeEnvironment(e.name, p.name)),
  );
}

function crossEnvironment(f: RailwayFacts, input: AssessInput): RiskSignal[] {
  const said = firstMention(placeNames(input.credential), input.policy.nonProductionWords);
  const production = productionReached(f);
  if (!said || production.length === 0) return [];
  return [
    {
      id: 'cross-environment',
      severity: 'high',
      message: `found where "${said.name}" says "${said.word}", yet it reaches production: ${listSome(production)}`,
    },
  ];
}

function intentMismatch(f: RailwayFacts, input: AssessInput): RiskSignal[] {
  if (!wide(f)) return [];
  const said = firstMention(placeNames(input.credential), input.policy.narrowIntentWords);
  if (!said) return [];
  return [
    {
      id: 'intent-mismatch',
      severity: 'high',
      message: `"${said.name}" states a narrow purpose ("${said.word}"), yet this is ${A_TOKEN[f.kind]}: ${breadth(f)}`,
    },
  ];
}

function noExpiry(f: RailwayFacts): RiskSignal[] {
  if (f.expiry !== 'none') return [];
  return [
    {
      id: 'no-expiry',
      severity: 'medium',
      message: `Railway shows no expiry for any API token of this user, this one included: it works until someone revokes it`,
    },
  ];
}

/** Railway's own risks, from the facts the inspector kept. */
export function assessRailway(input: AssessInput): RiskSignal[] {
  const { inspection } = input;
  if (inspection.verification !== 'verified') return [];
  const f = railwayFacts(inspection.scope?.facts);
  if (!f) return [];
  return [
    ...destructiveProductionAccess(f),
    ...accountWide(f),
    ...readsOtherSecrets(f),
    ...crossEnvironment(f, input),
    ...intentMismatch(f, input),
    ...noExpiry(f),
  ];
}
