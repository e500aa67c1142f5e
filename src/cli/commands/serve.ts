// casus serve [FILE]: the interactive teaching page on 127.0.0.1, with FILE (checked first) as its opening scenario.
import { readFileSync } from 'node:fs';
import { InputError, usageIssue } from '../../issues/issue.js';
import { readRuleFiles } from '../../rules/load.js';
import { runScenario } from '../../run/runner.js';
import { loadScenario } from '../../scenario/load.js';
import { startServer, type RunningServer, type Session } from '../../serve/server.js';
import type { Io } from '../io.js';
import type { Command } from '../options.js';

/**
 * Stops the server on the first SIGINT or SIGTERM, synchronously
 * and first in line, since bin.ts then exits with 130 or 143.
 */
function stopOnSignal(server: RunningServer, io: Io): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      const closed = server.close();
      io.stderr('casus serve: stopped.\n');
      void closed.then(resolve);
    };
    process.prependListener('SIGINT', stop);
    process.prependListener('SIGTERM', stop);
  });
}

function portOf(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535)
    throw new InputError([
      usageIssue(
        `--port ${value}: expected a port number from 0 to 65535`,
        'e.g. --port 8028, or --port 0 for any free port',
      ),
    ]);
  return port;
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'the interactive teaching page on 127.0.0.1',
  formats: ['text'],
  shared: ['rules', 'plan', 'set'],
  options: { port: { type: 'string', usage: '--port N', help: 'the port (default: any free one; 0 means the same)' } },
  help: `Usage: casus serve [FILE] [--port N] [--set NAME=VALUE]... [--rules DIR]

Starts a local web server on 127.0.0.1 (this computer only) and prints its address.
The page runs casus itself in the browser: edit a scenario and see its problems at
their line as you type; step through the timeline with the arrow keys, each step with
what changed and why (the words of casus explain); watch the statechart and the
swimlane; switch interpretations and compare two readings side by side. The address
bar carries the scenario and the readings, so a copied link shows the same thing.
It needs no network: nothing is loaded from anywhere else. Ctrl+C stops it.

  FILE                the opening scenario (checked first: a broken file exits 2)

Examples:
  casus serve
  casus serve scenarios/renewed-offensive-invokes-the-guarantee.yaml --port 8028
  casus serve my-timeline.yaml --set attack-test=large-scale`,
  async run(args, io) {
    const [file, ...extra] = args.positionals;
    if (extra.length)
      throw new InputError([
        usageIssue(
          'casus serve takes at most one scenario file',
          'casus serve, or casus serve scenarios/renewed-offensive-invokes-the-guarantee.yaml',
        ),
      ]);
    const port = portOf(args.values.port as string | undefined);
    const ruleSet = args.ruleSet();
    const set = args.overrides();
    const session: Session = Object.keys(set).length ? { set } : {};
    if (file !== undefined) {
      // the whole run, so a scenario that cannot run is reported here with its line, not in the browser
      await runScenario(loadScenario(file, ruleSet), ruleSet, { set });
      session.scenario = { file, text: readFileSync(file, 'utf8') };
    }
    const rulesDir = args.values.rules as string | undefined;
    if (rulesDir !== undefined) session.rules = { dir: rulesDir, files: readRuleFiles(rulesDir) };
    let server: RunningServer;
    try {
      server = await startServer({ port, session });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE')
        throw new InputError([
          usageIssue(
            `--port ${port}: the port is in use`,
            'choose another with --port N, or leave --port out for any free one',
          ),
        ]);
      if (code === 'EACCES')
        throw new InputError([
          usageIssue(
            `--port ${port}: not allowed to listen on it`,
            'ports below 1024 need privileges; choose one above 1024',
          ),
        ]);
      if (code === 'ENOENT' || /index\.html/.test((error as Error).message))
        throw new InputError([
          usageIssue('the page is not built (dist/web is missing)', 'run npm run build, which builds it with Vite'),
        ]);
      throw error;
    }
    io.stdout(`${server.url}\n`);
    io.stderr(`casus serve: the teaching page is at ${server.url} (this computer only); Ctrl+C stops it.\n`);
    await stopOnSignal(server, io);
    return 0;
  },
};
