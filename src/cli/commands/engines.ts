import type { CommandModule } from 'yargs';

export interface Args {
  json: boolean;
}

export const enginesCommand: CommandModule<object, Args> = {
  command: 'engines',
  describe: 'List the descent engines (--engine), whether each can run here (and why not)',
  builder: (y) => y.option('json', { type: 'boolean', default: false, describe: 'print JSON for scripts' }),
  handler: async (args) => (await import('./engines-run.ts')).runEngines(args),
};
