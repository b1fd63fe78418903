import { StringDecoder } from 'node:string_decoder';

// Every git process goes through the one runner that neutralises the scanned repository's config.
export { type GitChild, spawnGit } from '../../git/run.js';

/**
 * The NUL-separated tokens of a stream (`git ... -z`), read chunk by chunk so that a long
 * output is never held whole and the producer is paused while the consumer works.
 */
export async function* nulTokens(stream: AsyncIterable<Buffer>): AsyncGenerator<string> {
  // A chunk may end inside a multi-byte character; the decoder carries it over.
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of stream) {
    const text = rest + decoder.write(chunk);
    const parts = text.split('\0');
    rest = parts.pop()!;
    for (const p of parts) yield p;
  }
  rest += decoder.end();
  if (rest) yield rest;
}
