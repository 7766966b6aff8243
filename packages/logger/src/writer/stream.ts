/** Which output of a program a line came from. */
export type Stream = 'out' | 'err';

export const STREAMS: readonly Stream[] = ['out', 'err'];

export function isStream(value: string): value is Stream {
  return value === 'out' || value === 'err';
}
