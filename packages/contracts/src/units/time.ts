/** Capistrano's release id: the UTC time as `YYYYMMDDHHMMSS`. */
export function releaseIdFromDate(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

export function dateFromReleaseId(id: string): Date {
  const iso = `${id.slice(0, 4)}-${id.slice(4, 6)}-${id.slice(6, 8)}T${id.slice(8, 10)}:${id.slice(10, 12)}:${id.slice(12, 14)}Z`;
  return new Date(iso);
}

/** The id of the second after `id`, for allocating the next free release id. */
export function nextReleaseId(id: string): string {
  return releaseIdFromDate(new Date(dateFromReleaseId(id).getTime() + 1000));
}
