import type { UserModel } from '../users/models/user.model.js';
import type { TokenKind } from './api-token.entity.js';

/**
 * Who a request acts for and through which token. Roles, tenants and token scopes (issue 14)
 * will hang here; today every user may do everything.
 */
export interface Principal {
  user: UserModel;
  tokenId: string;
  /** `session` (from login; `logout` ends it) or `api` (named, for scripts and git push). */
  kind: TokenKind;
  expiresAt: Date | null;
}
