// The benchmarks' generated text: realistic source lines with planted tokens, from a seeded PRNG,
// so every run builds the same corpus. Shared by scripts/bench.mjs and scripts/bench-history.mjs.
import { crc32 } from 'node:zlib';

export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generator(seed) {
  const rand = prng(seed);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  const hex = (n) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(rand() * 16)]).join('');
  const b62 = (n) => Array.from({ length: n }, () => B62[Math.floor(rand() * 62)]).join('');
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
  const ghp = () => {
    const body = b62(30);
    let v = crc32(body) >>> 0;
    let c = '';
    while (v > 0) {
      c = B62[v % 62] + c;
      v = Math.floor(v / 62);
    }
    return `ghp_${body}${c.padStart(6, '0')}`;
  };
  const IDENT = [
    'user',
    'token',
    'session',
    'request',
    'config',
    'handler',
    'client',
    'secret',
    'key',
    'value',
    'result',
    'items',
    'msg',
    'data',
    'response',
    'cache',
    'logger',
    'options',
    'ctx',
    'payload',
  ];
  const LINES = [
    () =>
      `  const ${pick(IDENT)}${pick(IDENT)} = await ${pick(IDENT)}.get(${pick(IDENT)}Id, { timeout: ${Math.floor(rand() * 5000)} });`,
    () => `  if (!${pick(IDENT)}) throw new Error('missing ${pick(IDENT)} for ${pick(IDENT)}');`,
    () => `  logger.debug(\`request \${requestId} took \${elapsed}ms\`, { id: '${uuid()}' });`,
    () => `def ${pick(IDENT)}_${pick(IDENT)}(self, ${pick(IDENT)}, ${pick(IDENT)}=None):`,
    () => `    return self.${pick(IDENT)}.${pick(IDENT)}(${pick(IDENT)}, msg.${pick(IDENT)})`,
    () => `  // sha: ${hex(40)} integrity checked above`,
    () => `  ${pick(IDENT)}: "${b62(Math.floor(rand() * 24) + 4)}"`,
    () => `import { ${pick(IDENT)}, ${pick(IDENT)} } from './${pick(IDENT)}/${pick(IDENT)}.js';`,
    () => `  url: "https://api.internal.acme.io/v2/${pick(IDENT)}/${hex(8)}?page=${Math.floor(rand() * 100)}",`,
    () => `  # TODO(${pick(IDENT)}): rotate the ${pick(IDENT)} key before the next release`,
    () => '}',
  ];
  const PLANTS = [
    () => `GITHUB_TOKEN=${ghp()}`,
    () => `RAILWAY_TOKEN=${uuid()}`,
    () => `STRIPE_KEY=sk_live_${b62(24)}`,
    () =>
      `aws_access_key_id = AKIA${Array.from({ length: 16 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[Math.floor(rand() * 32)]).join('')}`,
    () => `DATABASE_URL=postgres://app:${b62(20)}@db.internal.acme.io:5432/app`,
  ];
  return { rand, pick, line: () => pick(LINES)(), plant: () => pick(PLANTS)() };
}
