import { constants, lstatSync, openSync } from 'node:fs';
import { Socket, type OnReadOpts, type SocketConstructorOpts } from 'node:net';
import { coerceError, type Log } from '@drover/contracts';
import type { ProgramWriter } from '../writer/program-writer.js';
import type { Stream } from '../writer/stream.js';
import { LineFramer } from './line-framer.js';

export interface FifoReaderDeps {
  path: string;
  stream: Stream;
  writer: ProgramWriter;
  maxLine: () => number;
  /** Reading pauses while the writer holds this many unwritten bytes (the SIGKILL loss bound). */
  readAhead: number;
  log: Log;
}

const READ_BUFFER = 256 * 1024;

/**
 * Reads one FIFO as STACK.md says: an O_RDONLY|O_NONBLOCK fd in a net.Socket, with `onread` so
 * data lands in one reused buffer and a pause stops the kernel reads at once (nothing is held in
 * a stream buffer that a stop could lose). The supervisor keeps the FIFO open read-write, so
 * while it runs there is no end of file; an end means every writer left: if the FIFO is still
 * there it is reopened (the fd then waits quietly for the next writer).
 */
export class FifoReader {
  private socket: Socket | null = null;
  private readonly framer: LineFramer;
  private readonly buffer = Buffer.allocUnsafe(READ_BUFFER);
  private stopped = false;
  private paused = false;
  /** The inode read; a FIFO replaced under the same name is a new reader's job. */
  readonly ino: number;

  constructor(private readonly deps: FifoReaderDeps) {
    this.framer = new LineFramer(deps.writer, deps.stream, deps.maxLine);
    this.ino = lstatSync(deps.path).ino;
  }

  start(): void {
    const fd = openSync(this.deps.path, constants.O_RDONLY | constants.O_NONBLOCK);
    // Node 20 supports `onread` here; its typings only list it for connect().
    const options: SocketConstructorOpts & { onread: OnReadOpts } = {
      fd,
      readable: true,
      writable: false,
      onread: {
        buffer: this.buffer,
        callback: (n: number, buf: Uint8Array) => this.onRead(n, buf),
      },
    };
    const socket = new Socket(options);
    socket.on('error', (err) => {
      this.deps.log.warn({ err: coerceError(err), path: this.deps.path }, 'FIFO read failed');
    });
    socket.on('close', () => {
      if (this.socket === socket) this.socket = null;
      if (!this.stopped && this.stillThere()) this.start();
    });
    this.socket = socket;
  }

  /** Stops reading (what is unread stays in the pipe) and hands over a partial line. */
  stop(): void {
    this.stopped = true;
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.pause();
      socket.destroy();
    }
    this.framer.flushPartial();
  }

  private onRead(n: number, buf: Uint8Array): boolean {
    if (this.stopped) return false;
    this.framer.push(Buffer.from(buf.buffer, buf.byteOffset, n));
    const writer = this.deps.writer;
    if (writer.pending >= this.deps.readAhead && !this.paused) {
      this.paused = true;
      void writer.whenBelow(this.deps.readAhead / 2).then(() => {
        this.paused = false;
        if (!this.stopped) this.socket?.resume();
      });
      return false;
    }
    return true;
  }

  private stillThere(): boolean {
    try {
      const st = lstatSync(this.deps.path);
      return st.isFIFO() && st.ino === this.ino;
    } catch {
      return false;
    }
  }
}
