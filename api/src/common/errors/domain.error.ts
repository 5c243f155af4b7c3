/**
 * Errors the domain raises on purpose. Each carries a stable code, a message an officer can
 * read, and the HTTP status the global filter answers with.
 */
export class DomainError extends Error {
  /**
   * Why, as a stable machine-readable code (`already_extended`, `identity_info_not_asked`): the
   * console says it in the officer's language; `message` stays for API clients. The error's code
   * until a throw names it (`because`).
   */
  reason: string;
  /** The values the reason's sentence names (a date, a reference). */
  reasonArgs?: Record<string, string | number>;
  /** Per field, the stable code of its problem (`errors` holds the English sentence). */
  fieldReasons?: Record<string, string>;

  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    /** Per-field messages, shown by react-admin beside the form's inputs. */
    readonly errors?: Record<string, string>,
  ) {
    super(message);
    this.name = new.target.name;
    this.reason = code;
  }

  /** Names the reason (and the values its sentence needs); answers the error, for `throw`. */
  because(reason: string, args?: Record<string, string | number>): this {
    this.reason = reason;
    if (args) this.reasonArgs = args;
    return this;
  }

  /** The stable code of each field's problem. */
  withFieldReasons(reasons: Record<string, string>): this {
    if (Object.keys(reasons).length) this.fieldReasons = reasons;
    return this;
  }
}

/** A refusal a business rule gives: its stable reason, the English sentence, the values it names. */
export interface Refusal {
  reason: string;
  message: string;
  args?: Record<string, string | number>;
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

/** A 400 naming one field, its problem and the problem's stable reason. */
export function fieldRefusal(field: string, refusal: Refusal): InvalidInputError {
  return new InvalidInputError(`${field} ${refusal.message}`, { [field]: refusal.message })
    .because(refusal.reason, refusal.args)
    .withFieldReasons({ [field]: refusal.reason });
}
