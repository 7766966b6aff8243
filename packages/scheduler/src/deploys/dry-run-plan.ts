import { planGroups, type DeploySpec, type SchedulerApi } from '@drover/contracts';

type DeployPlan = SchedulerApi.components['schemas']['DeployPlan'];

/** What a deploy would do, step by step, without doing any of it. */
export function dryRunPlan(spec: DeploySpec): DeployPlan {
  const hosts = spec.targets.map((t) => t.name);
  const groups = planGroups(hosts, spec.strategy);
  const app = spec.app_spec;
  const source =
    'git' in app.source
      ? `git ${app.source.git.url} ${spec.revision_requested ?? app.source.git.ref ?? 'main'}`
      : `artifact ${app.source.artifact.url} (sha256 ${app.source.artifact.sha256})`;
  const wait = spec.strategy.wait ? `, then wait ${spec.strategy.wait}` : '';
  const plan: DeployPlan = {
    app: spec.app,
    stage: spec.stage,
    kind: spec.kind,
    release_id: spec.release_id,
    strategy: spec.strategy,
    groups,
    phases: [
      {
        phase: 'starting',
        steps: [
          `take the lock of ${spec.app}/${spec.stage}`,
          `check the supervisor of ${hosts.join(', ')}`,
          spec.kind === 'deploy'
            ? `resolve ${source} to one revision`
            : `choose the release to go back to`,
        ],
      },
    ],
  };
  if (spec.revision_requested !== undefined) plan.revision_requested = spec.revision_requested;
  if (spec.kind === 'deploy') {
    plan.phases.push({
      phase: 'updating',
      steps: hosts.map((h) =>
        [
          `${h}: prepare release ${spec.release_id} from ${source}`,
          ...(app.linked_dirs ?? []).map((d) => `link shared/${d}`),
          ...(app.linked_files ?? []).map((f) => `link shared/${f}`),
          ...(app.build ?? []).map((c) => `build: ${c}`),
        ].join('; '),
      ),
    });
  }
  plan.phases.push({
    phase: 'publishing',
    steps: groups.map(
      (g, i) =>
        `group ${i + 1}: ${spec.kind === 'deploy' ? `publish ${spec.release_id}` : 'roll back'} on ${g.join(', ')}, restart ${Object.keys(app.processes ?? {}).join(', ') || 'no processes'}, wait until healthy${i < groups.length - 1 ? wait : ''}`,
    ),
  });
  plan.phases.push({
    phase: 'finishing',
    steps: [`keep the newest ${app.keep_releases ?? 5} releases on ${hosts.join(', ')}`],
  });
  return plan;
}
