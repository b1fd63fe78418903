import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';

/** A string value in a YAML or JSON document, with the keys that lead to it and its line. */
export interface Leaf {
  keys: Array<string | number>;
  value: string;
  line: number;
}

/**
 * Every string (and number) leaf of a YAML or JSON file (JSON is YAML), each with its key path
 * and 1-based line: the structure says whose token it is (a host, a registry, a kube user), the
 * line says where. Returns undefined when the text does not parse.
 */
export function leaves(text: string): { leaves: Leaf[]; root: unknown } | undefined {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false });
  if (doc.errors.length > 0) return undefined;
  const out: Leaf[] = [];
  const walk = (node: unknown, keys: Array<string | number>) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        walk(pair.value, [...keys, k]);
      }
    } else if (isSeq(node)) {
      for (const [i, item] of node.items.entries()) walk(item, [...keys, i]);
    } else if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') && node.range) {
      out.push({ keys, value: String(node.value), line: lc.linePos(node.range[0]).line });
    }
  };
  try {
    walk(doc.contents, []);
    // toJS resolves aliases; an alias to a missing anchor (found by property tests) throws here.
    return { leaves: out, root: doc.toJS({ maxAliasCount: 100 }) };
  } catch {
    return undefined;
  }
}
