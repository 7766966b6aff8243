import { DroverError } from '@drover/contracts';

/** The supervisor's own errors: a stable code, its HTTP status and a title. */
export const supervisorErrors = {
  unknownProgram: (name: string) =>
    new DroverError('unknown-program', 404, 'No such program', {
      detail: `no program named '${name}'`,
    }),
  programBusy: (name: string, holder: string) =>
    new DroverError('program-busy', 409, 'Program is busy', {
      detail: `${name} is held by '${holder}'`,
      extensions: { holder },
    }),
  notRunning: (name: string, state: string) =>
    new DroverError('not-running', 409, 'Program has no process', {
      detail: `${name} is ${state}: there is no process to signal`,
      extensions: { holder: state },
    }),
  definedByConfig: (name: string) =>
    new DroverError('defined-by-config', 409, 'Program is defined in the config file', {
      detail: `${name} comes from the config file: remove it there and reload`,
      extensions: { holder: 'config' },
    }),
  invalidSpec: (name: string, detail: string) =>
    new DroverError('invalid-program', 400, 'Program definition is not valid', {
      detail: `${name}: ${detail}`,
    }),
  needsRoot: (name: string, what: string) =>
    new DroverError('needs-root', 400, 'Dropping privileges needs root', {
      detail: `${name}: '${what}' is set but the supervisor does not run as root`,
    }),
  unknownUser: (name: string, user: string) =>
    new DroverError('unknown-user', 400, 'No such user or group', {
      detail: `${name}: no user or group '${user}' on this host`,
    }),
  locked: (path: string) =>
    new DroverError('locked', 1, 'Another supervisor holds this root', {
      detail: `another supervisor holds ${path}`,
    }),
  invalidConfig: (detail: string) =>
    new DroverError('invalid-config', 400, 'Config file is not valid', { detail }),
  noConfigFile: () =>
    new DroverError('no-config-file', 400, 'Nothing to reload', {
      detail: 'the supervisor was started without a config file',
    }),
} as const;
