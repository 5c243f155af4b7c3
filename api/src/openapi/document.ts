import { RequestMethod, type INestApplication } from '@nestjs/common';
import { ApiResponse, DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/** The API under /api; the privacy portal's public pages live at /privacy, outside it (docs/portal.md). */
export function setApiPrefix(app: INestApplication): void {
  app.setGlobalPrefix('api', {
    exclude: [
      { path: 'privacy', method: RequestMethod.ALL },
      { path: 'privacy/{*path}', method: RequestMethod.ALL },
    ],
  });
}

/**
 * The OpenAPI document of the routes and DTOs, as the decorators describe them. The build adds
 * every answer's shape from the controllers' return types (scripts/openapi.mjs) and the console
 * serves that fuller document when it was built (docs/architecture.md).
 */
export function describeApi(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Privacy console API')
      .setDescription(
        'GDPR data-subject requests, personal-data index, registers and audit log. Lists follow ra-data-simple-rest.',
      )
      .setVersion('1')
      .addBearerAuth()
      .addCookieAuth('pc_session')
      .build(),
  );
}

/**
 * The JSON answer of a route a factory builds (every source's, every register's), by the name
 * api/src/openapi/published.ts gives its type: the build describes it from that type.
 */
export function AnswersWith(name: string, { list = false, status = 200 }: { list?: boolean; status?: number } = {}) {
  const one = { $ref: `#/components/schemas/${name}` };
  return ApiResponse({ status, schema: list ? { type: 'array', items: one } : one });
}
