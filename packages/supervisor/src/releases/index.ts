export { Releases, type ReleasesDeps } from './releases-service.js';
export { releasesRouter } from './api/releases-router.js';
export { releaseErrors } from './release-errors.js';
