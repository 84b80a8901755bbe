import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { scopeOf } from '../auth/auth.decorators.js';
import { AuthService } from '../auth/auth.service.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { VnfPackagesService } from './vnf-packages.service.js';

/**
 * `GET /api/vnf-packages/<id>/package.zip` with `Authorization: Bearer <token>`: the whole
 * package (seed 4.7.1: fetch VNF package) — its folder at the commit it was on-boarded from,
 * as a zip. 401 without a valid token; 404 for a package the caller may not see (vnf:read).
 */
@Controller('api/vnf-packages')
export class VnfPackageZipController {
  constructor(
    private readonly auth: AuthService,
    private readonly packages: VnfPackagesService,
  ) {}

  @Get(':id/package.zip')
  async download(@Req() req: Request, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization?.trim() ?? '')?.[1];
    const principal = token ? await this.auth.principal(token) : null;
    if (!principal || principal.user.mustChangePassword) {
      res.status(401).set('WWW-Authenticate', 'Bearer').type('text/plain').send('Send "Authorization: Bearer <token>" (from login or createApiToken).\n');
      return;
    }
    const scope = scopeOf(principal, 'vnf:read');
    if (scope.tenants.length === 0) {
      res.status(404).type('text/plain').send('Not found.\n');
      return;
    }
    try {
      const { name, zip } = await this.packages.archive(id, scope);
      res.status(200).set({
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="${name}.zip"`,
        'Content-Length': String(zip.length),
        'Cache-Control': 'no-store',
      });
      res.end(zip);
    } catch (err) {
      if (err instanceof AppError && err.code === ErrorCode.NOT_FOUND) {
        res.status(404).type('text/plain').send('Not found.\n');
        return;
      }
      // Another coded error (the repository's copy is not there yet...) says what it is, in words.
      if (err instanceof AppError) {
        res
          .status(err.code === ErrorCode.UNAVAILABLE ? 503 : err.code === ErrorCode.VALIDATION_FAILED ? 422 : 409)
          .type('text/plain')
          .send(`${err.message}\n`);
        return;
      }
      throw err;
    }
  }
}
