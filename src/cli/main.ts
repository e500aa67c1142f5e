// casus: the command router. A thin shell: parse argv, call one command, map errors to exit codes.
import { readFileSync } from 'node:fs';
import { formatIssues, InputError, usageIssue } from '../issues/issue.js';
import { didYouMean, listOf } from '../plan/suggest.js';
import { loadRuleSet } from '../rules/load.js';
import { safeIo, type Io } from './io.js';
import { commandHelp, parseCommandArgs, SHARED_OPTIONS, type Command } from './options.js';

function version(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
    .version;
}

/** Every command, loaded only when it runs (or when help lists them): start-up reads one command's modules, not all. */
export const COMMANDS: ReadonlyArray<readonly [string, () => Promise<Command>]> = [
  ['run', async () => (await import('./commands/run.js')).runCommand],
  ['explain', async () => (await import('./commands/explain.js')).explainCommand],
  ['test', async () => (await import('./commands/test.js')).testCommand],
  ['check', async () => (await import('./commands/check.js')).checkCommand],
  ['compare', async () => (await import('./commands/compare.js')).compareCommand],
  ['matrix', async () => (await import('./commands/matrix.js')).matrixCommand],
  ['sweep', async () => (await import('./commands/sweep.js')).sweepCommand],
  ['versions', async () => (await import('./commands/versions.js')).versionsCommand],
  ['clauses', async () => (await import('./commands/clauses.js')).clausesCommand],
  ['diagram', async () => (await import('./commands/diagram.js')).diagramCommand],
  ['schema', async () => (await import('./commands/schema.js')).schemaCommand],
  ['serve', async () => (await import('./commands/serve.js')).serveCommand],
  ['simulate', async () => (await import('./commands/simulate.js')).simulateCommand],
  ['new', async () => (await import('./commands/new.js')).newCommand],
];

function readings(): string {
  try {
    const { settings } = loadRuleSet();
    const lines = ['Interpretations (default first):'];
    for (const i of settings.interpretations)
      lines.push(`  ${i.name.padEnd(18)} ${i.readings.map((r) => r.value).join(' | ')}`);
    lines.push('', 'Parameters (default):');
    for (const p of settings.parameters)
      lines.push(`  ${p.name.padEnd(24)} ${String(p.value).padEnd(7)} ${p.unit}${p.assumption ? ' (assumption)' : ''}`);
    return lines.join('\n');
  } catch {
    return '';
  }
}

async function mainHelp(): Promise<string> {
  const commands = await Promise.all(COMMANDS.map(([, load]) => load()));
  return `casus: the status of Ukraine's security guarantee under the November 2025 peace
framework, for any timeline of events, and the clause behind every change.

Usage: casus COMMAND [ARGS] [OPTIONS]

Commands:
${commands.map((c) => `  ${c.name.padEnd(9)} ${c.summary}`).join('\n')}

Options most commands take (casus COMMAND --help lists each command's own):
${Object.values(SHARED_OPTIONS)
  .map((o) => `  ${o.usage.padEnd(20)}${o.help}`)
  .join('\n')}

${readings()}

Exit codes: 0 ok, 1 an expectation or a check failed, 2 bad input or usage.
Run casus COMMAND --help for examples.
`;
}

/** Runs casus with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], rawIo: Io): Promise<number> {
  const io = safeIo(rawIo);
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.stdout(await mainHelp());
      return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === '-v') {
      io.stdout(`casus ${version()}\n`);
      return 0;
    }
    const load = COMMANDS.find(([n]) => n === name)?.[1];
    if (!load) {
      const names = COMMANDS.map(([n]) => n);
      throw new InputError([
        usageIssue(
          `unknown command "${name}"; the commands are ${listOf(names)}`,
          didYouMean(name, names) ?? 'casus --help lists them',
        ),
      ]);
    }
    const command = await load();
    const args = parseCommandArgs(command, [...rest]);
    if (args.values.help) {
      io.stdout(`${commandHelp(command)}\n`);
      return 0;
    }
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`${formatIssues(error.issues)}\n`);
      return 2;
    }
    const e = error as Error;
    io.stderr(
      `casus: internal error: ${e.message}\n` +
        `${io.env.CASUS_DEBUG ? `${e.stack}\n` : 'set CASUS_DEBUG=1 to see where\n'}`,
    );
    return 70;
  }
}
