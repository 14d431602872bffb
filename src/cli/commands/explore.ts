import { spawn } from 'node:child_process';
import type { Argv, CommandModule } from 'yargs';
import { UserError } from '../../../core/errors.ts';

interface ExploreArgs {
  port: number;
  host: string;
  open: boolean;
  build: boolean;
}

export const exploreCommand: CommandModule<object, ExploreArgs> = {
  command: 'explore',
  describe: 'Serve the interactive page: a ball rolling down f step by step, and basin maps computed live in the browser',
  builder: (y) =>
    (y as Argv<object>)
      .option('port', { type: 'number', default: 8080, describe: 'port to listen on (0: any free one)' })
      .option('host', { type: 'string', default: '127.0.0.1', describe: 'address to listen on (127.0.0.1: this machine only)' })
      .option('open', { type: 'boolean', default: false, describe: 'open the page in the default browser' })
      .option('build', { type: 'boolean', default: false, describe: 'only (re)build the page bundle, then exit (npm install runs this)' })
      .example('$0 explore', 'serve the page at http://127.0.0.1:8080/')
      .example('$0 explore --port 0 --open', 'any free port, opened in the browser') as unknown as Argv<ExploreArgs>,
  handler: async (a) => {
    const say = (line: string) => process.stderr.write(`${line}\n`);
    // Loaded here, not at the top: every other command starts without esbuild.
    const { buildPage, ensurePage, PAGE_DIR } = await import('../../explore/bundle.ts');
    const { startExploreServer } = await import('../../explore/server.ts');
    if (a.build) {
      const { bytes } = await buildPage(PAGE_DIR);
      process.stdout.write(`built the explore page in ${PAGE_DIR} (page.js ${(bytes / 1e6).toFixed(1)} MB)\n`);
      return;
    }
    if (!(Number.isInteger(a.port) && a.port >= 0 && a.port <= 65535)) throw new UserError(`--port must be a whole number from 0 to 65535, got ${a.port}`);
    const pageDir = await ensurePage(PAGE_DIR, (line) => say(`note: ${line}`));
    const server = await startExploreServer({ pageDir, host: a.host, port: a.port });
    process.stdout.write(`basinmap explore: open ${server.url} (Ctrl-C stops the server)\n`);
    if (a.open) openInBrowser(server.url, say);
    // The server keeps the process alive; Ctrl-C ends it (cli/signals.ts).
  },
};

/** The platform's "open this URL" command, detached; a failure is a note, not an error. */
function openInBrowser(url: string, say: (line: string) => void): void {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  const child = spawn(cmd, args, { detached: true, stdio: 'ignore' });
  child.on('error', () => say(`note: could not start ${cmd} to open the page: open ${url} yourself`));
  child.unref();
}
