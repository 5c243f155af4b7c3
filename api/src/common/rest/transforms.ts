import type { TransformFnParams } from 'class-transformer';

/** Surrounding spaces, as pasted from a mail, are not part of a value. */
export const trim = ({ value }: TransformFnParams): unknown => (typeof value === 'string' ? value.trim() : value);
