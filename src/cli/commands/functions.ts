import type { CommandModule } from 'yargs';

export interface Args {
  json: boolean;
}

export const functionsCommand: CommandModule<object, Args> = {
  command: 'functions',
  describe: 'List the built-in test functions with their boxes and known minima',
  builder: (y) => y.option('json', { type: 'boolean', default: false, describe: 'print JSON for scripts' }),
  handler: async (args) => (await import('./functions-run.ts')).runFunctions(args),
};
