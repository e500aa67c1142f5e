// casus test [FILES|DIRS]: every scenario's expect blocks; one broken file never stops the others.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssues, InputError, usageIssue } from '../../issues/issue.js';
import { coverageLines, coverageOf } from '../../render/coverage.js';
import { expectationLines } from '../../render/text.js';
import { branchName } from '../../explain/words.js';
import { runBranches, type BranchedRun } from '../../whatif/branches.js';
import { loadScenario } from '../../scenario/load.js';
import type { Scenario } from '../../scenario/schema.js';
import type { RuleSet } from '../../rules/load.js';
import { BASE_PLAN } from '../../rules/versions.js';
import { useColour } from '../io.js';
import type { Command } from '../options.js';

const SCENARIO_FILE = /\.(ya?ml|json)$/i;

/** Scenario files under the given paths, directories searched recursively, in a stable order. */
function scenarioFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  // each directory once, however many links lead to it: a link
  // to `.` would otherwise recurse until the path is too long
  const seen = new Set<string>();
  const visit = (path: string, explicit: boolean) => {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(path);
    } catch {
      if (explicit)
        throw new InputError([
          usageIssue(
            `${path}: no such file or directory`,
            'pass scenario files or directories, e.g. casus test scenarios',
          ),
        ]);
      // a broken link among the scenarios is reported with the other files, not instead of them
      if (SCENARIO_FILE.test(path)) out.push(path);
      return;
    }
    if (stat.isDirectory()) {
      const real = realpathSync(path);
      if (seen.has(real)) return;
      seen.add(real);
      for (const name of readdirSync(path).sort()) visit(join(path, name), false);
    } else if (explicit || SCENARIO_FILE.test(path)) out.push(path);
  };
  for (const p of paths) visit(p, true);
  return out;
}

type Result = {
  file: string;
  status: 'passed' | 'failed' | 'no-expectations' | 'error';
  run?: BranchedRun;
  error?: string /** a further run under the version some expectations name */;
  plan?: string;
};

/** The plan versions a scenario's expectations name, other than the one the rule set is under. */
const plansNamed = (expect: Scenario['expect'], ruleSet: RuleSet): string[] => [
  ...new Set(
    (expect ?? []).flatMap((x) =>
      x.plan !== undefined && x.plan !== (ruleSet.plan?.version ?? BASE_PLAN) ? [x.plan] : [],
    ),
  ),
];

const branchTrace = (run: BranchedRun, name: string) =>
  run.outcomes.flatMap((o) => o.branches).find((b) => branchName(b.assumptions) === name)?.trace;

export const testCommand: Command = {
  name: 'test',
  summary: "check every scenario's expect blocks (default: scenarios/)",
  formats: ['text', 'json'],
  shared: ['rules', 'plan', 'set', 'format', 'engine'],
  options: {
    coverage: {
      type: 'boolean',
      usage: '--coverage',
      help: 'per clause and rule, the scenarios that fire it; exits 1 if a rule never fires',
    },
  },
  help: `Usage: casus test [FILES|DIRS]... [--coverage] [--format text|json] [--set NAME=VALUE]... [--rules DIR]

Runs every scenario (directories are searched for .yaml, .yml and .json files) and checks
its expect blocks. Prints one line per scenario, the details of each failure, then
"N passed, N failed". Exits 1 if an expectation failed, 2 if a file could not be read.
--coverage lists, clause by clause, the scenarios that fire each rule, and exits 1 if a
rule is never fired.

Example:
  casus test scenarios --set clause-22-scope=all-guarantees`,
  async run(args, io) {
    const ruleSet = args.ruleSet();
    const overrides = args.overrides();
    const engine = args.engine();
    const files = scenarioFiles(args.positionals.length ? args.positionals : ['scenarios']);
    if (files.length === 0)
      throw new InputError([usageIssue('no scenario files found', 'scenario files end in .yaml, .yml or .json')]);
    const results: Result[] = [];
    for (const file of files) {
      const runUnder = async (plan?: string): Promise<void> => {
        try {
          const rules = plan ? args.ruleSet(plan) : ruleSet;
          const loaded = loadScenario(file, rules);
          const run = await runBranches(loaded, rules, { set: overrides, engine });
          const status =
            run.expectations.length === 0
              ? 'no-expectations'
              : run.expectations.every((x) => x.ok)
                ? 'passed'
                : 'failed';
          const others = plansNamed(loaded.scenario.expect, ruleSet);
          if (!(plan === undefined && status === 'no-expectations' && others.length))
            results.push({ file: plan ? `${file} (plan ${plan})` : file, status, run, ...(plan ? { plan } : {}) });
          if (plan === undefined) for (const other of others) await runUnder(other);
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          results.push({
            file: plan ? `${file} (plan ${plan})` : file,
            status: 'error',
            error: formatIssues(error.issues, 5),
          });
        }
      };
      await runUnder();
    }
    const count = (s: Result['status']) => results.filter((r) => r.status === s).length;
    const summary = {
      passed: count('passed'),
      failed: count('failed'),
      errors: count('error'),
      withoutExpectations: count('no-expectations'),
    };
    const coverage = args.values.coverage
      ? coverageOf(
          ruleSet,
          results.flatMap((r) =>
            r.run && !r.plan
              ? r.run.outcomes.flatMap((o) => o.branches.map((b) => ({ file: r.file, trace: b.trace })))
              : [],
          ),
        )
      : undefined;
    if (args.format === 'json') {
      const rows = results.map((r) => ({
        file: r.file,
        status: r.status,
        ...(r.error ? { error: r.error } : {}),
        expectations: r.run?.expectations ?? [],
      }));
      io.stdout(`${JSON.stringify({ results: rows, summary, ...(coverage ? { coverage } : {}) }, null, 2)}\n`);
    } else {
      const colour = useColour(io);
      const mark = {
        passed: colour ? '\u001b[32m✓\u001b[0m' : '✓',
        failed: colour ? '\u001b[31m✗\u001b[0m' : '✗',
        error: colour ? '\u001b[31m!\u001b[0m' : '!',
        'no-expectations': '-',
      };
      for (const r of results) {
        const n = r.run?.expectations.length ?? 0;
        const bad = r.run?.expectations.filter((x) => !x.ok).length ?? 0;
        const note =
          r.status === 'passed'
            ? `${n} expectation${n === 1 ? '' : 's'}`
            : r.status === 'failed'
              ? `${bad} of ${n} expectations failed`
              : r.status === 'error'
                ? 'could not be run'
                : 'no expectations';
        io.stdout(`${mark[r.status]} ${r.file} (${note})\n`);
        for (const x of r.run?.expectations.filter((e) => !e.ok) ?? []) {
          const trace = branchTrace(r.run!, x.branch);
          if (r.run!.open.length) io.stdout(`    in the branch ${x.branch}:\n`);
          for (const line of trace ? expectationLines(x, trace) : [`    line ${x.line}: ${x.branch}`])
            io.stdout(`${line}\n`);
        }
        if (r.error) io.stdout(`${r.error.replace(/^/gm, '    ')}\n`);
      }
      const extra = [
        summary.errors ? `${summary.errors} could not be run` : '',
        summary.withoutExpectations ? `${summary.withoutExpectations} without expectations` : '',
      ].filter(Boolean);
      if (coverage) for (const line of coverageLines(coverage)) io.stdout(`${line}\n`);
      io.stdout(`\n${summary.passed} passed, ${summary.failed} failed${extra.length ? `, ${extra.join(', ')}` : ''}\n`);
    }
    return summary.errors ? 2 : summary.failed || coverage?.unreached.length ? 1 : 0;
  },
};
