// Options every command shares, parsed with node:util; mistakes become usage errors with a hint.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { InputError, usageIssue } from '../issues/issue.js';
import { didYouMean, listOf } from '../plan/suggest.js';
import { DEFAULT_RULES_DIR, loadPlannedRuleSet, planVersions, type RuleSet } from '../rules/load.js';
import type { RunOptions } from '../run/runner.js';
import { OPEN_FACTS } from '../scenario/schema.js';
import { checkOverrides, parseOverrides } from '../run/settings.js';
import { BASE_PLAN } from '../rules/versions.js';
import type { Io } from './io.js';
import { checkOut, guardOutputs } from './output.js';

/** An option as parseArgs reads it, with its usage and help: every --help and the reference are made from these. */
interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  /** how it is written, e.g. "--set NAME=VALUE" */
  usage: string;
  help: string;
}

/** The rule engines a run can use: the compiled closures (default) or json-rules-engine, the reference; same trace. */
const ENGINES: Record<string, NonNullable<RunOptions['engine']>> = {
  compiled: 'compiled',
  'json-rules-engine': 'reference',
};

/** The bundled rules' plan versions in the order they were published, the base marked as the default. */
function bundledVersions(): string {
  const published = (name: string) => {
    try {
      const file = join(DEFAULT_RULES_DIR, 'versions', `${name}.json`);
      return String((JSON.parse(readFileSync(file, 'utf8')) as { published?: unknown }).published ?? '');
    } catch {
      return '';
    }
  };
  return planVersions()
    .map((name) => ({ name, published: published(name) }))
    .sort((a, b) => a.published.localeCompare(b.published) || a.name.localeCompare(b.name))
    .map(({ name }) => (name === BASE_PLAN ? `${name} (default)` : name))
    .join(', ');
}

/** Options several commands share; each command names the ones it takes. */
export const SHARED_OPTIONS = {
  rules: { type: 'string', usage: '--rules DIR', help: 'the rule set (default: the bundled rules/)' },
  plan: {
    type: 'string',
    multiple: true,
    usage: '--plan VERSION',
    // read from rules/versions/ when help is shown, so the list is the rule set's own
    get help() {
      return `a version of the plan: ${bundledVersions()} (casus versions FILE runs them all)`;
    },
  },
  set: {
    type: 'string',
    multiple: true,
    usage: '--set NAME=VALUE',
    help: 'choose an interpretation or parameter; repeatable',
  },
  assume: {
    type: 'string',
    multiple: true,
    usage: '--assume KEY=BOOL',
    help:
      'state a fact the scenario leaves open (EVENT-ID.FIELD=true|false, e.g. strike.justified=false); ' +
      'assuming a fact the scenario states is an error',
  },
  format: { type: 'string', usage: '--format FORMAT', help: 'output format' },
  out: { type: 'string', usage: '--out FILE', help: 'write to FILE (atomically: a temporary file, then a rename)' },
  engine: {
    type: 'string',
    usage: '--engine ENGINE',
    help:
      `${Object.keys(ENGINES).join(' (default) or ')}, ` +
      `the reference the rules' meaning is defined by; the trace is the same`,
  },
} as const satisfies Record<string, OptionSpec>;

type SharedOption = keyof typeof SHARED_OPTIONS;

const HELP_OPTION: OptionSpec = { type: 'boolean', short: 'h', usage: '-h, --help', help: 'this help' };

export interface Command {
  name: string;
  summary: string;
  /** usage, what it does, examples; the options are listed from `shared` and `options` */
  help: string;
  formats: readonly string[];
  /** the shared options this command takes */
  shared: readonly SharedOption[];
  /** options of its own */
  options?: Record<string, OptionSpec>;
  /** how many --plan options the command takes (default 1) */
  plans?: number;
  run(args: CommandArgs, io: Io): Promise<number>;
}

/** Every option a command takes, in help order: its own, then the shared ones, then -h. */
export function commandOptions(command: Command): Array<[string, OptionSpec]> {
  const shared = command.shared.map((name): [string, OptionSpec] => {
    const spec: OptionSpec = SHARED_OPTIONS[name];
    if (name !== 'format') return [name, spec];
    return [name, { ...spec, help: `${command.formats.map((f, i) => (i === 0 ? `${f} (default)` : f)).join(', ')}` }];
  });
  return [...Object.entries(command.options ?? {}), ...shared, ['help', HELP_OPTION]];
}

/** The "Options:" block of a command's --help: only what it takes. */
function optionsHelp(command: Command): string {
  const lines = ['Options:'];
  for (const [, spec] of commandOptions(command)) {
    const words = spec.help.split(' ');
    let line = `  ${spec.usage.padEnd(20)}`;
    for (const word of words) {
      if (line.length + word.length + 1 > 80 && line.trim().length > spec.usage.length) {
        lines.push(line.trimEnd());
        line = ' '.repeat(22);
      }
      line += (line.endsWith(' ') ? '' : ' ') + word;
    }
    lines.push(line.trimEnd());
  }
  return lines.join('\n');
}

