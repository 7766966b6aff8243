import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { waitFor } from '@drover/contracts/testing';
import { readProcStat } from '@drover/supervisor';
import { FifoReader, program, startInProcess, type InProcess } from './helpers.js';

const LINES = 300_000;

/** Sleeping inside write(2) (syscall 1 on x86-64, 64 on arm64) to its stdout. */
function blockedWritingStdout(pid: number): boolean {
  try {
    const [nr, fd] = readFileSync(`/proc/${pid}/syscall`, 'latin1').split(' ');
    const write = process.arch === 'arm64' ? '64' : '1';
    return nr === write && fd === '0x1' && readProcStat(pid)?.state === 'S';
  } catch {
    return false;
  }
}

/** Every process in the process group led by `pgid`. */
function groupMembers(pgid: number): number[] {
  return readdirSync('/proc')
    .map(Number)
    .filter((pid) => Number.isInteger(pid) && readProcStat(pid)?.pgrp === pgid);
}

function assertContiguous(text: string, last: number): void {
  const lines = text.split('\n').filter((l) => l !== '');
  assert.equal(lines.length, last, 'every line exactly once');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== `line ${i + 1}`) assert.fail(`line ${i + 1} is '${lines[i]}'`);
  }
}

describe('output through the FIFOs', () => {
  let s: InProcess;
  before(async () => {
    s = await startInProcess({
      producer: {
        command: `/bin/sh -c 'seq 1 ${LINES} | sed "s/^/line /"; echo done >&2; exec sleep 1000'`,
        start_secs: '50ms',
      },
    });
  });
  after(async () => s.close());

  it('a logger restarted under load loses no line, and the program waits instead of dying', async () => {
    const fifo = join(s.root, 'state', 'fifo');
    assert.ok(existsSync(join(fifo, 'producer.out')) && existsSync(join(fifo, 'producer.err')));
    const first = new FifoReader(join(fifo, 'producer.out'));
    await waitFor('the first reader to see lines', () => first.lines.length > 1000);
    first.close(); // the logger goes away mid-stream
    const pidWhileAway = (await program(s.api, 'producer')).pid;
    // No reader now: the pipe fills and the writer blocks in write(2) — no SIGPIPE, because
    // the supervisor holds the FIFO open.
    await waitFor('the writer to block on the full pipe', () =>
      groupMembers(pidWhileAway!).some(blockedWritingStdout),
    );
    const p = await program(s.api, 'producer');
    assert.equal(p.state, 'RUNNING');
    assert.equal(p.pid, pidWhileAway);
    assert.equal(p.restarts, 0);
    const second = new FifoReader(join(fifo, 'producer.out'));
    const err = new FifoReader(join(fifo, 'producer.err'));
    try {
      await second.waitForLine(`line ${LINES}`, 30_000);
      await err.waitForLine('done');
      assertContiguous(first.text + second.text, LINES);
    } finally {
      second.close();
      err.close();
    }
  });
});
