/**
 * Loads a provider's inspector on first use, once, and one inspector at a time. Providers' index
 * files are imported by scanning threads, so inspectors (and their SDKs) load only when a token is
 * inspected. Serialised because Jest's ESM linker fails when two dynamic imports that share a
 * dependency run at once ("request for './errors.js' is not in cache"); Node itself does not mind.
 */
let chain: Promise<unknown> = Promise.resolve();

export function lazily<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => {
    if (!loaded) {
      loaded = chain.then(load, load);
      chain = loaded.catch(() => undefined);
    }
    return loaded;
  };
}
