// The supervisor and the real `drover logger` together: output keeps reaching the logger through
// a supervisor restart (adoption) and through a logger restart under load.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sha256Hex } from '@drover/contracts/http';
import { droverArgv, startChild, tempDir, waitFor, type Child } from '@drover/contracts/testing';
import { TOKEN, killTagged, program, startService, writeConfig, type Service } from './helpers.js';

const BURST = 50_000;

function loggedLines(logRoot: string, name: string, prefix: string): number[] {
  let text: string;
  try {
    text = readFileSync(join(logRoot, name, 'current'), 'utf8');
  } catch {
    return [];
  }
  const out: number[] = [];
  let pending = '';
  for (const line of text.split('\n')) {
    // `<RFC 3339 timestamp> out <text>`; `out+` marks a line the logger had to split (it was
    // stopped mid-line): its rest is the next record.
    const m = /^\S+ (out\+?) (.*)$/.exec(line);
    if (m?.[1] === undefined) continue;
    if (m[1] === 'out+') {
      pending += m[2] ?? '';
      continue;
    }
    const whole = /^(\S+) (\d+)$/.exec(pending + (m[2] ?? ''));
    pending = '';
    if (whole?.[1] === prefix) out.push(Number(whole[2]));
  }
  return out;
}

function assertContiguous(numbers: number[], from = 1): void {
  numbers.forEach((n, i) => {
    if (n !== from + i) assert.fail(`expected ${from + i} at position ${i}, found ${n}`);
  });
}

describe('supervisor + drover logger', () => {
  const dir = tempDir('drover-sv-logger-');
  const root = join(dir.path, 'root');
  const logRoot = join(dir.path, 'logs');
  let config: string;
  let loggerConfig: string;
  let service: Service | undefined;
  let logger: Child | undefined;

  const startLogger = async () => {
    const { command, args } = droverArgv('logger', '--config', loggerConfig);
    const child = startChild(command, args);
    await child.waitForOutput('logger listening', 30_000);
    return child;
  };

  before(async () => {
    config = writeConfig(dir.path, {
      programs: {
        talker: {
          command: [
            '/bin/sh',
            '-c',
            'i=0; while :; do i=$((i+1)); echo "talk $i"; sleep 0.01; done',
          ],
          start_secs: '100ms',
        },
        // A steady stream (20 lines a millisecond), so the logger restart lands mid-stream.
        burst: {
          command: [
            process.execPath,
            '-e',
            `let i = 0; const t = setInterval(() => { for (let k = 0; k < 20 && i < ${BURST}; k++) process.stdout.write('burst ' + ++i + '\\n'); if (i >= ${BURST}) clearInterval(t); }, 1); setInterval(() => {}, 1e6);`,
          ],
          start_secs: '100ms',
          autostart: false,
        },
      },
    });
    loggerConfig = join(dir.path, 'logger.json');
    writeFileSync(
      loggerConfig,
      JSON.stringify({
        listen: '127.0.0.1:0',
        root: logRoot,
        ingest: join(root, 'state', 'fifo'),
        token_sha256: sha256Hex(TOKEN),
        rotate: { max_bytes: '512MiB', keep: 5 },
        log_level: 'info',
      }),
    );
    service = await startService(config);
    logger = await startLogger();
  });
  after(async () => {
    await service?.child.stop('SIGKILL');
    await logger?.stop('SIGKILL');
    killTagged(root);
    dir.remove();
  });

  it('output still reaches the logger after the supervisor is SIGKILLed and adopts the program', async () => {
    await waitFor(
      'talk lines in the log',
      () => loggedLines(logRoot, 'talker', 'talk').length >= 20,
    );
    const before = await program(service!.api, 'talker');
    await service!.child.stop('SIGKILL');
    service = await startService(config);
    const adopted = await program(service.api, 'talker');
    assert.equal(adopted.pid, before.pid);
    assert.equal(adopted.adopted, true);
    const seen = loggedLines(logRoot, 'talker', 'talk').length;
    await waitFor(
      'more talk lines after the restart',
      () => loggedLines(logRoot, 'talker', 'talk').length >= seen + 30,
    );
    assertContiguous(loggedLines(logRoot, 'talker', 'talk'));
  });

  it('a logger restarted under load loses no line', async () => {
    const r = await service!.api.POST('/v1/programs/{name}/{action}', {
      params: { path: { name: 'burst', action: 'start' } },
    });
    assert.equal(r.data?.program.state, 'RUNNING');
    await waitFor(
      'the burst to be under way',
      () => loggedLines(logRoot, 'burst', 'burst').length > 1000,
    );
    const stopped = await logger!.stop('SIGTERM');
    assert.equal(stopped.code, 0);
    const during = loggedLines(logRoot, 'burst', 'burst').length;
    assert.ok(during < BURST, 'the logger was stopped mid-burst');
    logger = await startLogger();
    const current = join(logRoot, 'burst', 'current');
    await waitFor(
      'the last burst line',
      () => readFileSync(current, 'latin1').endsWith(` burst ${BURST}\n`),
      {
        timeoutMs: 60_000,
        intervalMs: 200,
      },
    );
    const lines = loggedLines(logRoot, 'burst', 'burst');
    assert.equal(lines.length, BURST);
    assertContiguous(lines);
    const p = await program(service!.api, 'burst');
    assert.equal(p.restarts, 0, 'the program waited for the logger instead of dying');
  });
});
