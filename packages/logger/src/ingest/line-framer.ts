import type { ProgramWriter } from '../writer/program-writer.js';
import type { Stream } from '../writer/stream.js';

const NEWLINE = 10;

/**
 * Cuts a byte stream (one FIFO) into lines for the writer. Whole lines go straight from the read
 * buffer into the writer; only the unfinished tail of a read is copied (`carry`). A line that
 * grows past max_line without a newline is passed on in parts tagged as continued, so the carry
 * stays bounded.
 */
export class LineFramer {
  private carry = Buffer.allocUnsafe(4096);
  private carryLen = 0;

  constructor(
    private readonly writer: ProgramWriter,
    private readonly stream: Stream,
    private readonly maxLine: () => number,
  ) {}

  /** Takes `chunk` (only valid during this call). */
  push(chunk: Buffer): void {
    let pos = 0;
    if (this.carryLen > 0) {
      const nl = chunk.indexOf(NEWLINE);
      if (nl === -1) {
        this.addToCarry(chunk, 0, chunk.length);
        return;
      }
      this.addToCarry(chunk, 0, nl + 1);
      this.writer.appendLines(this.stream, this.carry, 0, this.carryLen);
      this.carryLen = 0;
      pos = nl + 1;
    }
    const last = chunk.lastIndexOf(NEWLINE);
    if (last >= pos) {
      this.writer.appendLines(this.stream, chunk, pos, last + 1);
      pos = last + 1;
    }
    if (pos < chunk.length) this.addToCarry(chunk, pos, chunk.length);
  }

  /** Hands over an unfinished line (at shutdown), tagged as continued. */
  flushPartial(): void {
    if (this.carryLen === 0) return;
    this.writer.appendPartial(this.stream, this.carry, 0, this.carryLen);
    this.carryLen = 0;
  }

  private addToCarry(src: Buffer, start: number, end: number): void {
    const n = end - start;
    if (this.carryLen + n > this.carry.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.carry.length * 2, this.carryLen + n));
      this.carry.copy(bigger, 0, 0, this.carryLen);
      this.carry = bigger;
    }
    src.copy(this.carry, this.carryLen, start, end);
    this.carryLen += n;
    const maxLine = this.maxLine();
    const complete = this.carry[this.carryLen - 1] === NEWLINE;
    if (!complete && this.carryLen > maxLine) {
      // Everything but the last (possibly short) part goes now; the rest waits for its end.
      const keep = this.carryLen % maxLine || maxLine;
      this.writer.appendPartial(this.stream, this.carry, 0, this.carryLen - keep);
      this.carry.copy(this.carry, 0, this.carryLen - keep, this.carryLen);
      this.carryLen = keep;
    }
  }
}
