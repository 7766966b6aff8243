import type { Command } from 'commander';
import { startStack } from '../up/up.js';

export function registerUpCommand(program: Command): void {
  program
    .command('up')
    .description('run the whole stack on this machine until Ctrl-C')
    .option('-f, --file <file>', 'fleet file to apply', 'examples/fleet.local.yaml')
    .option('--no-file', 'apply no fleet file')
    .option('--home <dir>', 'where state is kept between runs', '.drover')
    .option('--listen <host:port>', 'scheduler address (port 0 picks a free one)', '127.0.0.1:7700')
    .action(async (opts: { file: string | false; home: string; listen: string }) => {
      // A Ctrl-C while starting waits for the start to finish, then stops what it started.
      let interrupted = false;
      const early = () => {
        interrupted = true;
        console.log('stopping once started…');
      };
      process.on('SIGINT', early);
      process.on('SIGTERM', early);
      const stack = await startStack({
        home: opts.home,
        listen: opts.listen,
        fleetFile: opts.file === false ? undefined : opts.file,
        redisUrl: process.env['REDIS_URL'],
        self: { command: process.execPath, args: [...process.execArgv, process.argv[1] ?? ''] },
        print: (line) => console.log(line),
      });
      process.off('SIGINT', early);
      process.off('SIGTERM', early);
      await new Promise<void>((resolve) => {
        const onSignal = () => {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
          console.log('stopping…');
          stack.stop().then(resolve, resolve);
        };
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
        if (interrupted) onSignal();
      });
      console.log('stopped');
    });
}
