import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; under ESM its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (
  ajv: Ajv,
) => Ajv;

type Json = Record<string, unknown>;

/**
 * GitHub's published REST description (@octokit/openapi), loaded once per test file. It is
 * OpenAPI 3.0: `nullable` becomes `anyOf [.., null]` for ajv, and `discriminator` (ajv cannot
 * read its mapping) is dropped; oneOf still checks the body against the variants.
 */
let doc: { components: Json; paths: Json } | undefined;
let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction | null>();
const ID = 'https://openapi.test/api.github.com';

function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) {
    if (k !== 'discriminator' && k !== 'examples' && k !== 'example' && k !== 'nullable') out[k] = toJsonSchema(v);
  }
  return (node as Json).nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

function load(): { components: Json; paths: Json } {
  if (!doc) {
    const file = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');
    doc = JSON.parse(readFileSync(file, 'utf8')) as { components: Json; paths: Json };
    ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: ID, components: toJsonSchema(doc.components), paths: toJsonSchema(doc.paths) });
  }
  return doc;
}

const pointer = (s: string) => s.replaceAll('~', '~0').replaceAll('/', '~1');

/** The example GitHub's description publishes under components/examples (a deep copy). */
export function example(name: string): unknown {
  const ex = (load().components['examples'] as Record<string, { value: unknown }>)[name];
  if (!ex) throw new Error(`no example ${name} in the OpenAPI description`);
  return structuredClone(ex.value);
}

/**
 * Problems with `body` as the answer of `GET path` with `status`, per the description; [] when it
 * fits. null when the description has no JSON schema for that status (e.g. a 500).
 */
export function schemaProblems(path: string, status: number, body: unknown): string[] | null {
  const d = load();
  const key = `${path} ${status}`;
  if (!validators.has(key)) {
    let response = ((d.paths[path] as Json | undefined)?.['get'] as Json | undefined)?.['responses'] as
      | Json
      | undefined;
    let r = response?.[String(status)] as Json | undefined;
    let ref = `${ID}#/paths/${pointer(path)}/get/responses/${status}`;
    if (r && typeof r['$ref'] === 'string') {
      ref = `${ID}${r['$ref']}`;
      const name = (r['$ref'] as string).split('/').pop()!;
      r = ((d.components['responses'] as Json)[name] as Json) ?? undefined;
    }
    response = r;
    const hasJson = Boolean((response?.['content'] as Json | undefined)?.['application/json']);
    validators.set(
      key,
      hasJson ? ajv!.compile({ $ref: `${ref}/content/${pointer('application/json')}/schema` }) : null,
    );
  }
  const validate = validators.get(key);
  if (!validate) return null;
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}
