import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import YAML from 'yaml';

/** Netlify's published API description (test/fixtures/netlify/, see its README). */
const PATH = fileURLToPath(new URL('../fixtures/netlify/swagger.yml', import.meta.url));

type Operation = { responses?: Record<string, { schema?: unknown }> };
let cached: { paths: Record<string, Record<string, Operation>>; ajv: Ajv } | undefined;

function load() {
  if (!cached) {
    const raw = YAML.parse(readFileSync(PATH, 'utf8')) as {
      paths: Record<string, Record<string, Operation>>;
      definitions: unknown;
    };
    const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
    ajv.addSchema({ definitions: raw.definitions }, 'netlify');
    cached = { paths: raw.paths, ajv };
  }
  return cached;
}

const shape = (p: string) => p.replace(/\{[^}]+\}/g, '{}');

/** The description's operation for this method and path (our `{name}` segments against its templates). */
export function netlifyOperation(method: string, path: string): Operation | undefined {
  const { paths } = load();
  const key = Object.keys(paths).find((p) => shape(p) === shape(path));
  return key ? paths[key]![method.toLowerCase()] : undefined;
}

const validators = new Map<string, ValidateFunction | undefined>();

/** Compiles these operations' validators now, so a double's first answers are not slowed by it. */
export function prepareNetlifyValidators(templates: string[]): void {
  for (const t of templates) validatorFor(t);
}

function validatorFor(template: string): ValidateFunction | undefined {
  if (!validators.has(template)) {
    const schema = netlifyOperation('GET', template)?.responses?.['200']?.schema;
    const rebased =
      schema && (JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#\//g, '"$ref":"netlify#/')) as object);
    validators.set(template, rebased ? load().ajv.compile(rebased) : undefined);
  }
  return validators.get(template);
}

/** Why `body` is not the 200 answer the description gives GET `template`, or [] when it is. */
export function netlifyProblems(template: string, body: unknown): string[] {
  const validate = validatorFor(template);
  if (!validate) return [`no GET ${template} with a 200 schema in Netlify's description`];
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${template}${e.instancePath} ${e.message}`);
}
