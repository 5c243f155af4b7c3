import { ValidationError, ValidationPipe, type Type } from '@nestjs/common';
import { InvalidInputError } from './domain.error';

/**
 * Request bodies are validated against their DTO: unknown fields are refused, and the answer
 * names each field with its problem.
 */
export function createValidationPipe(expectedType?: Type<unknown>): ValidationPipe {
  return new ValidationPipe({
    expectedType,
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const fields = flattenValidationErrors(errors);
      const summary = Object.entries(fields)
        .map(([field, message]) => `${field} ${message}`)
        .join('; ');
      return new InvalidInputError(`Invalid request body: ${summary}`, fields)
        .because('invalid_body')
        .withFieldReasons(validationReasons(errors));
    },
  });
}

export function flattenValidationErrors(errors: ValidationError[], prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints && error.value === undefined && !error.constraints.whitelistValidation) {
      out[path] = 'is required';
    } else if (error.constraints) {
      // class-validator messages start with the property name; keep only what follows it.
      out[path] = Object.values(error.constraints)
        .map((m) => (m.startsWith(`${error.property} `) ? m.slice(error.property.length + 1) : m))
        .map((m) => (m === `property ${error.property} should not exist` ? 'is not a known field' : m))
        .join(', ');
    }
    if (error.children?.length) Object.assign(out, flattenValidationErrors(error.children, path));
  }
  return out;
}

/**
 * Per field, the stable code of its problem, for the console to say in the officer's language:
 * `required`, `unknown_field`, or the class-validator constraint (`maxLength`, `isIn`, `min`...).
 */
export function validationReasons(errors: ValidationError[], prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      const [first] = Object.keys(error.constraints);
      out[path] =
        error.value === undefined && !error.constraints.whitelistValidation
          ? 'required'
          : first === 'whitelistValidation'
            ? 'unknown_field'
            : first;
    }
    if (error.children?.length) Object.assign(out, validationReasons(error.children, path));
  }
  return out;
}
