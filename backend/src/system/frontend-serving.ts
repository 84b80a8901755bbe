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

/** A name the build may give a file of its own: no folder, no dot file, not a map or a compressed copy. */
const ASSET_NAME = /^[\w-][\w.-]*$/;
const servable = (name: string): boolean => ASSET_NAME.test(name) && !name.endsWith('.map') && !ENCODINGS.some((e) => name.endsWith(e.suffix));

/** The built assets, read at start; a name not seen yet is looked for once (a build made while the server runs). */
class AssetList {
  private readonly known = new Map<string, Asset>();

  constructor(private readonly dir: string) {
    if (!existsSync(dir)) return;
    const names = new Set(readdirSync(dir));
    for (const name of names) if (servable(name)) this.known.set(name, { encodings: this.encodingsOf(name, (file) => names.has(file)) });
  }

  get(name: string): Asset | undefined {
    const known = this.known.get(name);
    if (known || !servable(name) || !existsSync(join(this.dir, name))) return known;
    const asset = { encodings: this.encodingsOf(name, (file) => existsSync(join(this.dir, file))) };
    this.known.set(name, asset);
    return asset;
  }

  forget(name: string): void {
    this.known.delete(name);
  }

  private encodingsOf(name: string, exists: (file: string) => boolean): Set<string> {
    return new Set(ENCODINGS.filter((e) => exists(name + e.suffix)).map((e) => e.name));
  }
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
  const assets = new AssetList(dir);
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
    res.sendFile(join(dir, encoding ? name + encoding.suffix : name), { cacheControl: false, dotfiles: 'deny' }, (err?: Error & { status?: number }) => {
      if (!err || res.headersSent) return;
      for (const header of ['Cache-Control', 'Content-Type', 'Content-Encoding', 'Vary']) res.removeHeader(header);
      if (err.status !== 404) return next(err);
      // Removed by a newer build since it was listed.
      assets.forget(name);
      res.status(404).type('text/plain').send('Not found');
    });
  };
}
