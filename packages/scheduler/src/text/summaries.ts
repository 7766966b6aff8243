import { textTable } from '@drover/contracts/http';
import { sourceLabel } from '../views/app-view.js';
import type { App, Host } from '../views/types.js';

// Short, aligned, human answers for `Accept: text/plain` (chatops bots print them as they are).

export function appsText(apps: App[]): string {
  if (apps.length === 0) return 'no apps\n';
  return textTable(
    ['APP', 'SOURCE', 'PROCESSES', 'STAGES'],
    apps.map((a) => [
      a.name,
      sourceLabel(a.source),
      processesLabel(a),
      Object.keys(a.stages).join(',') || '-',
    ]),
  );
}

export function appText(a: App): string {
  const lines = [
    `app ${a.name}: ${sourceLabel(a.source)}`,
    `processes: ${processesLabel(a)}`,
    `stages: ${
      Object.entries(a.stages)
        .map(
          ([name, st]) =>
            `${name} (${plural((st.hosts ?? []).length, 'host')}${st.roles?.length ? `, roles ${st.roles.join(',')}` : ''})`,
        )
        .join(', ') || '-'
    }`,
    `keep_releases: ${a.keep_releases}; secrets: ${a.secret_names.length}; updated ${a.updated_at}`,
  ];
  return lines.join('\n') + '\n';
}

function processesLabel(a: App): string {
  return (
    Object.entries(a.processes)
      .map(([type, p]) => `${type}×${p.instances ?? 1}`)
      .join(',') || '-'
  );
}

export function hostsText(hosts: Host[]): string {
  if (hosts.length === 0) return 'no hosts\n';
  return textTable(
    ['HOST', 'SUPERVISOR', 'LOGGER', 'ROLES'],
    hosts.map((h) => [h.name, h.supervisor_url, h.logger_url, h.roles.join(',') || '-']),
  );
}

export function hostText(h: Host): string {
  const labels = Object.entries(h.labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return (
    [
      `host ${h.name}: supervisor ${h.supervisor_url}, logger ${h.logger_url}`,
      `roles: ${h.roles.join(',') || '-'}; labels: ${labels || '-'}; environment: ${Object.keys(h.environment).join(',') || '-'}`,
    ].join('\n') + '\n'
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
