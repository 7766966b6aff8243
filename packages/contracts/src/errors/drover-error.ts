/** The problem+json body every drover HTTP edge answers errors with (RFC 9457). */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  errors?: { path: string; message: string }[];
  [extension: string]: unknown;
}

export const PROBLEM_TYPE_BASE = 'https://drover.dev/problems/';

export interface DroverErrorOptions {
  detail?: string;
  cause?: unknown;
  errors?: { path: string; message: string }[];
  extensions?: Record<string, unknown>;
}

/**
 * Base of every error drover raises on purpose. `code` is stable (it forms the problem `type`),
 * `status` is the HTTP status the edge answers with.
 */
export class DroverError extends Error {
  readonly code: string;
  readonly status: number;
  readonly title: string;
  readonly errors: { path: string; message: string }[] | undefined;
  readonly extensions: Record<string, unknown>;

  constructor(code: string, status: number, title: string, options: DroverErrorOptions = {}) {
    super(options.detail ?? title, { cause: options.cause });
    this.name = 'DroverError';
    this.code = code;
    this.status = status;
    this.title = title;
    this.errors = options.errors;
    this.extensions = options.extensions ?? {};
  }

  toProblem(instance?: string): ProblemDetails {
    const problem: ProblemDetails = {
      type: PROBLEM_TYPE_BASE + this.code,
      title: this.title,
      status: this.status,
      code: this.code,
      ...this.extensions,
    };
    if (this.message !== this.title) problem.detail = this.message;
    if (this.errors && this.errors.length > 0) problem.errors = this.errors;
    if (instance !== undefined) problem.instance = instance;
    return problem;
  }
}

/** Turns whatever was thrown into an Error, so catch blocks never handle `unknown` twice. */
export function coerceError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown;
  return new Error(typeof thrown === 'string' ? thrown : JSON.stringify(thrown));
}
