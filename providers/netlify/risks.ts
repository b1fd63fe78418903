import { assessFacts } from '../../src/assess/fact-rules.js';
import { crossEnvironment, intentMismatch } from '../../src/assess/place-risks.js';
import { listSome } from '../../src/assess/places.js';
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

function crossEnvironmentRisk(f: NetlifyFacts, input: AssessInput): RiskSignal[] {
  return crossEnvironment(
    input,
    f.zones.filter((z) => z.servesSite && z.rights !== 'read').map((z) => `"${z.domain}"`),
  );
}

function intentMismatchRisk(f: NetlifyFacts, input: AssessInput): RiskSignal[] {
  return f.prefix === 'nfb' ? [] : intentMismatch(input, `this token carries ${breadth(f)}`);
}

/** Netlify's own risks, from the facts the inspector kept. */
export const assessNetlify = assessFacts(netlifyFacts, [
  destructiveProductionAccess,
  dnsTakeover,
  accountWide,
  crossEnvironmentRisk,
  intentMismatchRisk,
]);
