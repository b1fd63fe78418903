import { PROVIDERS } from '../../providers/registry.js';
import { Detector } from '../detect/engine.js';
import { loadRules } from '../detect/load.js';

let detector: Detector | undefined;

/**
 * Redacts anything a rule recognises in a message we did not write ourselves (a flag value echoed
 * by the argument parser, a library's error): a token pasted into the wrong flag must not be
 * printed back.
 */
export function redactSecretsIn(text: string): string {
  detector ??= new Detector(loadRules(PROVIDERS, [], 'rules', false));
  let out = text;
  for (const c of detector.scan({ text, path: 'message', source: 'stdin' })) {
    out = out.split(c.secret.reveal()).join(c.secret.redacted);
  }
  return out;
}
