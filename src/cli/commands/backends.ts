import type { CommandModule } from 'yargs';

export interface Args {
  json: boolean;
}

export const backendsCommand: CommandModule<object, Args> = {
  command: 'backends',
  describe: 'List the compute backends, whether each can run here (and why not), and the default',
  builder: (y) => y.option('json', { type: 'boolean', default: false, describe: 'print JSON for scripts' }),
  handler: async (args) => (await import('./backends-run.ts')).runBackends(args),
};
