import { Controller, Get, Inject, Logger, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { PENDING_TTL_SECONDS } from './sso-state.store.js';
import { SsoError, SsoErrorCode } from './sso.exception.js';
import { SsoService } from './sso.service.js';

/** Holds the random id that finds a sign-in under way again (see SsoStateStore); only sent to /auth/oidc. */
const COOKIE = 'superfluid_sso';
const COOKIE_PATH = '/auth/oidc';

/** The value of cookie `name` of the request (Express parses no cookies by itself). */
function cookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/**
 * Single sign-on with OpenID Connect (authorization code + PKCE):
 * `GET /auth/oidc/login` starts a sign-in and sends the browser to the identity provider;
 * `GET /auth/oidc/callback` is where the provider sends it back (the redirect URI:
 * <PUBLIC_URL>/auth/oidc/callback). It ends on the UI: `/#/sso?token=...` (a fragment, so the
 * token never reaches a server's log) or the login page with `/#/login?ssoError=<code>`.
 */
@Controller('auth/oidc')
export class SsoController {
  private readonly logger = new Logger(SsoController.name);

  constructor(
    private readonly sso: SsoService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('login')
  async login(@Res() res: Response): Promise<void> {
    try {
      const { browser, url } = await this.sso.begin();
      res.cookie(COOKIE, browser, {
        path: COOKIE_PATH,
        httpOnly: true,
        // Lax: sent on the provider's top-level redirect back to the callback.
        sameSite: 'lax',
        secure: this.config.publicUrl.startsWith('https:'),
        maxAge: PENDING_TTL_SECONDS * 1000,
      });
      this.redirect(res, url.href);
    } catch (err) {
      const code = err instanceof SsoError ? err.code : SsoErrorCode.UNEXPECTED;
      if (!(err instanceof SsoError)) this.logger.error(`cannot start a single sign-on: ${(err as Error).stack ?? String(err)}`);
      this.redirect(res, this.ui(`/login?ssoError=${code}`));
    }
  }

  @Get('callback')
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    res.clearCookie(COOKIE, { path: COOKIE_PATH });
    // The redirect URI as registered, with the provider's answer (code, state, iss or error).
    const callback = new URL(this.config.oidc?.redirectUri ?? `${this.config.publicUrl}${COOKIE_PATH}/callback`);
    callback.search = new URL(req.originalUrl, 'http://callback').search;
    try {
      const { token } = await this.sso.complete(cookie(req, COOKIE), callback, req.ip ?? '');
      this.redirect(res, this.ui(`/sso?token=${encodeURIComponent(token)}`));
    } catch (err) {
      this.redirect(res, this.ui(`/login?ssoError=${(err as SsoError).code}`));
    }
  }

  /** A route of the UI (react-admin's hash router). */
  private ui(route: string): string {
    return `${this.config.publicUrl}/#${route}`;
  }

  private redirect(res: Response, location: string): void {
    res.set({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' }).redirect(303, location);
  }
}
