import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A tiny HTTP app: answers `/health` and `/` with its version, on the port in the variable that
 * PORT_VAR names (so several apps can share a host), else $PORT.
 */
export function helloServer(version: string, options: { failAtStart?: boolean } = {}): string {
  return `import { createServer } from 'node:http';
${options.failAtStart ? "console.error('refusing to start'); process.exit(3);" : ''}
const version = ${JSON.stringify(version)};
const server = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end(req.url === '/health' ? 'ok\\n' : \`\${version} \${process.env.GREETING ?? ''}\\n\`);
});
const port = Number(process.env[process.env.PORT_VAR ?? 'PORT']);
server.listen(port, '127.0.0.1', () => console.log(\`hello \${version} on \${port}\`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;
}

export interface GitApp {
  /** `file://` URL of the bare repository. */
  url: string;
  /** Commits `files` on main and pushes; answers the commit sha. */
  commit(files: Record<string, string>, message: string): string;
}

/** A bare git repository (served as file://) with a working clone to commit from. */
export function createGitApp(dir: string): GitApp {
  const bare = join(dir, 'app.git');
  const work = join(dir, 'app-work');
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'test',
        GIT_AUTHOR_EMAIL: 'test@example.com',
        GIT_COMMITTER_NAME: 'test',
        GIT_COMMITTER_EMAIL: 'test@example.com',
      },
    }).trim();
  mkdirSync(work, { recursive: true });
  git(dir, 'init', '-q', '--bare', '-b', 'main', bare);
  git(work, 'init', '-q', '-b', 'main');
  git(work, 'remote', 'add', 'origin', bare);
  return {
    url: `file://${bare}`,
    commit(files, message) {
      for (const [name, text] of Object.entries(files)) writeFileSync(join(work, name), text);
      git(work, 'add', '-A');
      git(work, 'commit', '-q', '-m', message);
      git(work, 'push', '-q', 'origin', 'main');
      return git(work, 'rev-parse', 'HEAD');
    },
  };
}
