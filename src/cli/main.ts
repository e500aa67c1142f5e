// casus: the command router. A thin shell: parse argv, call one command, map errors to exit codes.
import { readFileSync } from 'node:fs';
import { formatIssues, InputError, usageIssue } from '../input/issues.js';
import { didYouMean, listOf } from '../plan/suggest.js';
import { loadRuleSet } from '../rules/load.js';
import { checkCommand } from './commands/check.js';
import { clausesCommand } from './commands/clauses.js';
import { compareCommand } from './commands/compare.js';
import { matrixCommand } from './commands/matrix.js';
import { sweepCommand } from './commands/sweep.js';
import { diagramCommand } from './commands/diagram.js';
import { explainCommand } from './commands/explain.js';
import { runCommand } from './commands/run.js';
import { schemaCommand } from './commands/schema.js';
import { serveCommand } from './commands/serve.js';
import { simulateCommand } from './commands/simulate.js';
import { testCommand } from './commands/test.js';
import { safeIo, type Io } from './io.js';
import { COMMON_HELP, parseCommandArgs, type Command } from './options.js';

function version(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

export const COMMANDS: readonly Command[] = [runCommand, explainCommand, testCommand, checkCommand, compareCommand, matrixCommand, sweepCommand, clausesCommand, diagramCommand, schemaCommand, serveCommand, simulateCommand];

function readings(): string {
  try {
    const { settings } = loadRuleSet();
    const lines = ['Interpretations (default first):'];
    for (const i of settings.interpretations) lines.push(`  ${i.name.padEnd(18)} ${i.readings.map((r) => r.value).join(' | ')}`);
    lines.push('', 'Parameters (default):');
    for (const p of settings.parameters) lines.push(`  ${p.name.padEnd(24)} ${String(p.value).padEnd(7)} ${p.unit}${p.assumption ? ' (assumption)' : ''}`);
    return lines.join('\n');
  } catch {
    return '';
  }
}

export function mainHelp(): string {
  return `casus: the status of Ukraine's security guarantee under the November 2025 peace
framework, for any timeline of events, and the clause behind every change.

Usage: casus COMMAND [ARGS] [OPTIONS]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(9)} ${c.summary}`).join('\n')}

${COMMON_HELP}

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
      io.stdout(mainHelp());
      return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === '-v') {
      io.stdout(`casus ${version()}\n`);
      return 0;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) {
      const names = COMMANDS.map((c) => c.name);
      throw new InputError([usageIssue(`unknown command "${name}"; the commands are ${listOf(names)}`, didYouMean(name, names) ?? 'casus --help lists them')]);
    }
    const args = parseCommandArgs(command, [...rest]);
    if (args.values.help) {
      io.stdout(`${command.help}\n`);
      return 0;
    }
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`${formatIssues(error.issues)}\n`);
      return 2;
    }
    const e = error as Error;
    io.stderr(`casus: internal error: ${e.message}\n${io.env.CASUS_DEBUG ? `${e.stack}\n` : 'set CASUS_DEBUG=1 to see where\n'}`);
    return 70;
  }
}
