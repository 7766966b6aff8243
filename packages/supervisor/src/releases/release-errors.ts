import { DroverError } from '@drover/contracts';

/** The releases' errors: a stable code, its HTTP status and a title (problem+json at HTTP). */
export const releaseErrors = {
  unknownApp: (app: string) =>
    new DroverError('unknown-app', 404, 'No such app', {
      detail: `no app named '${app}' on this host`,
    }),
  unknownRelease: (app: string, id: string) =>
    new DroverError('unknown-release', 404, 'No such release', {
      detail: `${app} has no complete release ${id}`,
    }),
  noRollbackTarget: (app: string) =>
    new DroverError('no-rollback-target', 409, 'Nothing to roll back to', {
      detail: `${app} has no complete, good release older than current`,
      extensions: { holder: 'none' },
    }),
  releaseConflict: (app: string, id: string, what: string) =>
    new DroverError('release-conflict', 409, 'Release exists with other content', {
      detail: `${app} release ${id} was prepared with another ${what}`,
      extensions: { holder: `release ${id}` },
    }),
  appBusy: (app: string, holder: string) =>
    new DroverError('app-busy', 409, 'Another operation holds the app', {
      detail: `${app} is held by ${holder}`,
      extensions: { holder },
    }),
  staleFence: (app: string, fence: number, seen: number) =>
    new DroverError('stale-fence', 409, 'Stale fence', {
      detail: `${app} has seen fence ${seen}; this call carries ${fence} (a newer executor took over)`,
      extensions: { holder: `fence ${seen}` },
    }),
  invalidPath: (what: string, path: string) =>
    new DroverError('invalid-path', 400, 'Path is not allowed', {
      detail: `${what} '${path}' must be relative and stay inside the release`,
    }),
  invalidRequest: (detail: string) =>
    new DroverError('validation', 400, 'Request is not valid', { detail }),
  missingLinkedFile: (path: string) =>
    new DroverError('missing-linked-file', 422, 'A linked file is missing', {
      detail: `linked file '${path}' does not exist in shared/ (create it there first)`,
    }),
  badArtifact: (detail: string) =>
    new DroverError('bad-artifact', 422, 'Artifact refused', { detail }),
  buildFailed: (detail: string) => new DroverError('build-failed', 422, 'Build failed', { detail }),
  fetchFailed: (detail: string) =>
    new DroverError('fetch-failed', 502, 'Source could not be fetched', { detail }),
  unknownRevision: (revision: string) =>
    new DroverError('unknown-revision', 422, 'Revision not found', {
      detail: `'${revision}' is not a commit in the repository`,
    }),
  interrupted: () =>
    new DroverError('interrupted', 503, 'Interrupted', {
      detail: 'the supervisor is stopping; retry the call',
    }),
} as const;
