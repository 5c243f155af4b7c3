import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Request, Response } from 'express';
import { DomainError, TooManyAttemptsError } from './domain.error';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  /** Why, as a stable code the console translates (DomainError.reason); `message` is its English. */
  reason?: string;
  reasonArgs?: Record<string, string | number>;
  errors?: Record<string, string>;
  /** Per field, the stable code of its problem. */
  fieldReasons?: Record<string, string>;
}

/** The reason of Nest's own exceptions, by status. */
const HTTP_REASONS: Record<number, string> = {
  400: 'invalid_input',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'too_large',
  429: 'too_many_attempts',
};

/**
 * What a person's browser is shown for an address under `prefix` that no route answers (a link
 * cut short in an e-mail): a page of its own instead of the API's JSON.
 */
export interface NotFoundPage {
  prefix: string;
  answer(req: Request, res: Response): void;
}

/**
 * Gives every error one JSON shape: {statusCode, error, message, errors?}; an address no route
 * answers under a `NotFoundPage`'s prefix is given that page instead.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly notFoundPages: NotFoundPage[] = []) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof NotFoundException && !response.headersSent) {
      const request = host.switchToHttp().getRequest<Request>();
      const page = this.notFoundPages.find((p) => request.path.startsWith(p.prefix));
      if (page) return page.answer(request, response);
    }
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception);
    if (response.headersSent) {
      response.end();
      return;
    }
    if (exception instanceof TooManyAttemptsError)
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      const body: ErrorBody = { ...shape(exception.status, exception.message), reason: exception.reason };
      if (exception.reasonArgs) body.reasonArgs = exception.reasonArgs;
      const withFields = withErrors(body, exception.errors);
      return exception.fieldReasons && withFields.errors
        ? { ...withFields, fieldReasons: exception.fieldReasons }
        : withFields;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      // Nest's own exceptions answer `{ message: string | string[] }`.
      const told = typeof payload === 'string' ? payload : (payload as { message?: string | string[] }).message;
      const message = Array.isArray(told) ? told.join('; ') : String(told ?? exception.message);
      return { ...shape(status, message), reason: HTTP_REASONS[status] ?? 'error' };
    }
    return shape(HttpStatus.INTERNAL_SERVER_ERROR, 'Internal server error');
  }
}

/** The body of every error answer. */
export function shape(statusCode: number, message: string): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
}

function withErrors(body: ErrorBody, errors?: Record<string, string>): ErrorBody {
  return errors && Object.keys(errors).length > 0 ? { ...body, errors } : body;
}

/**
 * Express middleware that answers body-parser's errors (bad JSON, too large) in the same shape,
 * before they reach a controller.
 */
export function bodyParserErrors(
  error: { type?: string; status?: number; message?: string },
  _req: unknown,
  res: Response,
  next: (e?: unknown) => void,
): void {
  if (error?.type === 'entity.parse.failed') {
    res.status(400).json(shape(400, `The request body is not valid JSON: ${error.message}`));
  } else if (error?.type === 'entity.too.large') {
    res.status(413).json(shape(413, 'The request body is too large'));
  } else if (typeof error?.status === 'number' && error.status >= 400 && error.status < 500) {
    res.status(error.status).json(shape(error.status, error.message ?? 'Bad request'));
  } else {
    next(error);
  }
}
