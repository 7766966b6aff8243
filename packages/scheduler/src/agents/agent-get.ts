/** Reads JSON from a host's agent, giving up after `timeoutMs` so one dead host blocks nothing. */
export async function agentGet<T>(
  baseUrl: string,
  path: string,
  token: string | undefined,
  timeoutMs: number,
): Promise<{ ok: true; body: T } | { ok: false; status: number | null; detail: string }> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token !== undefined) headers['Authorization'] = `Bearer ${token}`;
  try {
    const res = await fetch(new URL(path, baseUrl), {
      headers,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    if (!res.ok) {
      let detail = `HTTP ${res.status}`;
      try {
        const p = JSON.parse(text) as { detail?: string; title?: string };
        detail = p.detail ?? p.title ?? detail;
      } catch {
        /* not a problem document */
      }
      return { ok: false, status: res.status, detail };
    }
    return { ok: true, body: JSON.parse(text) as T };
  } catch (err) {
    const e = err as Error;
    return {
      ok: false,
      status: null,
      detail: e.name === 'TimeoutError' ? `no answer in ${timeoutMs} ms` : e.message,
    };
  }
}
