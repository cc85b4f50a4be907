/** Why a write was refused: the UI turns each code into a message in the buyer's language. */
export type RecordErrorCode =
  | 'not-found'
  | 'invalid'
  | 'too-large'
  | 'quota'
  | 'integrity'
  /** The database could not be opened. */
  | 'storage';

/** A write CaseClock refused; nothing of it was stored. */
export class RecordError extends Error {
  constructor(
    message: string,
    readonly code: RecordErrorCode = 'invalid',
  ) {
    super(message);
    this.name = 'RecordError';
  }
}

/** The record looked up, or a refusal saying it is not stored. */
export function mustExist<T>(record: T | undefined, what: string): T {
  if (record === undefined) throw new RecordError(`no ${what}`, 'not-found');
  return record;
}

/** Whether the browser refused a write for lack of storage space (possibly wrapped by Dexie). */
export function isQuotaError(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = (cause as { inner?: unknown }).inner) {
    if (cause.name === 'QuotaExceededError') return true;
  }
  return false;
}
