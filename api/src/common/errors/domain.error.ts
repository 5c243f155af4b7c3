/**
 * Errors the domain raises on purpose. Each carries a stable code, a message an officer can
 * read, and the HTTP status the global filter answers with.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    /** Per-field messages, shown by react-admin beside the form's inputs. */
    readonly errors?: Record<string, string>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidInputError extends DomainError {
  constructor(message: string, errors?: Record<string, string>) {
    super('invalid_input', message, 400, errors);
  }
}

/** A malformed list parameter (sort, range, filter): the message names the parameter. */
export class InvalidQueryError extends DomainError {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super('invalid_query', `${parameter}: ${message}`, 400, { [parameter]: message });
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string, id: string) {
    super('not_found', `${entity} ${id} does not exist`, 404);
  }
}

/** The action is not allowed in the record's current state. */
export class ConflictError extends DomainError {
  constructor(message: string, errors?: Record<string, string>) {
    super('conflict', message, 409, errors);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Sign in first: this endpoint needs a session') {
    super('unauthenticated', message, 401);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super('forbidden', message, 403);
  }
}

/** Too many attempts: the answer says when to try again (Retry-After). */
export class TooManyAttemptsError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('too_many_attempts', message, 429);
  }
}
