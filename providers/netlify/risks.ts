import { firstMention, listSome, placeNames } from '../../src/assess/places.js';
import type { AssessInput } from '../../src/core/provider.js';
import type { RiskSignal } from '../../src/core/types.js';
import { type NetlifyFacts, netlifyFacts } from './model.js';
import { teamServesProduction } from './scope.js';

function breadth(f: NetlifyFacts): string {
  const sites = f.siteCount === undefined ? '' : `, ${f.siteCount} site${f.siteCount === 1 ? '' : 's'}`;
  return `its user's full access: ${f.teams.length} team${f.teams.length === 1 ? '' : 's'}${sites}, ${f.zones.length} DNS zone${f.zones.length === 1 ? '' : 's'}`;
}

function destructiveProductionAccess(f: NetlifyFacts): RiskSignal[] {
  const targets = [
    ...f.zones
      .filter((z) => z.servesSite && z.rights === 'admin')
      .map((z) => `the DNS zone "${z.domain}" of a live site`),
    ...f.teams
      .filter((t) => t.rights === 'admin' && teamServesProduction(f, t.slug))
      .map((t) => `every site of team "${t.slug}" with its deploys and database`),
  ];
  if (targets.length === 0) return [];
  return [
    {
      id: 'destructive-production-access',
      severity: 'critical',
      message: `can delete, with no undo: ${listSome(targets)}`,
    },
  ];
}

function dnsTakeover(f: NetlifyFacts): RiskSignal[] {
  const zones = f.zones.filter((z) => z.servesSite && z.rights !== 'read').map((z) => `"${z.domain}"`);
  if (zones.length === 0) return [];
  return [
    {
      id: 'dns-takeover',
      severity: 'high',
      message: `can change the DNS records, served by Netlify, of zone(s) of live sites ${listSome(zones)}: it can point them anywhere`,
    },
  ];
}

function accountWide(f: NetlifyFacts): RiskSignal[] {
  if (f.prefix === 'nfb') return [];
  return [{ id: 'account-wide-token', severity: 'high', message: `a Netlify token carries ${breadth(f)}` }];
}

function crossEnvironment(f: NetlifyFacts, input: AssessInput): RiskSignal[] {
  const said = firstMention(placeNames(input.credential), input.policy.nonProductionWords);
  const live = f.zones.filter((z) => z.servesSite && z.rights !== 'read').map((z) => `"${z.domain}"`);
  if (!said || live.length === 0) return [];
  return [
    {
      id: 'cross-environment',
      severity: 'high',
      message: `found where "${said.name}" says "${said.word}", yet it can change production: ${listSome(live)}`,
    },
  ];
}

function intentMismatch(f: NetlifyFacts, input: AssessInput): RiskSignal[] {
  if (f.prefix === 'nfb') return [];
  const said = firstMention(placeNames(input.credential), input.policy.narrowIntentWords);
  if (!said) return [];
  return [
    {
      id: 'intent-mismatch',
      severity: 'high',
      message: `"${said.name}" states a narrow purpose ("${said.word}"), yet this token carries ${breadth(f)}`,
    },
  ];
}

/** Netlify's own risks, from the facts the inspector kept. */
export function assessNetlify(input: AssessInput): RiskSignal[] {
  if (input.inspection.verification !== 'verified') return [];
  const f = netlifyFacts(input.inspection.scope?.facts);
  if (!f) return [];
  return [
    ...destructiveProductionAccess(f),
    ...dnsTakeover(f),
    ...accountWide(f),
    ...crossEnvironment(f, input),
    ...intentMismatch(f, input),
  ];
}
