import { createServer, type Server } from 'node:http';

/**
 * Google's token endpoint played by a local HTTP server: it refuses the first `failures` calls
 * with a 503, then revokes. It remembers the tokens it was sent.
 */
export function fakeGoogle(): { server: Server; state: { failures: number; calls: number; tokens: string[] } } {
  const state = { failures: 0, calls: 0, tokens: [] as string[] };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      state.calls++;
      if (state.failures > 0) {
        state.failures--;
        res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"backend_error"}');
        return;
      }
      state.tokens.push(new URLSearchParams(body).get('token') ?? '');
      res.writeHead(200).end();
    });
  });
  return { server, state };
}
