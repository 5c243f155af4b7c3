import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { NestApplicationOptions } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { Express } from 'express';

/**
 * Nest's Express adapter, with an HTTP server that makes each request and response with
 * Express's own prototypes from the start.
 *
 * Express gives every request and response its prototypes as it receives them
 * (`Object.setPrototypeOf` in `app.handle`). After that change, V8's young collections found
 * nearly every request's objects still alive, long after they were answered, and moved them to
 * the old generation: about 2 MB a collection and pauses of 5 to 10 ms, where 10 KB and under a
 * millisecond are expected (docs/performance.md, "Express's prototypes"). Made with them from
 * the start, Express's own call changes nothing: the prototype is already the one it sets.
 */
export class ExpressAdapterWithItsPrototypes extends ExpressAdapter {
  override initHttpServer(options: NestApplicationOptions): void {
    // Neither is used by the console; left to Nest as it makes them.
    if (options?.httpsOptions || options?.forceCloseConnections) return super.initHttpServer(options);
    const app = this.getInstance<Express>();
    this.httpServer = createServer({ IncomingMessage: requestMadeFor(app), ServerResponse: responseMadeFor(app) }, app);
  }
}

/** Node's IncomingMessage, made with the app's request prototype (what Node passes, passed on). */
function requestMadeFor(app: Express): typeof IncomingMessage {
  // Node 20 defines it as a function, as its documentation of `createServer` expects to be extended.
  function ExpressRequest(this: IncomingMessage, ...made: unknown[]) {
    Reflect.apply(IncomingMessage, this, made);
  }
  ExpressRequest.prototype = app.request;
  return ExpressRequest as unknown as typeof IncomingMessage;
}

/** Node's ServerResponse, made with the app's response prototype. */
function responseMadeFor(app: Express): typeof ServerResponse<IncomingMessage> {
  function ExpressResponse(this: ServerResponse, ...made: unknown[]) {
    Reflect.apply(ServerResponse, this, made);
  }
  ExpressResponse.prototype = app.response;
  return ExpressResponse as unknown as typeof ServerResponse<IncomingMessage>;
}
