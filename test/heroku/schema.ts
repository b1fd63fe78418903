import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';

/**
 * Heroku's published Platform API schema (test/fixtures/heroku/, see its README): its GET links,
 * and a validator of an answer against a link's target schema. `strictProperties` (Heroku's word
 * for "exactly these properties") becomes `additionalProperties: false`, so a double that invents
 * a field fails as it would against the real API.
 */
const SCHEMA_PATH = fileURLToPath(new URL('../fixtures/heroku/schema.json', import.meta.url));

interface Link {
  method: string;
  href: string;
  rel?: string;
  targetSchema?: unknown;
}
interface Definition {
  links?: Link[];
}

let cached: { raw: { definitions: Record<string, Definition> }; ajv: Ajv } | undefined;

/** Compiles the validators of these paths now, so a double's first answers are not slowed by it. */
export function loadHerokuSchema(paths: string[]): void {
  for (const p of paths) validatorFor(p);
}

function load() {
  if (!cached) {
    const raw = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as { definitions: Record<string, Definition> };
    const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
    ajv.addSchema(adapt(raw) as object, 'heroku');
    cached = { raw, ajv };
  }
  return cached;
}

/** Drops nested `$schema` (Ajv allows it only at the root) and turns strictProperties into Ajv's words. */
function adapt(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(adapt);
  if (typeof v !== 'object' || v === null) return v;
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(v)) {
    // `id` as a string is a draft-04 schema id; as an object it is a property or definition named id.
    if (k === '$schema' || (k === 'id' && typeof val === 'string')) continue;
    out[k] = adapt(val);
  }
  if (out.strictProperties === true && out.properties) out.additionalProperties = false;
  return out;
}

/** `/apps/{(%23%2Fdefinitions%2Fapp%2Fdefinitions%2Fidentity)}/addons` -> `/apps/{}/addons`. */
const template = (href: string) => href.replace(/\{\([^)]*\)\}/g, '{}');
const ours = (path: string) => path.replace(/\{[^}]+\}/g, '{}');

/** The schema's link for this method and path (our `{name}` segments against its templates). */
export function herokuLink(method: string, path: string): (Link & { definition: string }) | undefined {
  for (const [definition, d] of Object.entries(load().raw.definitions)) {
    for (const l of d.links ?? []) {
      if (l.method === method && template(l.href) === ours(path)) return { ...l, definition };
    }
  }
  return undefined;
}

/** Why `body` does not match the answer the schema gives GET `path`, or [] when it does. */
export function herokuProblems(path: string, body: unknown): string[] {
  const validate = validatorFor(path);
  if (!validate) return [`no GET ${path} in Heroku's schema`];
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${path}${e.instancePath} ${e.message}`);
}

const validators = new Map<string, ValidateFunction | undefined>();

function validatorFor(path: string): ValidateFunction | undefined {
  if (!validators.has(path)) {
    const link = herokuLink('GET', path);
    const target = link && (link.targetSchema ?? { $ref: `#/definitions/${link.definition}` });
    validators.set(path, target ? load().ajv.compile(intoRegistered(target)) : undefined);
  }
  return validators.get(path);
}

/** A target schema whose local refs (`#/definitions/...`) point into the registered schema. */
function intoRegistered(v: unknown): object {
  return JSON.parse(JSON.stringify(adapt(v)).replace(/"\$ref":"#\//g, '"$ref":"heroku#/')) as object;
}
