import type { AssessInput } from '../core/provider.js';
import type { RiskSignal } from '../core/types.js';
import { firstMention, listSome, placeNames } from './places.js';

/**
 * `cross-environment`: the place a credential was found says it is not production (staging,
 * preview, dev...), yet the credential can `verb` these production resources.
 */
export function crossEnvironment(
  input: AssessInput,
  production: string[],
  verb = 'change',
  phrase = `can ${verb}`,
): RiskSignal[] {
  const said = firstMention(placeNames(input.credential), input.policy.nonProductionWords);
  if (!said || production.length === 0) return [];
  return [
    {
      id: 'cross-environment',
      severity: 'high',
      message: `found where "${said.name}" says "${said.word}", yet it ${phrase} production: ${listSome(production)}`,
    },
  ];
}

/**
 * `intent-mismatch`: the place states a narrow purpose (DNS, domain, deploy, read...), yet the
 * credential is `breadth` ("this token is scoped to the whole account: ...").
 */
export function intentMismatch(input: AssessInput, breadth: string): RiskSignal[] {
  const said = firstMention(placeNames(input.credential), input.policy.narrowIntentWords);
  if (!said) return [];
  return [
    {
      id: 'intent-mismatch',
      severity: 'high',
      message: `"${said.name}" states a narrow purpose ("${said.word}"), yet ${breadth}`,
    },
  ];
}

/** The same two risks, worded "yet it reaches production" and "yet this token <breadth>". */
export const crossEnvironmentRisk = (input: AssessInput, production: string[]): RiskSignal[] =>
  crossEnvironment(input, production, 'reach', 'reaches');

export const intentMismatchRisk = (input: AssessInput, breadth: string): RiskSignal[] =>
  intentMismatch(input, `this token ${breadth}`);
