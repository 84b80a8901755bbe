import type { Rights } from '../access/permissions.js';
import type { UserModel } from '../users/models/user.model.js';
import type { TokenKind } from './api-token.entity.js';

/** Who a request acts for, through which token, and with what rights (the user's roles, narrowed by the token's scopes). */
export interface Principal {
  user: UserModel;
  tokenId: string;
  /** `session` (from login; `logout` ends it) or `api` (named, for scripts and git push). */
  kind: TokenKind;
  expiresAt: Date | null;
  rights: Rights;
}
