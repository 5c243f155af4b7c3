import cluster from 'node:cluster';
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { Client } from 'pg';
import { Logger } from 'nestjs-pino';
import { json, raw, text, type NextFunction, type Request, type Response } from 'express';
import { AppModule } from './app.module';
import { AuthService } from './auth/auth.service';
import { readSessionToken } from './auth/auth.guard';
import { UnauthenticatedError } from './common/errors/domain.error';
import { AllExceptionsFilter, bodyParserErrors, shape } from './common/errors/http-exception.filter';
import { createValidationPipe } from './common/errors/validation';
import { ExpressAdapterWithItsPrototypes } from './common/express-adapter';
import { jsonShapeProblem } from './common/json-shape';
import { describeApi, setApiPrefix } from './openapi/document';
import type { AppConfig } from './config/config';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './database/embedded-postgres';
import { PORTAL_NOT_FOUND, portalBodyErrors } from './portal/portal-http';
import { IngestionService } from './ingestion/ingestion.service';
import { seedDemoData } from './seed/demo-seeder';
import { UsersService } from './users/users.service';

/**
 * The longest a client may take to send a whole request, headers and body. Node's default is
 * 300 s, and a body trickled a byte every few seconds kept a connection of the public sign-in
 * open that long; 30 s carries a 25 MB e-mail upload at under 1 MB/s.
 */
export const REQUEST_TIMEOUT_MS = 30_000;

export interface RunningConsole {
  app: NestExpressApplication;
  /** Where the console answers, e.g. http://localhost:3000 */
  url: string;
  /** The embedded database, when no server is configured. */
  embedded: EmbeddedPostgres | null;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Told once the generated password of the demo's first administrator. */
  announceAdmin?: (email: string, password: string) => void;
  /** Told what demo data the first start of the embedded database generated. */
  announceDemo?: (people: number, created: Record<string, number>) => void;
  /** Told each step of the start as it begins, so that a long first start says what it is doing. */
  announceStep?: (step: StartStep) => void;
  /**
   * Migrations, the first administrator and the demo data (default true). False for the workers
   * forked after the first one has done them (main.ts, WORKERS > 1): run by each, two empty
   * databases' worth of migrations would race.
   */
  firstStart?: boolean;
}

/** The steps of a start, in order; `demo` only on the embedded database's first start. */
export type StartStep =
  { step: 'embedded-database'; dataDir: string } | { step: 'schema' } | { step: 'demo'; people: number };

