import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { DroverError } from '@drover/contracts';

const execFileP = promisify(execFile);
const FULL_SHA = /^[0-9a-f]{40}$/;
const SHORT_SHA = /^[0-9a-f]{4,39}$/;

/**
 * Resolves a git ref to one commit sha with `git ls-remote`, once per deploy, so every host gets
 * the same commit. A full sha is taken as is; user values go after `--`. An abbreviated sha is no
 * ref a remote can name: it answers undefined, and the first host's prepare resolves it in its
 * mirror instead.
 */
export async function resolveGitRevision(url: string, ref: string): Promise<string | undefined> {
  if (FULL_SHA.test(ref)) return ref;
  let stdout: string;
  try {
    ({ stdout } = await execFileP('git', ['ls-remote', '--', url, ref], {
      timeout: 60_000,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
    }));
  } catch (err) {
    const msg = (err as { stderr?: string }).stderr?.trim().split('\n').pop() ?? String(err);
    throw new DroverError('revision-unresolved', 422, 'Cannot resolve the revision', {
      detail: `git ls-remote ${url} ${ref}: ${msg}`,
    });
  }
  const refs = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const [sha, name] = line.split('\t');
    if (sha !== undefined && name !== undefined) refs.set(name, sha);
  }
  // A peeled annotated tag (`^{}`) names the commit itself.
  for (const name of [`refs/tags/${ref}^{}`, `refs/heads/${ref}`, `refs/tags/${ref}`, ref]) {
    const sha = refs.get(name);
    if (sha !== undefined) return sha;
  }
  if (SHORT_SHA.test(ref)) return undefined;
  throw new DroverError('revision-unresolved', 422, 'Cannot resolve the revision', {
    detail: `${url} has no ref '${ref}'`,
  });
}
