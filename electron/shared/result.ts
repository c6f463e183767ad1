/**
 * Expected failures travel as values.
 *
 * Thrown errors are for bugs; a bad file, a bad query or a bad argument is a `Result`.
 */

/** An error value: a code the UI can switch on and a human message. */
export interface Failure<E extends string = ErrorCode> {
  code: E
  message: string
  /** For query errors: where in the query the problem is. */
  start?: number
  end?: number
}

/** Either a value or a failure. */
export type Result<T, E extends string = ErrorCode> = { ok: true; value: T } | { ok: false; error: Failure<E> }

/** Wrap a value. */
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value }
}

/** Wrap a failure. */
export function err<E extends string = ErrorCode>(
  code: E,
  message: string,
  extra: { start?: number; end?: number } = {},
): { ok: false; error: Failure<E> } {
  return { ok: false, error: { code, message, ...extra } }
}

/** Every error code that crosses IPC. */
export type ErrorCode =
  | 'invalid-argument'
  | 'untrusted-sender'
  | 'not-found'
  | 'outside-library'
  | 'no-library'
  | 'library-unusable'
  | 'query-syntax'
  | 'io'
  | 'cancelled'
  | 'not-allowed'
  | 'write-failed'
  | 'internal'

/** For the end of a switch over a union: a compile error when a case is missing, a thrown bug at run time. */
export function assertNever(value: never, where: string): never {
  throw new Error(`${where}: unexpected value ${JSON.stringify(value)}`)
}
