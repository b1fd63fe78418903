import type { CandidateSource } from '../core/source.js';

/**
 * The process environment the CLI was given, labelled `env`: each variable is one fragment
 * `NAME=value`, located at the variable's name, so rules that read the name (RAILWAY_TOKEN)
 * still see it.
 */
export function envSource(env: Record<string, string | undefined>, maxFileSize: number): CandidateSource {
  return async function* (detector) {
    for (const name of Object.keys(env).sort()) {
      const value = env[name];
      if (!value || value.length > maxFileSize) continue;
      yield* detector.scan({ text: `${name}=${value}`, path: name, source: 'env' });
    }
  };
}
