import { commonErrors } from '../errors/catalogue.js';

/** Apps, stages, hosts, token names. */
export const NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;
/** Programs may carry dots: `<app>.<type>.<n>`. */
export const PROGRAM_NAME_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,127}$/;
/** Releases are UTC `YYYYMMDDHHMMSS`, Capistrano's format. */
export const RELEASE_ID_PATTERN = /^[0-9]{14}$/;

export function isName(value: string): boolean {
  return NAME_PATTERN.test(value);
}

export function isProgramName(value: string): boolean {
  return PROGRAM_NAME_PATTERN.test(value) && value !== '.' && value !== '..';
}

export function isReleaseId(value: string): boolean {
  return RELEASE_ID_PATTERN.test(value);
}

export function assertName(value: string, what = 'name'): string {
  if (!isName(value)) {
    throw commonErrors.validation(`${what} '${value}' must match ${NAME_PATTERN.source}`);
  }
  return value;
}

export function assertProgramName(value: string, what = 'program'): string {
  if (!isProgramName(value)) {
    throw commonErrors.validation(`${what} '${value}' must match ${PROGRAM_NAME_PATTERN.source}`);
  }
  return value;
}
