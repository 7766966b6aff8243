import { execFile } from 'node:child_process';
import { closeSync, constants, lstatSync, mkdirSync, openSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileP = promisify(execFile);

/** The fds behind one program's output: what the children write to, what keeps the pipe open. */
export interface ProgramOutput {
  /** O_WRONLY fds handed to every process of the program as stdout / stderr. */
  stdout: number;
  stderr: number;
  close(): void;
}

function isFifo(path: string): boolean | undefined {
  try {
    return lstatSync(path).isFIFO();
  } catch {
    return undefined;
  }
}

/**
 * The output channel of DESIGN.md: `<dir>/<program>.out` and `.err`, FIFOs the logger reads.
 * The supervisor holds each open read-write, so a writer never sees a closed pipe while the
 * logger restarts; when nobody reads, the pipe fills and the program waits, as under multilog.
 */
export class FifoChannel {
  constructor(readonly dir: string) {}

  paths(program: string): { out: string; err: string } {
    return { out: join(this.dir, `${program}.out`), err: join(this.dir, `${program}.err`) };
  }

  /** Creates the missing FIFOs of these programs, with one `mkfifo` for them all. */
  async ensure(programs: readonly string[]): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    const missing: string[] = [];
    for (const p of programs) {
      for (const path of Object.values(this.paths(p))) {
        const fifo = isFifo(path);
        if (fifo === false) throw new Error(`${path} exists and is not a FIFO`);
        if (fifo === undefined) missing.push(path);
      }
    }
    // mkfifo takes many names; chunks keep the argv well under the kernel's limit.
    for (let i = 0; i < missing.length; i += 500) {
      await execFileP('mkfifo', ['-m', '0640', '--', ...missing.slice(i, i + 500)]);
    }
  }

  /** Opens the holder fds and the children's write fds (the FIFOs must exist). */
  open(program: string): ProgramOutput {
    const { out, err } = this.paths(program);
    const fds: number[] = [];
    try {
      // Holders first: with a reader present, opening the write ends does not block.
      fds.push(openSync(out, constants.O_RDWR | constants.O_NONBLOCK));
      fds.push(openSync(err, constants.O_RDWR | constants.O_NONBLOCK));
      fds.push(openSync(out, constants.O_WRONLY));
      fds.push(openSync(err, constants.O_WRONLY));
    } catch (e) {
      for (const fd of fds) closeSync(fd);
      throw e;
    }
    const [, , stdout, stderr] = fds as [number, number, number, number];
    let closed = false;
    return {
      stdout,
      stderr,
      close() {
        if (closed) return;
        closed = true;
        for (const fd of fds) closeSync(fd);
      },
    };
  }

  remove(program: string): void {
    for (const path of Object.values(this.paths(program))) {
      try {
        unlinkSync(path);
      } catch {
        /* already gone */
      }
    }
  }
}
