import { PROVIDERS } from '../../providers/registry.js';
import { Detector } from '../detect/engine.js';
// The built-in rules, compiled without the schema check (detect/load.ts): the check would load
// ajv into every process that redacts a message, the agent guard's hook included.
import { compileRules } from '../detect/compile-rules.js';

let detector: Detector | undefined;

/**
 * Builds the redaction detector now (the built-in rules and their keyword automaton: 15-20 ms)
 * rather than on the first message or report line that needs it. An audit calls this while its
 * main thread waits for the scanning threads' last jobs, so the report is not kept waiting.
 */
export function prepareRedaction(): Detector {
  detector ??= new Detector(compileRules(PROVIDERS));
  return detector;
}

/**
 * Redacts anything a rule recognises in a message we did not write ourselves (a flag value echoed
 * by the argument parser, a library's error): a token pasted into the wrong flag must not be
 * printed back.
 */
export function redactSecretsIn(text: string): string {
  let out = text;
  for (const c of prepareRedaction().scan({ text, path: 'message', source: 'stdin' })) {
    out = out.split(c.secret.reveal()).join(c.secret.redacted);
  }
  return out;
}
