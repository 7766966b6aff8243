import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDuration, parseSize, type SupervisorApi } from '@drover/contracts';
import type { Account } from '../../programs/accounts.js';
import { BASE_VARIABLES } from '../../programs/environment.js';
import { runBuild } from '../build/run-build.js';
import {
  artifactFileName,
  artifactKind,
  downloadArtifact,
  unpackArchive,
} from '../artifact/fetch-artifact.js';
import { ensureMirror, exportTree, resolveRevision } from '../git/git-mirror.js';
import type { AppLayout } from '../layout/app-layout.js';
import { linkShared, type LinkedPaths } from '../link/linked-paths.js';
import { releaseErrors } from '../release-errors.js';
import type { LineSink } from '../run/run-command.js';
import type { ReleaseRecord } from '../state/app-state-store.js';

export type PrepareRequest = SupervisorApi.components['schemas']['PrepareRequest'];

export const DEFAULT_BUILD_TIMEOUT = '10m';
export const DEFAULT_FETCH_TIMEOUT_MS = 10 * 60_000;
export const DEFAULT_MAX_ARTIFACT = '1GiB';

export interface PrepareContext {
  layout: AppLayout;
  request: PrepareRequest;
  linked: LinkedPaths;
  account: Account | undefined;
  baseEnv: Readonly<Record<string, string | undefined>>;
  onLine: LineSink;
  signal: AbortSignal;
}

/** The source as compared for idempotency: a git URL, or an artifact's sha256. */
export function sourceKey(source: PrepareRequest['source']): string {
  return 'git' in source ? `git ${source.git.url}` : `artifact ${source.artifact.sha256}`;
}

function chownTree(dir: string, account: Account): void {
  execFileSync('chown', ['-R', '--', `${account.uid}:${account.gid}`, dir]);
}

function treeSize(dir: string): number {
  try {
    const out = execFileSync('du', ['-sb', '--', dir], { encoding: 'utf8' });
    return Number.parseInt(out.split('\t')[0] ?? '0', 10) || 0;
  } catch {
    return 0;
  }
}

/** The build's environment: PATH, HOME, USER, LANG of the supervisor (or the user's), then the app's. */
function buildEnvironment(ctx: PrepareContext): Record<string, string> {
  const env: Record<string, string> = {};
  for (const k of BASE_VARIABLES) {
    const v = ctx.baseEnv[k];
    if (v !== undefined) env[k] = v;
  }
  if (ctx.account !== undefined) {
    env['HOME'] = ctx.account.home;
    env['USER'] = ctx.account.user;
    env['LOGNAME'] = ctx.account.user;
  }
  return { ...env, ...(ctx.request.environment ?? {}) };
}

/** Fetches the source into `dir`; answers the revision to record (commit sha or sha256). */
async function fetchSource(ctx: PrepareContext, dir: string): Promise<string> {
  const { request, layout } = ctx;
  const source = request.source;
  if ('git' in source) {
    const git = {
      baseEnv: ctx.baseEnv,
      onLine: ctx.onLine,
      signal: ctx.signal,
      timeoutMs: DEFAULT_FETCH_TIMEOUT_MS,
    };
    const fresh = await ensureMirror(git, layout.repoDir, source.git.url);
    const sha = await resolveRevision(git, layout.repoDir, request.revision, fresh);
    ctx.onLine(`revision ${sha}`);
    await exportTree(git, layout.repoDir, sha, dir);
    return sha;
  }
  const { url, sha256 } = source.artifact;
  const art = {
    onLine: ctx.onLine,
    signal: ctx.signal,
    maxBytes: parseSize(source.artifact.max_size ?? DEFAULT_MAX_ARTIFACT),
    timeoutMs: DEFAULT_FETCH_TIMEOUT_MS,
  };
  const download = `${dir}.download`;
  try {
    const got = await downloadArtifact(art, url, download);
    if (got.sha256 !== sha256) {
      throw releaseErrors.badArtifact(`sha256 is ${got.sha256}, expected ${sha256}`);
    }
    ctx.onLine(`sha256 ${got.sha256} verified (${got.size} bytes)`);
    const kind = artifactKind(url);
    if (kind === 'file') renameSync(download, join(dir, artifactFileName(url)));
    else await unpackArchive(art, download, dir);
  } finally {
    rmSync(download, { force: true });
  }
  return sha256;
}

/**
 * Prepares `releases/<id>`: everything happens in `.staging/<id>` (cleared first, so a retry
 * starts clean), renamed into `releases/` only once fetch, links and build all succeeded. A
 * failure or an interruption leaves nothing that could be published.
 */
export async function prepareRelease(ctx: PrepareContext): Promise<ReleaseRecord> {
  const { layout, request } = ctx;
  const staging = layout.staging(request.id);
  for (const d of [layout.releasesDir, layout.sharedDir, layout.stagingDir]) {
    mkdirSync(d, { recursive: true });
  }
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging);
  try {
    const revision = await fetchSource(ctx, staging);
    // Capistrano's REVISION file: the app can tell what it runs.
    writeFileSync(join(staging, 'REVISION'), `${revision}\n`);
    linkShared(ctx.linked, layout.sharedDir, staging, ctx.onLine);
    if (ctx.account !== undefined) chownTree(staging, ctx.account);
    await runBuild(request.build ?? [], {
      dir: staging,
      env: buildEnvironment(ctx),
      account: ctx.account,
      timeoutMs: parseDuration(request.build_timeout ?? DEFAULT_BUILD_TIMEOUT),
      onLine: ctx.onLine,
      signal: ctx.signal,
    });
    if (ctx.signal.aborted) throw releaseErrors.interrupted();
    const final = layout.release(request.id);
    // A directory without a record (an earlier supervisor died mid-rename) is not a release.
    if (existsSync(final)) rmSync(final, { recursive: true, force: true });
    const record: ReleaseRecord = {
      id: request.id,
      revision,
      requestedRevision: request.revision,
      source: sourceKey(request.source),
      createdAt: new Date().toISOString(),
      deployId: request.deploy_id,
      size: treeSize(staging),
      bad: false,
      processes: request.processes ?? {},
      environment: request.environment ?? {},
      user: request.user,
    };
    renameSync(staging, final);
    return record;
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
}
