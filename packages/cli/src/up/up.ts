import { join, resolve } from 'node:path';
import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { freePort, parseListen } from '@drover/contracts';
import { sha256Hex } from '@drover/contracts/http';
import { createSchedulerClient } from '../client/api-client.js';
import { applyFleet } from '../fleet/apply-fleet.js';
import { readFleetFile } from '../fleet/fleet-file.js';
import { startChildService, waitUntilReady, type ChildService } from './child-service.js';
import { startEmbeddedRedis } from './embedded-redis.js';
import { adminToken, upHome } from './home.js';

export interface UpOptions {
  home: string;
  listen: string;
  fleetFile: string | undefined;
  /** Where Redis is when the user brings their own (REDIS_URL). */
  redisUrl: string | undefined;
  /** How to run `drover <service>` as a child: this very CLI, built or from source. */
  self: { command: string; args: string[] };
  print: (line: string) => void;
}

export interface RunningStack {
  url: string;
  token: string;
  stop(): Promise<void>;
}

/**
 * `drover up`: the whole stack on one machine. Today that is Redis (embedded unless REDIS_URL)
 * and the scheduler; later issues add the executor and a pair of host agents.
 */
export async function startStack(o: UpOptions): Promise<RunningStack> {
  const home = upHome(o.home);
  const started: ChildService[] = [];
  const stop = async () => {
    for (const s of started.reverse()) await s.stop();
  };
  try {
    let redisUrl = o.redisUrl;
    if (redisUrl === undefined) {
      const port = await freePort();
      started.push(await startEmbeddedRedis(home.redisDir, port, home.logsDir));
      redisUrl = `redis://127.0.0.1:${port}`;
    }

    const { token, created } = adminToken(home);
    const listen = parseListen(o.listen);
    const port = listen.port === 0 ? await freePort() : listen.port;
    const url = `http://${listen.host}:${port}`;
    const schedulerConfig = join(home.configDir, 'scheduler.yaml');
    writeFileSync(
      schedulerConfig,
      stringify({
        listen: `${listen.host}:${port}`,
        redis: redisUrl,
        tokens: [{ name: 'admin', scopes: ['admin'], sha256: sha256Hex(token) }],
      }),
      { mode: 0o600 },
    );
    const scheduler = startChildService(
      'scheduler',
      o.self.command,
      [...o.self.args, 'scheduler', '--config', schedulerConfig],
      join(home.logsDir, 'scheduler.log'),
    );
    started.push(scheduler);
    await waitUntilReady(scheduler, async () => (await fetch(`${url}/v1/health`)).ok);

    if (o.fleetFile !== undefined) {
      const fleet = readFleetFile(o.fleetFile, { ...process.env, DROVER_HOME: home.dir });
      const results = await applyFleet(createSchedulerClient({ url, token }), fleet);
      o.print(
        `applied ${o.fleetFile}: ${results.map((r) => `${r.kind} ${r.name} ${r.outcome}`).join(', ')}`,
      );
    }

    const tokenFile = resolve(home.tokenFile);
    o.print('');
    o.print(`drover is up: ${url}`);
    if (created) o.print(`admin token (shown once, kept in ${tokenFile}): ${token}`);
    else o.print(`admin token: in ${tokenFile}`);
    o.print(`logs: ${home.logsDir}`);
    o.print('try:');
    o.print(
      `  curl -s -H "Authorization: Bearer $(cat ${tokenFile})" -H 'Accept: text/plain' ${url}/v1/apps`,
    );
    o.print('Ctrl-C stops everything.');
    return { url, token, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
