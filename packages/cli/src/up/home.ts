import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The state `drover up` keeps between runs: Redis's append-only file, the token, logs. */
export interface UpHome {
  dir: string;
  redisDir: string;
  logsDir: string;
  configDir: string;
  tokenFile: string;
}

export function upHome(dir: string): UpHome {
  const abs = resolve(dir);
  const home: UpHome = {
    dir: abs,
    redisDir: join(abs, 'redis'),
    logsDir: join(abs, 'logs'),
    configDir: join(abs, 'config'),
    tokenFile: join(abs, 'admin.token'),
  };
  for (const d of [home.dir, home.redisDir, home.logsDir, home.configDir]) {
    mkdirSync(d, { recursive: true, mode: 0o700 });
  }
  return home;
}

/** The admin token: made once (and shown once), then read back on later starts. */
export function adminToken(home: UpHome): { token: string; created: boolean } {
  if (existsSync(home.tokenFile)) {
    return { token: readFileSync(home.tokenFile, 'utf8').trim(), created: false };
  }
  const token = `drv_${randomBytes(24).toString('base64url')}`;
  writeFileSync(home.tokenFile, `${token}\n`, { mode: 0o600 });
  chmodSync(home.tokenFile, 0o600);
  return { token, created: true };
}
