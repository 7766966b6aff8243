import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, describe, it } from 'node:test';
import { droverArgv, tempDir } from '@drover/contracts/testing';

const run = promisify(execFile);

describe('drover import (CLI)', () => {
  const tmp = tempDir();
  after(() => tmp.remove());

  it('prints program YAML on stdout and what did not map on stderr', async () => {
    const conf = join(tmp.path, 'supervisord.conf');
    writeFileSync(conf, '[program:web]\ncommand=sleep 1000\nstdout_logfile=/tmp/x\n');
    const { command, args } = droverArgv('import', 'supervisord', conf);
    const { stdout, stderr } = await run(command, args);
    assert.equal(stdout, 'programs:\n  web:\n    command: sleep 1000\n');
    assert.match(stderr, /not mapped: \[program:web\] stdout_logfile/);
  });
});
