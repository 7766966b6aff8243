import { mkdirSync, realpathSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Express } from 'express';
import { isConfigError, type Log } from '@drover/contracts';
import { boundUrl, closeServer, listen } from '@drover/contracts/http';
import { createApp } from './api/create-app.js';
import { loadSupervisorConfig, type SupervisorConfig } from './config/supervisor-config.js';
import { supervisorErrors } from './errors.js';
import { FifoChannel } from './fifo/fifo-channel.js';
import { createSupervisorMetrics } from './metrics/supervisor-metrics.js';
import { ProcessRunner } from './programs/process-runner.js';
import { ProgramManager, type ReloadOutcome } from './programs/program-manager.js';
import { Releases } from './releases/index.js';
import { DefinitionsStore } from './state/definitions-store.js';
import { acquireRootLock } from './state/root-lock.js';
import type { SocketLock } from '@drover/contracts';
import { RuntimeStore } from './state/runtime-store.js';

export interface SupervisorOptions {
  config: SupervisorConfig;
  log: Log;
  /** The environment programs start from (PATH, HOME, USER, LANG; all with inherit_env). */
  baseEnv: Readonly<Record<string, string | undefined>>;
  /** Whether user/group switching is possible. */
  isRoot: boolean;
  validateResponses?: boolean;
}

export interface Supervisor {
  manager: ProgramManager;
  app: Express;
  config: SupervisorConfig;
  /** Takes the root's lock, adopts or starts programs, listens. Resolves with the API's URL. */
  start(): Promise<string>;
  /** Re-reads the config file and applies what changed. */
  reload(): Promise<ReloadOutcome>;
  /** SIGTERM: stops every program (reverse priority), then closes. */
  shutdown(): Promise<void>;
  /** SIGQUIT: closes and leaves every program running for the next supervisor to adopt. */
  detach(): Promise<void>;
}

/** Builds a supervisor from its dependencies; main.ts and tests both use this. */
export function createSupervisor(options: SupervisorOptions): Supervisor {
  let config = options.config;
  const { log } = options;
  mkdirSync(config.stateDir, { recursive: true });
  const runner = new ProcessRunner({ adoptPollMs: config.adoptPollMs });
  const metrics = createSupervisorMetrics({
    programs: () => manager.list(),
    adopted: () => runner.adoptedCount,
  });
  const manager: ProgramManager = new ProgramManager({
    runner,
    fifos: new FifoChannel(config.fifoDir),
    runtime: new RuntimeStore(config.stateDir),
    definitions: new DefinitionsStore(config.stateDir),
    log,
    root: config.root,
    historySize: config.historySize,
    baseEnv: options.baseEnv,
    supervisorTag: realpathSync(config.root),
    isRoot: options.isRoot,
    onRestart: (p, s) => metrics.restarted(p, s),
  });
  const releases = new Releases({
    root: config.root,
    stateDir: config.stateDir,
    manager,
    log,
    isRoot: options.isRoot,
    baseEnv: options.baseEnv,
  });
  let server: Server | undefined;
  let lock: SocketLock | undefined;
  let reloading: Promise<ReloadOutcome> | undefined;

  const reload = (): Promise<ReloadOutcome> => {
    // Two reloads at once would race on the same programs: the second joins the first.
    reloading ??= (async () => {
      try {
        if (config.file === undefined) throw supervisorErrors.noConfigFile();
        let next: SupervisorConfig;
        try {
          next = loadSupervisorConfig(config.file);
        } catch (err) {
          // A bad file is the caller's problem (400), and changes nothing.
          if (isConfigError(err)) throw supervisorErrors.invalidConfig(err.message);
          throw err;
        }
        const outcome = await manager.reload(next.programs);
        config = { ...config, programs: next.programs, tokenSha256: next.tokenSha256 };
        log.info(outcome, 'reloaded');
        return outcome;
      } finally {
        reloading = undefined;
      }
    })();
    return reloading;
  };

  const app = createApp({
    manager,
    metrics,
    log,
    host: config.host,
    tokenSha256: () => config.tokenSha256,
    reload,
    validateResponses: options.validateResponses,
    releases,
  });

  const close = async () => {
    if (server !== undefined) await closeServer(server);
    server = undefined;
    await lock?.release();
    lock = undefined;
  };

  return {
    manager,
    app,
    get config() {
      return config;
    },
    async start() {
      lock = await acquireRootLock(join(config.stateDir, 'supervisor.lock'));
      try {
        await manager.boot(config.programs);
        server = await listen(app, config.listen);
      } catch (err) {
        await lock.release();
        throw err;
      }
      const url = boundUrl(server);
      log.info({ url, programs: manager.list().length }, 'supervisor listening');
      return url;
    },
    reload,
    async shutdown() {
      await releases.close();
      await manager.stopAll();
      runner.detach();
      await close();
    },
    async detach() {
      await releases.close();
      manager.detach();
      runner.detach();
      await close();
    },
  };
}
