import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'drover up',
  GIT_AUTHOR_EMAIL: 'up@drover.local',
  GIT_COMMITTER_NAME: 'drover up',
  GIT_COMMITTER_EMAIL: 'up@drover.local',
};

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...GIT_ENV },
  }).trim();
}

/**
 * Keeps `<gitDir>/<app>.git` (a bare repository, served as file://) holding the files of
 * `source`, committing only when they changed, so `drover up` deploys an example app the way a
 * real deploy pulls from a git server. Answers the commit on main.
 */
export function seedGitRepo(gitDir: string, app: string, source: string): string {
  const bare = join(gitDir, `${app}.git`);
  const work = join(gitDir, `${app}-work`);
  mkdirSync(gitDir, { recursive: true });
  if (!existsSync(bare)) git(gitDir, 'init', '-q', '--bare', '-b', 'main', bare);
  if (!existsSync(join(work, '.git'))) {
    mkdirSync(work, { recursive: true });
    git(work, 'init', '-q', '-b', 'main');
    git(work, 'remote', 'add', 'origin', bare);
  }
  for (const name of readdirSync(work))
    if (name !== '.git') rmSync(join(work, name), { recursive: true });
  cpSync(source, work, { recursive: true, filter: (p) => !p.includes('node_modules') });
  git(work, 'add', '-A');
  if (git(work, 'status', '--porcelain') !== '') {
    git(work, 'commit', '-q', '-m', `${app} from ${source}`);
    git(work, 'push', '-q', 'origin', 'main');
  }
  return git(work, 'rev-parse', 'HEAD');
}
