/** Failures every found-host inspector reports the same way, whatever the engine. */

/** Thrown when no answer came in time; `connected` says whether the TCP connection was accepted. */
export class ConnectTimeout extends Error {
  constructor(readonly connected: boolean) {
    super('connect timeout');
    this.name = 'ConnectTimeout';
  }
}

/** Thrown when a server sent more than one inspection may read (a hostile server can stream rows without end). */
export class ReadLimitExceeded extends Error {
  constructor(readonly limitBytes: number) {
    super('read limit exceeded');
    this.name = 'ReadLimitExceeded';
  }
}

/** Thrown when the inspection's time budget ran out (ctx.signal). */
export class Aborted extends Error {
  constructor() {
    super('aborted');
    this.name = 'Aborted';
  }
}
