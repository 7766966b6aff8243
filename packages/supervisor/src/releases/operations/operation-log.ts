import { DroverError, coerceError } from '@drover/contracts';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: DroverError };

export interface LogListener<T> {
  line(text: string, index: number): void;
  done(outcome: Outcome<T>): void;
}

/** Anything thrown inside an operation, as the DroverError the caller sees. */
export function toOperationError(thrown: unknown): DroverError {
  if (thrown instanceof DroverError) return thrown;
  return new DroverError('operation-failed', 500, 'Operation failed', {
    detail: coerceError(thrown).message,
    cause: thrown,
  });
}

/**
 * One operation's output: every line kept (a caller who joins late gets it all from the
 * start), then one outcome. Streams and joined callers subscribe; nothing waits on a slow one.
 */
export class OperationLog<T> {
  private readonly lines: string[] = [];
  private readonly listeners = new Set<LogListener<T>>();
  private outcome: Outcome<T> | undefined;

  line(text: string): void {
    if (this.outcome !== undefined) return;
    this.lines.push(text);
    for (const l of this.listeners) l.line(text, this.lines.length);
  }

  finish(outcome: Outcome<T>): void {
    if (this.outcome !== undefined) return;
    this.outcome = outcome;
    for (const l of this.listeners) l.done(outcome);
    this.listeners.clear();
  }

  /** Replays what was written, then follows; answers the unsubscribe. */
  subscribe(listener: LogListener<T>): () => void {
    this.lines.forEach((text, i) => listener.line(text, i + 1));
    if (this.outcome !== undefined) {
      listener.done(this.outcome);
      return () => undefined;
    }
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
