// Every failure the house expects, named once, each with the `extensions.code` a client sees.
// A low leaf: any layer may import it. Errors a client may see are GraphQLErrors with a code;
// anything else (a bug, a dangling stored reference) is masked by yoga as an internal error.
import { GraphQLError } from 'graphql';

/** The codes a client can see in `errors[].extensions.code`, besides those yoga and graphql-js give. */
export const ERROR_CODES = [
  'NOT_FOUND',
  'INVALID_ARGUMENT',
  'INVALID_ID',
  'WRONG_ID_TYPE',
  'INVALID_CURSOR',
  'DATABASE_UNAVAILABLE',
  'DATABASE_TIMEOUT',
  'QUERY_TOO_DEEP',
  'QUERY_TOO_LARGE',
  'QUERY_TOO_COSTLY',
  'BAD_REQUEST',
  'REQUEST_ENTITY_TOO_LARGE',
  'CSRF_HEADER_REQUIRED',
  'REQUEST_HEADER_TOO_LARGE',
  'REQUEST_TIMEOUT',
  'EXPORT_BUSY',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'BAD_BUNDLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A failure the client caused or can act on: a message, a code and facts about it. */
export class CodedError extends GraphQLError {
  constructor(
    message: string,
    readonly code: ErrorCode,
    details: Record<string, unknown> = {},
    httpStatus?: number,
  ) {
    super(message, {
      extensions: { code, ...details, ...(httpStatus ? { http: { status: httpStatus } } : {}) },
    });
  }
}

/** No entity has the id a client asked for. */
export class NotFoundError extends CodedError {
  override name = 'NotFoundError';
  constructor(readonly id: string) {
    super(`No entity has the id "${id.slice(0, 200)}".`, 'NOT_FOUND', { id: id.slice(0, 200) });
  }
}

/** An argument is out of range or malformed. */
export class InvalidArgumentError extends CodedError {
  override name = 'InvalidArgumentError';
  constructor(
    readonly argument: string,
    detail: string,
  ) {
    super(`Invalid argument "${argument}": ${detail}`, 'INVALID_ARGUMENT', { argument });
  }
}

/** An id that is not of the form "type/words". */
export class InvalidIdError extends CodedError {
  override name = 'InvalidIdError';
  constructor(id: string, argument: string) {
    super(
      `Malformed id "${id.slice(0, 100)}": ids look like "person/deng-xiaoping" (a type, a slash, lowercase words joined by hyphens).`,
      'INVALID_ID',
      { argument },
    );
  }
}

/** A well-formed id of another type than the field wants. */
export class WrongIdTypeError extends CodedError {
  override name = 'WrongIdTypeError';
  constructor(id: string, argument: string, expected: string, actual: string) {
    const article = (word: string) => (/^[AEIOU]/.test(word) ? `an ${word}` : `a ${word}`);
    super(
      `The id "${id.slice(0, 100)}" names ${article(actual)}, not ${article(expected)}.`,
      'WRONG_ID_TYPE',
      {
        argument,
        expected,
        actual,
      },
    );
  }
}

/** A cursor this API did not hand out. */
export class InvalidCursorError extends CodedError {
  override name = 'InvalidCursorError';
  constructor(cursor: string, argument: string) {
    super(
      `Invalid cursor "${cursor.slice(0, 100)}": pass an endCursor or edge cursor from an earlier page.`,
      'INVALID_CURSOR',
      { argument },
    );
  }
}

/** The database cannot be reached (down, restarting, refusing our credentials). HTTP 503. */
export class DatabaseUnavailableError extends CodedError {
  override name = 'DatabaseUnavailableError';
  constructor() {
    // no originalError: yoga would mask a GraphQLError that wraps a driver error
    super(
      'The graph database is not reachable right now; try again shortly.',
      'DATABASE_UNAVAILABLE',
      {},
      503,
    );
  }
}

/** The database did not answer within the deadline of a call (hung or overloaded). HTTP 504. */
export class DatabaseTimeoutError extends CodedError {
  override name = 'DatabaseTimeoutError';
  constructor() {
    super('The graph database did not answer in time; try again shortly.', 'DATABASE_TIMEOUT', {}, 504);
  }
}

/** An operation asks for more than the limits allow; refused before anything runs. */
export class QueryLimitError extends CodedError {
  override name = 'QueryLimitError';
}

/** The HTTP request itself is unusable (malformed JSON, malformed variables). */
export class BadRequestError extends CodedError {
  override name = 'BadRequestError';
  constructor(message: string) {
    super(message, 'BAD_REQUEST', {}, 400);
  }
}

/** No valid API key: a whole request with a wrong key (HTTP 401), or a write sent without one. */
export class UnauthenticatedError extends CodedError {
  override name = 'UnauthenticatedError';
  constructor(message: string, httpStatus?: number) {
    super(message, 'UNAUTHENTICATED', {}, httpStatus);
  }
}

/** A valid key whose role does not allow the field (a write needs editor or admin). */
export class ForbiddenError extends CodedError {
  override name = 'ForbiddenError';
  constructor(message: string, details: { keyId: string; role: string; needs: string }) {
    super(message, 'FORBIDDEN', details);
  }
}

/** A write based on a version that is no longer the current one (optimistic concurrency). */
export class ConflictError extends CodedError {
  override name = 'ConflictError';
  constructor(id: string, given: number, current: number) {
    super(
      `"${id}" is at version ${current}, not ${given}: someone changed it since you read it. Read it again and reapply your change.`,
      'CONFLICT',
      { id, version: given, currentVersion: current },
    );
  }
}

/**
 * A document bundle (an extraction and its text) that cannot be imported: each problem names the
 * entry and what is wrong (the first IMPORT_MAX_PROBLEMS of them in `problems`; `problemCount` all).
 */
export class BadBundleError extends CodedError {
  override name = 'BadBundleError';
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
    max = 100,
  ) {
    const shown = problems.slice(0, max);
    super(
      `${file}: rejected, nothing written; ${problems.length} problem(s): ${shown.slice(0, 3).join('; ')}${problems.length > 3 ? '; …' : ''}`,
      'BAD_BUNDLE',
      { file, problems: shown, problemCount: problems.length },
    );
  }
}

/**
 * The graph refers to something that is not there (a relationship whose end has no node). Not the
 * client's doing: it is masked as an internal error and logged.
 */
export class DataIntegrityError extends Error {
  override name = 'DataIntegrityError';
}

/** The system cannot start (Java or Maven missing, a port taken, Neo4j not ready); one clean line. */
export class StartupError extends Error {
  override name = 'StartupError';
}
