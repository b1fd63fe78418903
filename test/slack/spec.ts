import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';

/**
 * Slack's published Web API description (../shared/providers/slack/, OpenAPI 2.0, 2021): each
 * method's success schema, to check the double answers as Slack does. The description predates
 * fields Slack documents since (auth.test's enterprise_id, app_id, app_name, expires_in: the fact
 * sheet's §2.2); those are set aside before checking, and nothing else is.
 */
const SPEC = '/work/shared/providers/slack/slack_web_openapi_v2.json';
const LATER_FIELDS: Record<string, string[]> = { '/auth.test': ['enterprise_id', 'app_id', 'app_name', 'expires_in'] };

interface Spec {
  paths: Record<string, Record<string, { responses: Record<string, { schema: object }> }>>;
  definitions: Record<string, unknown>;
}
let spec: Spec | undefined;
const validators = new Map<string, ValidateFunction>();

export function slackSpec(): Spec {
  spec ??= JSON.parse(readFileSync(SPEC, 'utf8')) as Spec;
  return spec;
}

function validator(path: string): ValidateFunction {
  let v = validators.get(path);
  if (!v) {
    const s = slackSpec();
    const schema = s.paths[path]?.get?.responses['200']?.schema;
    if (!schema) throw new Error(`${path} has no GET success schema in Slack's description`);
    const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
    v = ajv.compile({ ...schema, definitions: s.definitions });
    validators.set(path, v);
  }
  return v;
}

/** What is wrong with a success answer to `path`, against Slack's description ([] when nothing). */
export function slackProblems(path: string, body: Record<string, unknown>): string[] {
  const checked = { ...body };
  for (const k of LATER_FIELDS[path] ?? []) delete checked[k];
  const v = validator(path);
  return v(checked) ? [] : (v.errors ?? []).map((e) => `${path}${e.instancePath} ${e.message}`);
}
