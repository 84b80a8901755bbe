import { existsSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** Where the build puts its hashed files: a name there changes whenever its content does. */
export const ASSETS_PATH = '/assets/';

/** A year, the longest a cache keeps anything: hashed files never change under their name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Encodings the build writes beside each file (frontend/vite.config.ts), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

interface Asset {
  /** The encodings written for it at build time (a subset of ENCODINGS' names). */
  encodings: Set<string>;
}

/** The built assets, read once: the folder changes only with a new build (and a restart). */
function listAssets(dir: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  if (!existsSync(dir)) return assets;
  const names = new Set(readdirSync(dir));
  for (const name of names) {
    if (name.endsWith('.map') || ENCODINGS.some((e) => name.endsWith(e.suffix))) continue;
    assets.set(name, { encodings: new Set(ENCODINGS.filter((e) => names.has(name + e.suffix)).map((e) => e.name)) });
  }
  return assets;
}

/**
 * The UI's hashed files (dist/assets): each sent as the build compressed it — brotli at its best
 * quality where the browser accepts `br`, gzip otherwise, whole for the rest — so nothing is
 * compressed again per request, and cached for good (`immutable`): a new build gives new names,
 * and index.html, which names them, is revalidated on every load. A name that is not in the build
 * (a page from before a new release asking for its old chunks) is a 404, never the app's page;
 * source maps are never served.
 */
export function hashedAssets(distDir: string): RequestHandler {
  const dir = join(distDir, 'assets');
  const assets = listAssets(dir);
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.path.startsWith(ASSETS_PATH) || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    const name = req.path.slice(ASSETS_PATH.length);
    const asset = assets.get(name);
    if (!asset) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    // The server's order, brotli first, among those the browser accepts at all: browsers list
    // `gzip` before `br` with the same weight, and brotli is the smaller.
    const encoding = ENCODINGS.find((e) => asset.encodings.has(e.name) && req.acceptsEncodings(e.name) === e.name);
    res.setHeader('Cache-Control', IMMUTABLE);
    res.setHeader('Content-Type', TYPES[extname(name)] ?? 'application/octet-stream');
    if (asset.encodings.size) res.setHeader('Vary', 'Accept-Encoding');
    if (encoding) res.setHeader('Content-Encoding', encoding.name);
    res.sendFile(join(dir, encoding ? name + encoding.suffix : name), { cacheControl: false, dotfiles: 'deny' }, (err) => {
      if (err && !res.headersSent) next(err);
    });
  };
}
