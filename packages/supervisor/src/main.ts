import { createLog } from '@drover/contracts';
import { loadSupervisorConfig } from './config/supervisor-config.js';
import { createSupervisor } from './supervisor.js';

/**
 * `drover supervisor --config FILE`: the composition root, the only place that reads
 * process.env, installs signal handlers or exits. SIGTERM/SIGINT stop every program (reverse
 * priority) and exit; SIGQUIT exits leaving programs running (an upgrade in place: the next
 * supervisor adopts them); SIGHUP reloads the config file.
 */
export async function runSupervisor(options: { config: string; listen?: string }): Promise<void> {
  const config = loadSupervisorConfig(options.config, { listen: options.listen });
  const log = createLog('supervisor', { level: config.logLevel });
  const supervisor = createSupervisor({
    config,
    log,
    baseEnv: process.env,
    isRoot: process.getuid?.() === 0,
  });
  await supervisor.start();

  let leaving = false;
  const leave = (how: 'shutdown' | 'detach', signal: string) => {
    if (leaving) return;
    leaving = true;
    log.info(
      { signal },
      how === 'shutdown' ? 'stopping every program' : 'leaving programs running',
    );
    void supervisor[how]()
      .then(() => {
        log.flush();
        process.exit(0);
      })
      .catch((err: unknown) => {
        log.error({ err }, 'exit failed');
        log.flush();
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => leave('shutdown', 'SIGTERM'));
  process.on('SIGINT', () => leave('shutdown', 'SIGINT'));
  process.on('SIGQUIT', () => leave('detach', 'SIGQUIT'));
  process.on('SIGHUP', () => {
    supervisor.reload().catch((err: unknown) => log.error({ err }, 'reload failed'));
  });
}
