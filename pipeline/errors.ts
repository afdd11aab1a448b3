// Typed errors of the CLI and pipeline: a stable English code and a Chinese message for the user.
export class SfeError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** Process exit code when this error ends a command: 2 = bad input or usage. */
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'SfeError';
  }
}
