import { setTimeout as sleep } from 'node:timers/promises';
import {
  coerceError,
  parseDuration,
  planGroups,
  type DeployHostState,
  type DeploySpec,
  type DeployState,
  type Log,
} from '@drover/contracts';
import type { AgentClient, Release } from '../agents/agent-client.js';
import type { DeployJournal } from '../deploy-state/deploy-journal.js';
import { eventForStatus, type Notifier } from '../notify/notifications.js';
import { resolveGitRevision } from '../revision/resolve-revision.js';
import { CancelRequested, DeployFailure, LockLost } from './errors.js';
import { mapLimit } from './map-limit.js';
import { prepareWithOutput } from '../agents/prepare-stream.js';
import { healthGate, programSpecs } from './program-specs.js';
import { chooseRollbackTarget } from './rollback-target.js';

export interface RunDeployContext {
  spec: DeploySpec;
  state: DeployState;
  fence: number;
  takeover: boolean;
  executorName: string;
  hostConcurrency: number;
  agentToken: string;
  journal: DeployJournal;
  agents: (host: string) => AgentClient;
  notifier: Notifier;
  log: Log;
  lockLost: () => boolean;
}

const PHASES = ['starting', 'updating', 'publishing', 'finishing'] as const;
type RunPhase = (typeof PHASES)[number];

/**
 * Runs (or resumes) one deploy: Capistrano's phases, each step recorded in Redis before the next
 * starts so that a successor after a crash skips what completed; any failure reverts the hosts
 * this deploy switched. Throws only LockLost (someone else owns the deploy now).
 */
