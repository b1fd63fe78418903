import { PROVIDERS } from '../../providers/registry.js';
import { Detector } from '../detect/engine.js';
// The built-in rules, compiled without the schema check (detect/load.ts): the check would load
// ajv into every process that redacts a message, the agent guard's hook included.
import { compileRules } from '../detect/compile-rules.js';

let detector: Detector | undefined;

/**
 * Redacts anything a rule recognises in a message we did not write ourselves (a flag value echoed
 * by the argument parser, a library's error): a token pasted into the wrong flag must not be
 * printed back.
 */
export function redactSecretsIn(text: string): string {
  detector ??= new Detector(compileRules(PROVIDERS));
  let out = text;
  for (const c of detector.scan({ text, path: 'message', source: 'stdin' })) {
    out = out.split(c.secret.reveal()).join(c.secret.redacted);
  }
  return out;
}
