import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';

export const SCOPES = ['read', 'deploy', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

export interface TokenEntry {
  name: string;
  scopes: Scope[];
  /** Hex SHA-256 of the token; tokens themselves are never stored. */
  sha256: string;
}

export interface Principal {
  name: string;
  scopes: Scope[];
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** admin implies deploy implies read. */
export function grants(scopes: readonly Scope[], needed: Scope): boolean {
  const rank = (s: Scope) => SCOPES.indexOf(s);
  return scopes.some((s) => rank(s) >= rank(needed));
}

/** What express-openapi-validator's security layer turns into a 401/403 with this message. */
export class AuthFailure extends Error {
  readonly error: { message: string };
  constructor(
    readonly status: 401 | 403,
    message: string,
  ) {
    super(message);
    this.error = { message };
  }
}

/**
 * Finds the token entry for a presented bearer token, comparing digests in constant time and
 * checking every entry so timing does not tell which one matched.
 */
export function findToken(
  entries: readonly TokenEntry[],
  presented: string,
): TokenEntry | undefined {
  const digest = Buffer.from(sha256Hex(presented), 'hex');
  let found: TokenEntry | undefined;
  for (const entry of entries) {
    const stored = Buffer.from(entry.sha256, 'hex');
    if (stored.length === digest.length && timingSafeEqual(stored, digest) && !found) found = entry;
  }
  return found;
}

export function bearerToken(req: Request): string | undefined {
  const header = req.get('authorization');
  if (header === undefined) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1];
}

/**
 * A security handler for express-openapi-validator: the spec says which scope each operation
 * needs (`security: [{bearer: [deploy]}]`), this checks the token has it and records who called.
 */
export function bearerSecurityHandler(entries: () => readonly TokenEntry[]) {
  return (req: Request, scopes: string[]): boolean => {
    const token = bearerToken(req);
    if (token === undefined) throw new AuthFailure(401, 'a bearer token is required');
    const entry = findToken(entries(), token);
    if (!entry) throw new AuthFailure(401, 'the bearer token is not valid');
    for (const s of scopes) {
      if (!grants(entry.scopes, s as Scope)) {
        throw new AuthFailure(403, `this token lacks the '${s}' scope`);
      }
    }
    (req.res?.locals ?? {})['principal'] = {
      name: entry.name,
      scopes: entry.scopes,
    } satisfies Principal;
    return true;
  };
}

export function principalOf(locals: Record<string, unknown>): Principal | undefined {
  return locals['principal'] as Principal | undefined;
}
