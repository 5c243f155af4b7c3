import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiQuery } from '@nestjs/swagger';

/** Documents the ra-data-simple-rest list parameters in OpenAPI. */
export const ListQueryParams = () =>
  applyDecorators(
    ApiQuery({ name: 'sort', required: false, description: 'JSON ["field","ASC"|"DESC"]', example: '["id","ASC"]' }),
    ApiQuery({
      name: 'range',
      required: false,
      description: 'JSON [start,end], inclusive, zero-based',
      example: '[0,24]',
    }),
    ApiQuery({
      name: 'filter',
      required: false,
      description:
        'JSON object: {"field":value}, {"field":[v1,v2]} (any of), {"field_gte":v,"field_lte":v}, {"q":"text"}',
      example: '{}',
    }),
    ApiHeader({
      name: 'Range',
      required: false,
      description: 'Sent by react-admin; the range parameter is authoritative',
    }),
  );
