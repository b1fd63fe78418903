import { randomUUID } from 'node:crypto';

/** A fresh Heroku-shaped OAuth token (HRKU- and a UUID), known to nobody. */
export function herokuToken(): string {
  return `HRKU-${randomUUID()}`;
}

/** A fresh bare-UUID token: the legacy API key's shape. */
export function herokuLegacyKey(): string {
  return randomUUID();
}
