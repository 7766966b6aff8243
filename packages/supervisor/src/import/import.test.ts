import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parse } from 'yaml';
import { validateConfig } from '@drover/contracts';
import { tempDir } from '@drover/contracts/testing';
import { supervisorConfigSchema } from '../config/schema.js';
import { importDaemontools } from './daemontools.js';
import { renderProgramsYaml } from './import-result.js';
import { importProcfile } from './procfile.js';
import { importSupervisord } from './supervisord.js';

const CONF = `
[supervisord]
logfile=/var/log/supervisord.log

; a comment
[program:web]
command=/usr/bin/gunicorn app:app -b 127.0.0.1:%(ENV_PORT)s
directory=/srv/web
environment=A="1",B=two, C='x y'
autostart=true
autorestart=true
exitcodes=0,2
startsecs=5
startretries=10
stopsignal=INT
stopwaitsecs=30
user=www-data
umask=22
priority=10
numprocs=2
process_name=%(program_name)s_%(process_num)02d
stdout_logfile=/var/log/web.log
stopasgroup=true

[program:Worker_Q]
command=python worker.py   ; trailing comment
autorestart=unexpected
`;

describe('drover import', () => {
  const tmp = tempDir();
  after(() => tmp.remove());

  const validates = (yaml: string) =>
    validateConfig(
      { root: '/tmp/x', token_sha256: 'a'.repeat(64), ...(parse(yaml) as object) },
      supervisorConfigSchema,
    );

  it('supervisord: maps [program:x] and lists what does not map', () => {
    const r = importSupervisord(CONF);
    assert.deepEqual(r.programs['web'], {
      command: '/usr/bin/gunicorn app:app -b 127.0.0.1:%(ENV_PORT)s',
      directory: '/srv/web',
      environment: { A: '1', B: 'two', C: 'x y' },
      autostart: true,
      autorestart: 'always',
      exit_codes: [0, 2],
      start_secs: '5s',
      start_retries: 10,
      stop_signal: 'INT',
      stop_timeout: '30s',
      user: 'www-data',
      umask: '022',
      priority: 10,
      instances: 2,
    });
    assert.deepEqual(r.programs['worker_q'], {
      command: 'python worker.py',
      autorestart: 'unexpected',
    });
    const notes = r.unmapped.join('\n');
    assert.match(notes, /\[supervisord\]: section ignored/);
    assert.match(notes, /stdout_logfile: output goes to drover's logger/);
    assert.match(notes, /process_name: no drover equivalent/);
    assert.match(notes, /ENV_PORT/);
    assert.match(notes, /renamed to 'worker_q'/);
    validates(renderProgramsYaml(r));
  });

  it('procfile: one program per process type', () => {
    const r = importProcfile(
      'web: bundle exec puma -p $PORT\n# c\nworker: bin/worker --q=1\nbad line\n',
    );
    assert.deepEqual(r.programs, {
      web: { command: 'bundle exec puma -p $PORT' },
      worker: { command: 'bin/worker --q=1' },
    });
    assert.equal(r.unmapped.length, 2);
    validates(renderProgramsYaml(r));
  });

  it('daemontools: run script, env/ as env_dir, down as autostart false', () => {
    const svc = join(tmp.path, 'service');
    for (const name of ['api', 'cron']) {
      mkdirSync(join(svc, name, 'env'), { recursive: true });
      writeFileSync(join(svc, name, 'run'), '#!/bin/sh\nexec sleep 1000\n');
      chmodSync(join(svc, name, 'run'), 0o755);
    }
    writeFileSync(join(svc, 'cron', 'down'), '');
    mkdirSync(join(svc, 'api', 'log'));
    writeFileSync(join(svc, 'api', 'log', 'run'), '#!/bin/sh\nexec multilog t ./main\n');
    const r = importDaemontools(svc);
    assert.deepEqual(r.programs, {
      api: {
        command: [join(svc, 'api', 'run')],
        directory: join(svc, 'api'),
        env_dir: join(svc, 'api', 'env'),
      },
      cron: {
        command: [join(svc, 'cron', 'run')],
        directory: join(svc, 'cron'),
        env_dir: join(svc, 'cron', 'env'),
        autostart: false,
      },
    });
    assert.match(r.unmapped.join('\n'), /logger replaces the log service/);
    assert.deepEqual(Object.keys(importDaemontools(join(svc, 'api')).programs), ['api']);
    validates(renderProgramsYaml(r));
  });
});
