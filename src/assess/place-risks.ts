import { placeNames } from '../../providers/railway/places.js';
import { firstMention, listSome } from '../../providers/railway/risks.js';
import type { AssessInput } from '../core/provider.js';
import type { RiskSignal } from '../core/types.js';

/**
 * The two risks every inspecting provider raises from where a token was found: a place that says
 * "not production" holding a token that reaches production, and a place that states a narrow
 * purpose holding a wide token. Providers say what production they reach and how wide they are.
 */
export function crossEnvironmentRisk(input: AssessInput, production: string[]): RiskSignal[] {
  const said = firstMention(placeNames(input.credential), input.policy.nonProductionWords);
  if (!said || production.length === 0) return [];
  return [
    {
      id: 'cross-environment',
      severity: 'high',
      message: `found where "${said.name}" says "${said.word}", yet it reaches production: ${listSome(production)}`,
    },
  ];
}

/** `breadth` completes "yet this token ...": what makes it wide. */
export function intentMismatchRisk(input: AssessInput, breadth: string): RiskSignal[] {
  const said = firstMention(placeNames(input.credential), input.policy.narrowIntentWords);
  if (!said) return [];
  return [
    {
      id: 'intent-mismatch',
      severity: 'high',
      message: `"${said.name}" states a narrow purpose ("${said.word}"), yet this token ${breadth}`,
    },
  ];
}
