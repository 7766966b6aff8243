/** A hello app on the test stack: its port is the host's PORT_<slot>, health-gated publishes. */
export function helloApp(
  repoUrl: string,
  slot: number,
  stages: Record<string, string[]>,
): Record<string, unknown> {
  return {
    source: { git: { url: repoUrl, ref: 'main' } },
    environment: { PORT_VAR: `PORT_${slot}` },
    processes: {
      web: {
        command: ['node', 'server.mjs'],
        ready: { http: `http://127.0.0.1:\${PORT_${slot}}/health` },
        start_secs: '0s',
        stop_timeout: '2s',
        health: { min_healthy: '200ms', timeout: '3s' },
      },
    },
    keep_releases: 3,
    stages: Object.fromEntries(Object.entries(stages).map(([s, hosts]) => [s, { hosts }])),
  };
}
