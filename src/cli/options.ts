// Options every command shares, parsed with node:util; mistakes become usage errors with a hint.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError, usageIssue } from '../input/issues.js';
import { didYouMean, listOf } from '../plan/suggest.js';
import { DEFAULT_RULES_DIR, loadPlannedRuleSet, planVersions, type RuleSet } from '../rules/load.js';
import type { RunOptions } from '../run/runner.js';
import { OPEN_FACTS } from '../scenario/schema.js';
import { checkOverrides, parseOverrides } from '../run/settings.js';
import type { Io } from './io.js';
import { checkOut, guardOutputs } from './output.js';

export const COMMON_OPTIONS = {
  rules: { type: 'string' },
  plan: { type: 'string', multiple: true },
  set: { type: 'string', multiple: true },
  assume: { type: 'string', multiple: true },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

export const COMMON_HELP = `Options:
  --rules DIR         the rule set (default: the bundled rules/)
  --plan VERSION      a version of the plan: us-28 (default), e3-counter, geneva-19,
                      berlin, ua-20, mar-a-lago (casus versions FILE runs them all)
  --set NAME=VALUE    choose an interpretation or parameter; repeatable
  --assume KEY=BOOL   state a fact the scenario leaves unknown (e.g. strike.justified=false)
  --format FORMAT     output format
  -h, --help          this help`;

/** The rule engines a run can use: the compiled closures (default) or json-rules-engine, the reference; same trace. */
const ENGINES: Record<string, NonNullable<RunOptions['engine']>> = { compiled: 'compiled', 'json-rules-engine': 'reference' };
export const ENGINE_OPTION = { engine: { type: 'string' } } as const satisfies NonNullable<ParseArgsConfig['options']>;
export const ENGINE_HELP = `  --engine ENGINE     ${Object.keys(ENGINES).join(' (default) or ')}, the reference
                      the rules' meaning is defined by; the trace is the same`;

export interface Command {
  name: string;
  summary: string;
  help: string;
  formats: readonly string[];
  options?: NonNullable<ParseArgsConfig['options']>;
  /** how many --plan options the command takes (default 1) */
  plans?: number;
  run(args: CommandArgs, io: Io): Promise<number>;
}

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
  const options = { ...COMMON_OPTIONS, ...command.options };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message.split('\n')[0]!;
    const unknown = /option '([^']+)'/.exec(message)?.[1];
    const known = Object.keys(options).map((o) => `--${o}`);
    throw new InputError([usageIssue(`casus ${command.name}: ${message}`, (unknown && didYouMean(unknown, known)) || `see casus ${command.name} --help`)]);
  }
  const values = parsed.values as CommandArgs['values'];
  const format = (values.format as string | undefined) ?? command.formats[0]!;
  if (!command.formats.includes(format)) {
    throw new InputError([usageIssue(`casus ${command.name}: --format ${format} is not available; use ${listOf(command.formats)}`, didYouMean(format, command.formats))]);
  }
  const plans = (values.plan as string[] | undefined) ?? [];
  if (plans.length > (command.plans ?? 1)) {
    throw new InputError([usageIssue(`casus ${command.name} takes ${command.plans ?? 1} --plan, not ${plans.length}`, 'casus compare FILE --plan us-28 --plan ua-20 compares two versions')]);
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
      if (!engine) throw new InputError([usageIssue(`--engine ${name}: expected ${listOf(Object.keys(ENGINES))}`, didYouMean(name, Object.keys(ENGINES)))]);
      return engine;
    },
    oneFile(what, example) {
      const [file, ...extra] = parsed.positionals;
      if (!file || extra.length) throw new InputError([usageIssue(`casus ${command.name} takes exactly one ${what}`, example)]);
      const out = values.out as string | undefined;
      if (out !== undefined) checkOut(out, [file]);
      return { file, out };
    },
    assumptions() {
      const out: Record<string, boolean> = {};
      for (const pair of (values.assume as string[] | undefined) ?? []) {
        const m = ASSUMPTION.exec(pair.trim());
        if (!m || NOT_NAMES.includes(m[1]!.trim().split('.')[0]!)) throw new InputError([usageIssue(`--assume ${pair}: expected EVENT-ID.FIELD=true or =false, FIELD one of ${listOf(OPEN_FACTS)}`, 'e.g. --assume strike.justified=false')]);
        out[m[1]!.trim()] = m[2] === 'true';
      }
      return out;
    },
  };
}