/** What --help prints for a command. */
export const commandHelp = (command: Command) => `${command.help}\n\n${optionsHelp(command)}`;

export interface CommandArgs {
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
  format: string;
  /** the --plan versions given (empty: the base plan) */
  plans: string[];
  /** the rule set named by --rules under a plan version (default: the first --plan), loaded on first use */
  ruleSet(plan?: string): RuleSet;
  /** the rule set under every plan version the rule directory offers */
  allPlans(): RuleSet[];
  /** --set pairs, checked against the rule set */
  overrides(): Record<string, string>;
  /** --assume pairs: open facts stated as true or false */
  assumptions(): Record<string, boolean>;
  /** --engine: which engine evaluates the rules */
  engine(): NonNullable<RunOptions['engine']>;
  /** the one file the command takes (a usage error otherwise), and --out checked against it */
  oneFile(what: string, example: string): { file: string; out: string | undefined };
}

/** EVENT-ID.FIELD=BOOL, the id an event's id or its automatic name line-N. */
const ASSUMPTION = new RegExp(`^([^=.\\s]+\\.(?:${OPEN_FACTS.join('|')}))=(true|false)$`);
const NOT_NAMES = ['__proto__', 'constructor', 'prototype'];

export function parseCommandArgs(command: Command, argv: string[]): CommandArgs {
  const options = Object.fromEntries(
    commandOptions(command).map(([name, { type, multiple, short }]) => [
      name,
      { type, ...(multiple ? { multiple } : {}), ...(short ? { short } : {}) },
    ]),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message.split('\n')[0]!;
    const unknown = /option '([^']+)'/.exec(message)?.[1];
    const known = Object.keys(options).map((o) => `--${o}`);
    throw new InputError([
      usageIssue(
        `casus ${command.name}: ${message}`,
        (unknown && didYouMean(unknown, known)) || `see casus ${command.name} --help`,
      ),
    ]);
  }
  const values = parsed.values as CommandArgs['values'];
  const format = (values.format as string | undefined) ?? command.formats[0]!;
  if (!command.formats.includes(format)) {
    throw new InputError([
      usageIssue(
        `casus ${command.name}: --format ${format} is not available; use ${listOf(command.formats)}`,
        didYouMean(format, command.formats),
      ),
    ]);
  }
  const plans = (values.plan as string[] | undefined) ?? [];
  if (plans.length > (command.plans ?? 1)) {
    throw new InputError([
      usageIssue(
        `casus ${command.name} takes ${command.plans ?? 1} --plan, not ${plans.length}`,
        'casus compare FILE --plan us-28 --plan ua-20 compares two versions',
      ),
    ]);
  }
  guardOutputs([(values.rules as string | undefined) ?? DEFAULT_RULES_DIR]);
  const cache = new Map<string, RuleSet>();
  const loadRules = (plan: string | undefined = plans[0]): RuleSet => {
    const key = plan ?? '';
    if (!cache.has(key)) cache.set(key, loadPlannedRuleSet((values.rules as string | undefined) ?? undefined, plan));
    return cache.get(key)!;
  };
  return {
    positionals: parsed.positionals,
    values,
    format,
    plans,
    ruleSet: loadRules,
    allPlans: () => planVersions((values.rules as string | undefined) ?? undefined).map((v) => loadRules(v)),
    overrides() {
      const overrides = parseOverrides((values.set as string[] | undefined) ?? []);
      const issues = checkOverrides(loadRules(), overrides);
      if (issues.length) throw new InputError(issues);
      return overrides;
    },
    engine() {
      const name = (values.engine as string | undefined) ?? 'compiled';
      const engine = ENGINES[name];
      if (!engine)
        throw new InputError([
          usageIssue(
            `--engine ${name}: expected ${listOf(Object.keys(ENGINES))}`,
            didYouMean(name, Object.keys(ENGINES)),
          ),
        ]);
      return engine;
    },
    oneFile(what, example) {
      const [file, ...extra] = parsed.positionals;
      if (!file || extra.length)
        throw new InputError([usageIssue(`casus ${command.name} takes exactly one ${what}`, example)]);
      const out = values.out as string | undefined;
      if (out !== undefined) checkOut(out, [file]);
      return { file, out };
    },
    assumptions() {
      const out: Record<string, boolean> = {};
      for (const pair of (values.assume as string[] | undefined) ?? []) {
        const m = ASSUMPTION.exec(pair.trim());
        if (!m || NOT_NAMES.includes(m[1]!.trim().split('.')[0]!))
          throw new InputError([
            usageIssue(
              `--assume ${pair}: expected EVENT-ID.FIELD=true or =false, FIELD one of ${listOf(OPEN_FACTS)}`,
              'e.g. --assume strike.justified=false',
            ),
          ]);
        out[m[1]!.trim()] = m[2] === 'true';
      }
      return out;
    },
  };
}
