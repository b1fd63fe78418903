/** A provider answered in a way that leaves the credential unverified (down, slow, rate limited, nonsense). */
export class ProviderUnavailableError extends Error {
  constructor(
    message: string,
    readonly verification: 'unverified' | 'error' = 'error',
  ) {
    super(message);
    this.name = 'ProviderUnavailableError';
  }
}

/** Something tried to do what the read-only promise forbids; always a bug, never sent. */
export class ReadOnlyViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReadOnlyViolation';
  }
}

/** A request to a host other than the provider's configured endpoint; never sent. */
export class EndpointViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EndpointViolation';
  }
}
