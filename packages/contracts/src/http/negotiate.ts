import type { Request } from 'express';

/** Chatops asks for `text/plain`; everyone else gets JSON. */
export function wantsText(req: Request): boolean {
  return (
    req.accepts(['application/json', 'text/plain']) === 'text/plain' &&
    !req.get('accept')?.includes('application/json')
  );
}

export function wantsEventStream(req: Request): boolean {
  return (req.get('accept') ?? '').includes('text/event-stream');
}

/** Lays rows out as an aligned table, for the `text/plain` answers. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}
