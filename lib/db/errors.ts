import type { BackupProblem } from '../backup/records';

/** Why a write was refused: the UI turns each code into a message in the buyer's language. */
export type RecordErrorCode =
  | 'not-found'
  | 'invalid'
  | 'too-large'
  | 'quota'
  | 'integrity'
  /** The database could not be opened. */
  | 'storage'
  /** A backup that cannot be restored; the refusal says why (`backupProblem`). */
  | 'backup';

/** A write CaseClock refused; nothing of it was stored. */
export class RecordError extends Error {
  constructor(
    message: string,
    readonly code: RecordErrorCode = 'invalid',
    /** For a refused backup, what is wrong with it (a `BackupProblem`'s kind). */
    readonly backupProblem?: BackupProblem['kind'],
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

/** A refused write as its refusal: the message, and what the UI needs to word it. */
export function recordRefusal(error: RecordError) {
  return {
    ok: false as const,
    error: error.message,
    code: error.code,
    ...(error.backupProblem === undefined ? {} : { backupProblem: error.backupProblem }),
  };
}
