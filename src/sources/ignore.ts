import ignoreModule from 'ignore';

export type Ignore = ReturnType<typeof ignoreModule>;

/** A gitignore-syntax matcher. `ignore` is CommonJS; under ESM its callable may arrive as `default`. */
export const makeIgnore = ((ignoreModule as unknown as { default?: unknown }).default ?? ignoreModule) as () => Ignore;