export async function runDeploy(ctx: RunDeployContext): Promise<void> {
  const { spec, state, journal } = ctx;
  const id = spec.id;
  const ref = { deploy_id: id, who: spec.who, fence: ctx.fence };
  const now = () => new Date().toISOString();
  const save = () => journal.save(id, state);
  const line = (text: string) => journal.log(id, text);
  const hostState = (host: string): DeployHostState =>
    (state.hosts[host] ??= { host, state: 'pending' });
  const step = async (key: string, fn: () => Promise<void>): Promise<void> => {
    if (state.steps.includes(key)) return;
    await fn();
    state.steps.push(key);
    await save();
  };
  const checkpoint = async () => {
    if (ctx.lockLost()) throw new LockLost();
    const by = await journal.cancelRequestedBy(id);
    if (by !== null) throw new CancelRequested(by);
  };
  const hosts = spec.targets.map((t) => t.name);
  const envOf = (h: string) => spec.targets.find((t) => t.name === h)?.environment ?? {};

  await line(
    ctx.takeover
      ? `executor ${ctx.executorName} takes the deploy over (fence ${ctx.fence}), resuming in ${state.phase}`
      : `executor ${ctx.executorName} starts the deploy (fence ${ctx.fence})`,
  );
  state.status = 'running';
  state.started_at ??= now();
  state.fence = ctx.fence;
  await save();
  await step('notify:started', () => ctx.notifier.notify(spec, state, 'started'));

  const phases: Record<RunPhase, () => Promise<void>> = {
    async starting() {
      const releases = new Map<string, Release[]>();
      // The host checks and the revision lookup wait on different machines: run them together.
      const checking = step('check-hosts', async () => {
        await mapLimit(hosts, ctx.hostConcurrency, async (h) => {
          const agent = ctx.agents(h);
          const [, listed] = await Promise.all([
            agent.health(),
            agent.releases(spec.app).catch(() => ({ releases: [] as Release[] })),
          ]);
          releases.set(h, listed.releases);
          const hs = hostState(h);
          if (hs.previous_release === undefined)
            hs.previous_release = listed.releases.find((r) => r.current)?.id ?? null;
        }).catch((err: unknown) => {
          throw new DeployFailure(`host check failed: ${coerceError(err).message}`);
        });
        await line(
          `checked ${hosts.length} host(s): ${hosts.map((h) => `${h} on ${state.hosts[h]?.previous_release ?? 'nothing'}`).join(', ')}`,
        );
      });
      if (spec.kind === 'deploy') {
        const resolving = step('resolve-revision', async () => {
          const source = spec.app_spec.source;
          if ('git' in source) {
            const wanted = spec.revision_requested ?? source.git.ref ?? 'main';
            const sha = await resolveGitRevision(source.git.url, wanted);
            if (sha === undefined) {
              await line(`${wanted} is no ref of ${source.git.url}: the first host resolves it`);
            } else {
              state.revision = sha;
              await line(`resolved ${wanted} to ${sha}`);
            }
          } else {
            state.revision = source.artifact.sha256;
            await line(`artifact ${source.artifact.url} sha256 ${state.revision}`);
          }
        });
        // Both settle before either failure is reported, so no step runs on unobserved.
        const [checked, resolved] = await Promise.allSettled([checking, resolving]);
        if (checked.status === 'rejected') throw checked.reason;
        if (resolved.status === 'rejected') throw resolved.reason;
        return;
      }
      await checking;
      await step('choose-target', async () => {
        if (spec.rollback_to !== undefined) {
          state.rollback_to = spec.rollback_to;
        } else {
          const lists = await Promise.all(
            hosts.map(
              async (h) => releases.get(h) ?? (await ctx.agents(h).releases(spec.app)).releases,
            ),
          );
          const target = chooseRollbackTarget(lists);
          if (target === undefined) {
            throw new DeployFailure('no earlier release is present and good on every host');
          }
          state.rollback_to = target;
        }
        await line(`rolling back every host to ${state.rollback_to}`);
      });
    },

    async updating() {
      if (spec.kind !== 'deploy') return;
      const app = spec.app_spec;
      const prepare = (t: DeploySpec['targets'][number]) =>
        step(`prepare:${t.name}`, async () => {
          await checkpoint();
          const hs = hostState(t.name);
          hs.state = 'preparing';
          hs.started_at ??= now();
          await save();
          await line(`[${t.name}] prepare release ${spec.release_id} (${state.revision ?? '?'})`);
          const body: Parameters<AgentClient['prepare']>[1] = {
            ...ref,
            id: spec.release_id,
            revision: state.revision ?? spec.revision_requested ?? '',
            source: app.source,
            build: app.build ?? [],
            environment: t.environment,
            linked_files: app.linked_files ?? [],
            linked_dirs: app.linked_dirs ?? [],
            processes: programSpecs(app, t.environment),
          };
          if (app.user !== undefined) body.user = app.user;
          try {
            // The host's own output (fetch, link, build) goes into the deploy log as it comes.
            const rel = await prepareWithOutput(
              t.name,
              t.supervisor_url,
              ctx.agentToken,
              spec.app,
              body,
              (l) => line(`[${t.name}]   ${l}`),
            );
            hs.state = 'prepared';
            // An abbreviated sha is resolved by the first host; every other host gets its answer.
            state.revision ??= rel.revision;
            await line(`[${t.name}] prepared ${rel.id} (${rel.size} bytes)`);
          } catch (err) {
            hs.state = 'failed';
            hs.detail = coerceError(err).message;
            hs.finished_at = now();
            await save();
            await line(`[${t.name}] prepare failed: ${hs.detail}`);
            throw new DeployFailure(`prepare failed on ${t.name}: ${hs.detail}`);
          }
        });
      const [first, ...rest] = spec.targets;
      if (state.revision === undefined && first !== undefined) {
        await prepare(first);
        await mapLimit(rest, ctx.hostConcurrency, prepare);
      } else {
        await mapLimit(spec.targets, ctx.hostConcurrency, prepare);
      }
    },

    async publishing() {
      state.groups ??= planGroups(hosts, spec.strategy).map((g) => ({ hosts: g }));
      await save();
      const wait = spec.strategy.wait !== undefined ? parseDuration(spec.strategy.wait) : 0;
      for (const [i, group] of state.groups.entries()) {
        if (state.steps.includes(`group:${i}`)) continue;
        await checkpoint();
        if (i > 0 && wait > 0 && group.started_at === undefined) {
          await line(`waiting ${spec.strategy.wait} before group ${i + 1}`);
          await sleep(wait);
          await checkpoint();
        }
        group.started_at ??= now();
        await save();
        await line(`group ${i + 1}/${state.groups.length}: ${group.hosts.join(', ')}`);
        await mapLimit(group.hosts, group.hosts.length, (h) =>
          step(`publish:${h}`, async () => {
            const gate = healthGate(spec.app_spec, envOf(h));
            const hs = hostState(h);
            hs.state = 'publishing';
            hs.started_at ??= now();
            await save();
            const agent = ctx.agents(h);
            const result =
              spec.kind === 'deploy'
                ? await agent.publish(spec.app, spec.release_id, {
                    ...ref,
                    restart: 'restart',
                    ...(gate ? { health: gate } : {}),
                  })
                : await agent.rollback(spec.app, {
                    ...ref,
                    to: state.rollback_to ?? '',
                    ...(gate ? { health: gate } : {}),
                  });
            hs.switched = result.previous !== result.release || hs.switched === true;
            hs.finished_at = now();
            hs.detail = result.detail;
            if (!result.healthy) {
              hs.state = 'unhealthy';
              await save();
              await line(`[${h}] ${result.release} is unhealthy: ${result.detail}`);
              throw new DeployFailure(`${h} is unhealthy on ${result.release}: ${result.detail}`);
            }
            hs.state = 'healthy';
            await line(
              `[${h}] ${result.release} is live and healthy (was ${result.previous ?? 'nothing'})`,
            );
          }),
        );
        group.finished_at = now();
        await step(`group:${i}`, () => Promise.resolve());
      }
    },

    async finishing() {
      const keep = spec.app_spec.keep_releases ?? 5;
      await mapLimit(hosts, ctx.hostConcurrency, (h) =>
        step(`cleanup:${h}`, async () => {
          try {
            const r = await ctx.agents(h).cleanup(spec.app, { ...ref, keep });
            if (r.removed.length > 0)
              await line(`[${h}] removed old releases ${r.removed.join(', ')}`);
          } catch (err) {
            // An old release left on disk is no reason to fail a live deploy.
            await line(`[${h}] cleanup failed (ignored): ${coerceError(err).message}`);
          }
        }),
      );
    },
  };

  try {
    if (state.phase === 'failed' || state.phase === 'reverting') {
      throw new DeployFailure(state.error ?? 'resuming a failed deploy');
    }
    for (const phase of PHASES) {
      if (PHASES.indexOf(phase) < PHASES.indexOf(state.phase as RunPhase)) continue;
      await checkpoint();
      if (state.phase !== phase) {
        state.phase = phase;
        await save();
      }
      await line(`phase ${phase}`);
      const t0 = process.hrtime.bigint();
      await phases[phase]();
      await journal.countPhase(phase, Number(process.hrtime.bigint() - t0) / 1e9);
    }
    state.phase = 'finished';
    state.status = 'succeeded';
    state.finished_at = now();
    await finish(
      `deploy ${id} succeeded: ${spec.app}/${spec.stage} on ${state.rollback_to ?? spec.release_id}`,
    );
  } catch (err) {
    if (err instanceof LockLost) throw err;
    await fail(err);
  }

  async function fail(err: unknown): Promise<void> {
    const cancelled = err instanceof CancelRequested;
    if (state.phase !== 'failed' && state.phase !== 'reverting') {
      state.error = cancelled ? `cancelled by ${err.by}` : coerceError(err).message;
      if (cancelled) state.cancel_requested_by = err.by;
      await line(cancelled ? `cancel requested by ${err.by}` : `failed: ${state.error}`);
      state.phase = 'failed';
      await save();
    }
    const switched = hosts.filter((h) => state.hosts[h]?.switched === true);
    const revert = cancelled || spec.strategy.auto_revert !== false;
    let revertFailed = false;
    if (switched.length > 0 && revert) {
      state.phase = 'reverting';
      await save();
      await line(`reverting ${switched.join(', ')}`);
      await mapLimit(switched, ctx.hostConcurrency, (h) =>
        step(`revert:${h}`, async () => {
          if (ctx.lockLost()) throw new LockLost();
          const hs = hostState(h);
          const to = hs.previous_release;
          if (to === null || to === undefined) {
            // Nothing to go back to: the host keeps the failed release, so the deploy is failed.
            revertFailed = true;
            await line(`[${h}] nothing was live before: left on the new release`);
            return;
          }
          hs.state = 'reverting';
          await save();
          try {
            const gate = healthGate(spec.app_spec, envOf(h));
            const r = await ctx
              .agents(h)
              .rollback(spec.app, { ...ref, to, ...(gate ? { health: gate } : {}) });
            hs.state = 'reverted';
            hs.switched = false;
            await line(
              `[${h}] back on ${r.release}${r.healthy ? '' : ` (unhealthy: ${r.detail})`}`,
            );
          } catch (e) {
            revertFailed = true;
            hs.state = 'failed';
            await line(`[${h}] revert failed: ${coerceError(e).message}`);
          }
        }),
      ).catch((e: unknown) => {
        if (e instanceof LockLost) throw e;
        revertFailed = true;
      });
      state.phase = revertFailed ? 'failed' : 'reverted';
    } else if (switched.length > 0) {
      await line(`auto_revert is off: ${switched.join(', ')} stay as they are`);
    }
    state.status = cancelled ? 'cancelled' : state.phase === 'reverted' ? 'reverted' : 'failed';
    state.finished_at = now();
    await finish(`deploy ${id} ${state.status}: ${state.error ?? ''}`.trim());
  }

  async function finish(text: string): Promise<void> {
    await journal.finish(spec, state, text);
    const event = eventForStatus(state.status);
    if (event !== undefined) await ctx.notifier.notify(spec, state, event).catch(() => undefined);
    ctx.log.info({ deploy: id, status: state.status }, 'deploy finished');
  }
}
