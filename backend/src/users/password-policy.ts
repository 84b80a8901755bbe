import { dictionary } from '@zxcvbn-ts/language-common';
import { validationFailed } from '../common/app-error.js';

export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 256;

/** The 49,000 most common passwords (zxcvbn-ts's list), lower-cased, built on first use. */
let common: Set<string> | undefined;
const commonPasswords = () => (common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase())));

/** Why a new password is refused, or null: long enough, not too long, not a common password, not the user name. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `use at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `use at most ${MAX_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return 'this is one of the most common passwords: choose another';
  if (username.length >= 3 && lower.includes(username.toLowerCase())) return 'do not put the user name in the password';
  return null;
}

/** Throws VALIDATION_FAILED on `field` when the password is refused. */
export function assertPasswordAllowed(password: string, username: string, field = 'password'): void {
  const problem = passwordProblem(password, username);
  if (problem) throw validationFailed(`The password is refused: ${problem}.`, { [field]: problem });
}
