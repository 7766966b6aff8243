import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { ImportResult } from '@drover/supervisor';

const converters = () => import('@drover/supervisor');

async function print(result: ImportResult): Promise<void> {
  const { renderProgramsYaml } = await converters();
  process.stdout.write(renderProgramsYaml(result));
  for (const line of result.unmapped) process.stderr.write(`not mapped: ${line}\n`);
}

/** `drover import supervisord|procfile|daemontools …`: prints drover program YAML. */
export function registerImportCommand(program: Command): void {
  const cmd = program
    .command('import')
    .description('convert other supervisors’ definitions to drover programs (YAML on stdout)');
  cmd
    .command('supervisord <file>')
    .description('[program:x] sections of a supervisord.conf')
    .action(async (file: string) =>
      print((await converters()).importSupervisord(readFileSync(file, 'utf8'))),
    );
  cmd
    .command('procfile <file>')
    .description('a Procfile (type: command)')
    .action(async (file: string) =>
      print((await converters()).importProcfile(readFileSync(file, 'utf8'))),
    );
  cmd
    .command('daemontools <dir>')
    .description('a service directory (run, env/, down) or a directory of them')
    .action(async (dir: string) => print((await converters()).importDaemontools(dir)));
}
