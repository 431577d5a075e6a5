import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'tsukasa_session';
export const SESSION_PREFIX = 'tss_';
export const API_TOKEN_PREFIX = 'tsa_';

export function newToken(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** Only the SHA-256 of a token is stored; a leaked table yields no usable credential. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const TOKEN_SHAPE = /^(tss|tsa)_[A-Za-z0-9_-]{43}$/;
export const looksLikeToken = (t: string) => TOKEN_SHAPE.test(t);
