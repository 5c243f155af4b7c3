import { applyDecorators } from '@nestjs/common';
import { ApiHideProperty } from '@nestjs/swagger';
import { Allow } from 'class-validator';

/**
 * react-admin's edit form sends the whole record back (id, timestamps...). Such fields are
 * accepted and ignored, so that unknown fields can still be refused.
 */
export const ReadOnlyField = () => applyDecorators(Allow(), ApiHideProperty());
