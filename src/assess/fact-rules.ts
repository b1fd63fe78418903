import type { AssessInput } from '../core/provider.js';
import type { RiskSignal, Scope } from '../core/types.js';

/** One of a provider's risk rules: the risks its kept facts (and the place found) raise. */
export type FactRule<F> = (facts: F, input: AssessInput) => RiskSignal[];

/**
 * A provider's assess: its rules, in order, over the facts its inspector kept in the scope. Only
 * a verified token has facts to judge; facts that do not read back (`read` gives undefined) raise
 * nothing rather than a guess.
 */
export function assessFacts<F>(read: (facts: Scope['facts']) => F | undefined, rules: FactRule<F>[]) {
  return (input: AssessInput): RiskSignal[] => {
    if (input.inspection.verification !== 'verified') return [];
    const facts = read(input.inspection.scope?.facts);
    return facts ? rules.flatMap((rule) => rule(facts, input)) : [];
  };
}