/** Starts the database (embedded if no server is configured), the API and the admin UI. */
export async function startConsole(config: AppConfig, options: StartOptions = {}): Promise<RunningConsole> {
  const announceStep = options.announceStep ?? (() => {});
  const firstStart = options.firstStart ?? true;
  let embedded: EmbeddedPostgres | null = null;
  if (!config.databaseUrl) announceStep({ step: 'embedded-database', dataDir: config.dataDir });
  const databaseUrl = config.databaseUrl ?? (embedded = await startEmbeddedPostgres(config.dataDir)).url;
  let app: NestExpressApplication | null = null;
  try {
    await probeDatabase(databaseUrl);
    announceStep({ step: 'schema' });
    const module = AppModule.register(config, databaseUrl, firstStart);
    app = await NestFactory.create<NestExpressApplication>(module, new ExpressAdapterWithItsPrototypes(), {
      // Start-up is told in a few plain lines by main.ts, not in forty "Mapped route" logs;
      // pino takes over once the app is configured.
      logger: ['error', 'warn'],
      abortOnError: false,
      bodyParser: false,
      cors: {
        origin: config.corsOrigins,
        credentials: true,
        allowedHeaders: ['Content-Type', 'Authorization', 'Range', 'X-Request-Id', 'X-Api-Key'],
        exposedHeaders: ['Content-Range', 'X-Request-Id', 'Content-Disposition'],
      },
    });
    configureApp(app, config);
    await app.init();
    app.useLogger(app.get(Logger));
    const adminCreated =
      firstStart &&
      (await app.get(UsersService).ensureFirstAdmin(config.adminEmail, config.adminPassword, {
        mayGeneratePassword: config.env !== 'production',
        announce: options.announceAdmin ?? (() => {}),
      }));
    // The embedded demo opens on a console with people in it, so there is something to find.
    if (adminCreated && embedded && config.demoPeople > 0) {
      announceStep({ step: 'demo', people: config.demoPeople });
      const created = await seedDemoData(app.get(IngestionService), config.demoPeople);
      options.announceDemo?.(config.demoPeople, created);
    }
    limitRequestTime(app.getHttpServer());
    await app.listen(config.port, config.host);
    const address = app.getHttpServer().address() as { port: number };
    const started = app;
    return {
      app: started,
      url: `http://localhost:${address.port}`,
      embedded,
      async close() {
        await started.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await app?.close().catch(() => {});
    await embedded?.stop();
    throw error;
  }
}

/**
 * Connects once before Nest starts, so that an unreachable or misconfigured database is
 * reported as one clear error instead of TypeORM's retry loop.
 */
async function probeDatabase(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
  } finally {
    await client.end().catch(() => {});
  }
}

function configureApp(app: NestExpressApplication, config: AppConfig): void {
  app.set('trust proxy', 'loopback');
  app.set('query parser', 'simple');
  app.disable('x-powered-by');
  // An ETag costs a SHA-1 of every answer and serves nothing: no API answer may be cached.
  app.set('etag', false);
  setApiPrefix(app);
  app.use(securityHeaders());
  // The tests of WORKERS tell the processes apart by it; never said elsewhere (the process layout is nobody's business).
  if (config.env === 'test' && cluster.isWorker)
    app.use((_req: Request, res: Response, next: NextFunction) => {
      res.setHeader('X-Console-Process', String(process.pid));
      next();
    });
  app.use('/api', noStore);
  // The body's shape (fields, nesting) is checked on its bytes before parsing: validation costs
  // time in the square of an object's field count, and the whole console would wait.
  app.use(json({ limit: '5mb', verify: refuseComplexJson }), refuseUnsafeJson, bodyParserErrors);
  // E-mails arrive raw (.eml), in whatever charset they were written: keep the bytes.
  app.use('/api/intake/email', raw({ type: () => true, limit: '25mb' }), bodyParserErrors);
  // The portal's forms are posted URL-encoded: kept as text and read with URLSearchParams, so
  // that no field name ever becomes an object's property.
  app.use(
    '/privacy',
    text({ type: 'application/x-www-form-urlencoded', limit: '32kb', defaultCharset: 'utf-8' }),
    portalBodyErrors,
  );
  // With documents attached (docs/portal.md) the forms come multipart: kept as bytes, read by portal-attachments-rules.
  app.use('/privacy', raw({ type: 'multipart/form-data', limit: '16mb' }), portalBodyErrors);
  app.use(cookieParser());
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter([PORTAL_NOT_FOUND]));

  const document = builtDocument() ?? describeApi(app);
  // The API's documentation is for staff too: it needs a session like every other endpoint.
  const auth = app.get(AuthService);
  app.use(['/api/docs', '/api/docs-json'], (req: Request, res: Response, next: NextFunction) => {
    const token = readSessionToken(req);
    (token ? auth.resolveSession(token) : Promise.resolve(null)).then(
      (user) => (user ? next() : res.status(401).json(shape(401, new UnauthenticatedError().message))),
      next,
    );
  });
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  if (config.adminDir && existsSync(join(config.adminDir, 'index.html'))) {
    app.useStaticAssets(config.adminDir, { index: 'index.html', maxAge: '1h' });
  }
}

/**
 * The document the build wrote (scripts/openapi.mjs: the decorators' document with every answer's
 * shape), beside the compiled API in dist/; none when the API runs from its sources (the tests).
 */
