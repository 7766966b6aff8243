import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { runCommand, describeFailure, type LineSink } from '../run/run-command.js';
import { releaseErrors } from '../release-errors.js';

export interface GitContext {
  /** PATH and HOME to run git with (ssh needs HOME for its keys and known_hosts). */
  baseEnv: Readonly<Record<string, string | undefined>>;
  onLine: LineSink;
  signal?: AbortSignal;
  timeoutMs: number;
}

const FULL_SHA = /^([0-9a-f]{40}|[0-9a-f]{64})$/;

function gitEnv(ctx: GitContext): Record<string, string> {
  const env: Record<string, string> = {
    GIT_TERMINAL_PROMPT: '0',
    // No `ext::` or other transports that run commands: a URL is data, not a program.
    GIT_ALLOW_PROTOCOL: 'file:git:http:https:ssh',
    LC_ALL: 'C',
  };
  for (const k of ['PATH', 'HOME', 'SSH_AUTH_SOCK'] as const) {
    const v = ctx.baseEnv[k];
    if (v !== undefined) env[k] = v;
  }
  return env;
}

async function git(ctx: GitContext, args: string[], quiet = false): Promise<string> {
  let stdout = '';
  const r = await runCommand(['git', ...args], {
    env: gitEnv(ctx),
    timeoutMs: ctx.timeoutMs,
    signal: ctx.signal,
    onLine: (line) => {
      if (quiet) stdout += `${line}\n`;
      else ctx.onLine(line);
    },
  });
  if (r.code !== 0) throw releaseErrors.fetchFailed(describeFailure(`git ${args[0] ?? ''}`, r));
  return stdout;
}

/** `git rev-parse` of `what^{commit}`: the sha, or undefined when the mirror lacks it. */
async function revParse(ctx: GitContext, repo: string, what: string): Promise<string | undefined> {
  let out = '';
  const r = await runCommand(
    [
      'git',
      `--git-dir=${repo}`,
      'rev-parse',
      '--verify',
      '--quiet',
      '--end-of-options',
      `${what}^{commit}`,
    ],
    { env: gitEnv(ctx), timeoutMs: ctx.timeoutMs, signal: ctx.signal, onLine: (l) => (out += l) },
  );
  const sha = out.trim();
  return r.code === 0 && FULL_SHA.test(sha) ? sha : undefined;
}

/**
 * The app's mirror in `repo/`: `git clone --mirror` once (into a temporary name renamed on
 * success, so an interrupted clone is never taken for a mirror), re-cloned if the URL changed.
 */
export async function ensureMirror(ctx: GitContext, repo: string, url: string): Promise<boolean> {
  if (existsSync(`${repo}/HEAD`)) {
    const current = await git(
      ctx,
      [`--git-dir=${repo}`, 'config', '--get', 'remote.origin.url'],
      true,
    )
      .then((s) => s.trim())
      .catch(() => '');
    if (current === url) return false;
    ctx.onLine(`repository URL changed: cloning a new mirror`);
    rmSync(repo, { recursive: true, force: true });
  }
  const tmp = `${repo}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  ctx.onLine(`git clone --mirror ${url}`);
  await git(ctx, ['clone', '--mirror', '--quiet', '--', url, tmp]);
  renameSync(tmp, repo);
  return true;
}

/**
 * Resolves the deploy's revision to a commit sha. A full sha already in the mirror needs no
 * fetch (the mirror is warm); anything else fetches first, since a ref may have moved.
 */
export async function resolveRevision(
  ctx: GitContext,
  repo: string,
  revision: string,
  fresh: boolean,
): Promise<string> {
  if (FULL_SHA.test(revision)) {
    const known = await revParse(ctx, repo, revision);
    if (known !== undefined) return known;
  }
  if (!fresh) {
    ctx.onLine('git fetch');
    await git(ctx, [`--git-dir=${repo}`, 'fetch', '--prune', '--quiet', 'origin']);
  }
  const sha = await revParse(ctx, repo, revision);
  if (sha === undefined) throw releaseErrors.unknownRevision(revision);
  return sha;
}

/** `git archive <sha> | tar -x` into `dest`: the tree, no `.git`. */
export async function exportTree(
  ctx: GitContext,
  repo: string,
  sha: string,
  dest: string,
): Promise<void> {
  if (!FULL_SHA.test(sha)) throw new Error(`not a commit sha: ${sha}`);
  const env = gitEnv(ctx);
  const archive = spawn('git', [`--git-dir=${repo}`, 'archive', '--format=tar', sha], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let archiveErr = '';
  archive.stderr.on('data', (c: Buffer) => (archiveErr += c.toString('utf8')));
  const archiveDone = new Promise<number | null>((resolve) => {
    archive.on('error', (e) => {
      archiveErr += e.message;
      resolve(null);
    });
    archive.on('close', (code) => resolve(code));
  });
  const tar = await runCommand(['tar', '-x', '--no-same-owner', '-C', dest, '-f', '-'], {
    env,
    stdin: archive.stdout,
    timeoutMs: ctx.timeoutMs,
    signal: ctx.signal,
    onLine: ctx.onLine,
  });
  const code = await archiveDone;
  if (code !== 0) throw releaseErrors.fetchFailed(`git archive failed: ${archiveErr.trim()}`);
  if (tar.code !== 0) throw releaseErrors.fetchFailed(describeFailure('tar -x', tar));
}
