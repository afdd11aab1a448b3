// A file that cannot be read as a template workbook. Carries the rejection code the ingest records.
import type { RejectionCode } from '../ingest/Outcome.ts';

export class ReadError extends Error {
  constructor(
    readonly code: RejectionCode,
    message: string,
  ) {
    super(message);
    this.name = 'ReadError';
  }
}