function builtDocument(): OpenAPIObject | null {
  const file = join(__dirname, '..', '..', 'openapi.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as OpenAPIObject) : null;
}

/** Answers about people stay out of browser and proxy caches (a shared computer, a proxy's disk). */
function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}

/**
 * helmet's headers with a strict Content-Security-Policy the UI works under: scripts only from
 * the console itself (the build has no inline script), no plugins, no framing by other sites,
 * connections only back to the console (nothing is fetched from elsewhere). Styles allow
 * 'unsafe-inline' because MUI (emotion) writes its styles at run time.
 */
export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameSrc: ["'self'"],
        frameAncestors: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    // The printable record is framed by the console's own page.
    frameguard: { action: 'sameorigin' },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/**
 * A slow client is cut off: the whole request (headers and body) within REQUEST_TIMEOUT_MS, or
 * Node answers 408 and closes the connection. Node checks every connectionsCheckingInterval
 * (30 s by default, so a cut could come only after twice the limit); every 2 s here. Read when
 * the server starts listening, so set before. The answer itself is not limited: a long export
 * download is no slow request.
 */
function limitRequestTime(server: Server & { connectionsCheckingInterval?: number }): void {
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = REQUEST_TIMEOUT_MS;
  server.connectionsCheckingInterval = 2_000;
}

/** body-parser's verify: refuses, before parsing, a JSON body of too many fields or nested too deep (jsonShapeProblem). */
function refuseComplexJson(_req: unknown, _res: unknown, body: Buffer, encoding: string | null): void {
  // RFC 8259: JSON between systems is UTF-8; the byte scan relies on it.
  if (encoding && !/^utf-?8$/i.test(encoding))
    throw Object.assign(new Error('A JSON body must be UTF-8'), { status: 415, type: 'charset.unsupported' });
  const problem = jsonShapeProblem(body);
  if (problem) throw Object.assign(new Error(problem.message), { status: problem.status, type: 'entity.too.complex' });
}

/**
 * JSON field names that name JavaScript's object machinery are never data here: class-transformer
 * fails on a nested `constructor`, and drops a field named after an inherited method (`toString`,
 * `hasOwnProperty`…) that class-validator's whitelist then misses, so the field would vanish
 * without a word. Refused as invalid JSON (400) at parsing,
 * as are strings holding a NUL character or a lone surrogate. Checked on the parsed body, in the
 * order a JSON.parse reviver would meet them (each value after its children), so that the first
 * problem named is the same: a reviver made parsing several times slower.
 */
const OBJECT_MACHINERY = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);
function refuseUnsafeJson(req: { body?: unknown }, _res: unknown, next: (e?: unknown) => void): void {
  // Set by `json()` only when it parsed a body (the first parser: nothing sets it before).
  if (req.body === undefined) return next();
  try {
    unsafeJson('', req.body);
  } catch (error) {
    return next(Object.assign(error as Error, { status: 400, type: 'entity.parse.failed' }));
  }
  next();
}
function unsafeJson(key: string, value: unknown): void {
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) unsafeJson(String(i), value[i]);
  else if (value !== null && typeof value === 'object')
    for (const k of Object.keys(value)) unsafeJson(k, (value as Record<string, unknown>)[k]);
  if (OBJECT_MACHINERY.has(key)) throw new SyntaxError(`"${key}" is not allowed as a field name`);
  // PostgreSQL text cannot hold a NUL character: a clear 400 instead of a failed query.
  if (typeof value === 'string' && value.includes('\u0000'))
    throw new SyntaxError(`${key ? `"${key}"` : 'a value'} contains a NUL character (\\u0000)`);
  // Half of a surrogate pair is no character: validators and the database would fail on it.
  if (typeof value === 'string' && LONE_SURROGATE.test(value))
    throw new SyntaxError(`${key ? `"${key}"` : 'a value'} contains a malformed character (a lone surrogate)`);
}
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
