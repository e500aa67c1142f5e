// The teaching page's server: the built files of dist/web and the session
// (the scenario and readings of the command line), on 127.0.0.1 only.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleFile } from '../rules/ruleSet.js';

const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** Nothing but this origin: no CDN, fonts or analytics, no inline script or style. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * What the page is handed on load (GET /session.json): the FILE
 * and --set of the command line, the rule files of --rules.
 */
export interface Session {
  scenario?: { file: string; text: string };
  set?: Record<string, string>;
  rules?: { dir: string; files: RuleFile[] };
}

interface ServeOptions {
  /** 0: a free port chosen by the system */
  port: number;
  session: Session;
  webDir?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

interface Asset {
  body: Buffer;
  type: string;
}

/**
 * Every built file, read once at start: requests are answered from
 * this table, so no request path ever reaches the file system.
 */
function readAssets(dir: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile())
        assets.set(`/${relative(dir, path).split(sep).join('/')}`, {
          body: readFileSync(path),
          type: TYPES[extname(entry.name)] ?? 'application/octet-stream',
        });
    }
  };
  walk(dir);
  return assets;
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: Buffer | string,
  head: boolean,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': String(Buffer.byteLength(body)),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(head ? undefined : body);
}

/** Starts the server; resolves once it listens. Throws (rejects) when the port is taken or the page is not built. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const assets = readAssets(options.webDir ?? DEFAULT_WEB_DIR);
  const index = assets.get('/index.html');
  if (!index) throw new Error('no index.html in the page directory');
  const session = Buffer.from(JSON.stringify(options.session));
  let port = options.port;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head)
      return send(res, 405, 'text/plain; charset=utf-8', 'only GET and HEAD\n', false, { Allow: 'GET, HEAD' });
    // a page elsewhere that rebinds its own name to 127.0.0.1 must not read the session
    if (req.headers.host !== `127.0.0.1:${port}` && req.headers.host !== `localhost:${port}`)
      return send(res, 421, 'text/plain; charset=utf-8', 'wrong host\n', head);
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/' || path === '/index.html') return send(res, 200, index.type, index.body, head);
    if (path === '/session.json') return send(res, 200, TYPES['.json']!, session, head);
    const asset = assets.get(path);
    if (asset)
      return send(
        res,
        200,
        asset.type,
        asset.body,
        head,
        path.startsWith('/assets/') ? { 'Cache-Control': 'public, max-age=31536000, immutable' } : {},
      );
    return send(res, 404, 'text/plain; charset=utf-8', 'not found\n', head);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    // stops listening and drops every connection at once; the promise settles when Node has let go of the port
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
