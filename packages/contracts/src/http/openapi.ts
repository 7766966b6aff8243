import { fileURLToPath } from 'node:url';
import type { RequestHandler } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import { bearerSecurityHandler, type TokenEntry } from './bearer-auth.js';

export type SpecName = 'scheduler' | 'supervisor' | 'logger';

/** Absolute path of `openapi/<name>.yaml`; the same depth from src/ and dist/. */
export function specPath(name: SpecName): string {
  return fileURLToPath(new URL(`../../../../openapi/${name}.yaml`, import.meta.url));
}

export interface ValidatorOptions {
  spec: SpecName;
  tokens: () => readonly TokenEntry[];
  /** Validate every response against the spec too (tests turn this on). */
  validateResponses?: boolean;
}

/**
 * Request (and optionally response) validation and bearer auth, both read from the spec, so the
 * YAML is the one place that says what a route accepts and which scope it needs.
 */
export function openApiMiddleware(options: ValidatorOptions): RequestHandler[] {
  return OpenApiValidator.middleware({
    apiSpec: specPath(options.spec),
    validateRequests: { allowUnknownQueryParameters: false, coerceTypes: true },
    validateResponses: options.validateResponses ? { allErrors: true } : false,
    validateSecurity: { handlers: { bearer: bearerSecurityHandler(options.tokens) } },
    ignoreUndocumented: true,
    validateFormats: true,
    ajvFormats: { mode: 'fast' },
  });
}
