import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

/**
 * Serves a built `dist/` on 127.0.0.1 the way a static host would: under an
 * optional base path, `/x/` → `/x/index.html`, and the site's 404 page for misses.
 */
export async function serveDist(dir: string, base = '/'): Promise<{ url: string; close(): Promise<void> }> {
  const prefix = base.replace(/\/$/, '');
  const files = sirv(dir, { dev: false, etag: false, dotfiles: false, extensions: ['html'] });
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (prefix && !url.startsWith(`${prefix}/`)) {
      res.statusCode = 404;
      return res.end('outside base path');
    }
    req.url = url.slice(prefix.length) || '/';
    files(req, res, () => {
      req.url = '/404.html';
      res.statusCode = 404;
      files(req, res, () => {
        res.end('not found');
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}/`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
