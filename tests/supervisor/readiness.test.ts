import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { freePort } from '@drover/contracts/testing';
import { program, startInProcess, waitState, type InProcess } from './helpers.js';

const node = process.execPath;

describe('readiness (notify_fd, tcp, http, exec)', () => {
  let s: InProcess;
  before(async () => {
    s = await startInProcess({});
  });
  after(async () => s.close());

  it('notify_fd: ready once the program writes a newline to the fd; start waits for it', async () => {
    await s.sup.manager.define(
      'notifier',
      {
        command: ['/bin/sh', '-c', 'sleep 0.4; echo >&3; exec sleep 1000'],
        start_secs: '50ms',
        ready: { notify_fd: 3 },
        autostart: false,
      },
      'api',
    );
    const t0 = Date.now();
    const r = await s.api.POST('/v1/programs/{name}/{action}', {
      params: { path: { name: 'notifier', action: 'start' } },
    });
    assert.equal(r.data?.reached, true);
    assert.equal(r.data?.program.ready, true);
    assert.ok(Date.now() - t0 >= 350, 'not ready before the newline');
  });

  it('notify_fd: a program that never writes stays not ready while RUNNING', async () => {
    await s.sup.manager.define(
      'silent',
      { command: ['sleep', '1000'], start_secs: '50ms', ready: { notify_fd: 3 } },
      'api',
    );
    const p = await waitState(s.api, 'silent', (x) => x.state === 'RUNNING', 'RUNNING');
    assert.equal(p.ready, false);
    const r = await s.api.POST('/v1/programs/{name}/{action}', {
      params: { path: { name: 'silent', action: 'start' }, query: { wait: '200ms' } },
    });
    assert.equal(r.data?.reached, false, 'the wait passed before readiness');
    assert.equal(r.data?.program.state, 'RUNNING');
  });

  it('tcp: ready once the port accepts', async () => {
    const port = await freePort();
    await s.sup.manager.define(
      'tcp-server',
      {
        command: [
          node,
          '-e',
          `setTimeout(() => require('net').createServer().listen(${port}, '127.0.0.1'), 300)`,
        ],
        start_secs: '50ms',
        ready: { tcp: port },
      },
      'api',
    );
    const early = await program(s.api, 'tcp-server');
    assert.equal(early.ready, false);
    await waitState(s.api, 'tcp-server', (x) => x.ready && x.state === 'RUNNING', 'ready');
  });

  it('http and exec checks', async () => {
    const port = await freePort();
    const flag = join(s.dir.path, 'flag');
    await s.sup.manager.define(
      'http-server',
      {
        command: [
          node,
          '-e',
          `require('http').createServer((q, r) => r.end('ok')).listen(${port}, '127.0.0.1')`,
        ],
        start_secs: '50ms',
        ready: { http: `http://127.0.0.1:${port}/` },
      },
      'api',
    );
    await s.sup.manager.define(
      'exec-check',
      { command: ['sleep', '1000'], start_secs: '50ms', ready: { exec: ['test', '-f', flag] } },
      'api',
    );
    await waitState(s.api, 'http-server', (x) => x.ready, 'ready');
    assert.equal((await program(s.api, 'exec-check')).ready, false);
    writeFileSync(flag, '');
    await waitState(s.api, 'exec-check', (x) => x.ready, 'ready');
  });
});
