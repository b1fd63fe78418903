import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';

/**
 * Twilio SendGrid's published OpenAPI descriptions (../shared/providers/sendgrid/): each GET's
 * success schema, to check that the double answers as SendGrid does, and that every path the
 * provider lists exists there with GET.
 */
const DIR = '/work/shared/providers/sendgrid';
const FILES = ['tsg_scopes_v3.json', 'tsg_user_v3.json', 'tsg_api_keys_v3.json'];

interface Spec {
  paths: Record<
    string,
    Record<string, { responses?: Record<string, { content?: Record<string, { schema: object }> }> }>
  >;
  components?: object;
}
let specs: Spec[] | undefined;
const validators = new Map<string, ValidateFunction>();

function load(): Spec[] {
  specs ??= FILES.map((f) => JSON.parse(readFileSync(`${DIR}/${f}`, 'utf8')) as Spec);
  return specs;
}

/** The description's operation for a method and path, with the file's components. */
export function sendgridOperation(method: string, path: string) {
  for (const s of load()) {
    const op = s.paths[path]?.[method.toLowerCase()];
    if (op) return { op, components: s.components };
  }
  return undefined;
}

export function sendgridProblems(path: string, body: unknown): string[] {
  let v = validators.get(path);
  if (!v) {
    const found = sendgridOperation('GET', path);
    const schema = found?.op.responses?.['200']?.content?.['application/json']?.schema;
    if (!schema) throw new Error(`GET ${path} has no success schema in SendGrid's descriptions`);
    const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
    v = ajv.compile({ ...schema, components: found.components });
    validators.set(path, v);
  }
  return v(body) ? [] : (v.errors ?? []).map((e) => `${path}${e.instancePath} ${e.message}`);
}
