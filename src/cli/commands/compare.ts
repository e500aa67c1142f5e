// casus compare: two runs side by side (two files, a file under other readings, or under two plan versions).
import { InputError, usageIssue } from '../../issues/issue.js';
import { compareLines, compareMarkdown } from '../../render/whatif.js';
import { BASE_PLAN } from '../../rules/versions.js';
import { runScenario } from '../../run/runner.js';
import { loadScenario } from '../../scenario/load.js';
import { assume } from '../../whatif/branches.js';
import { compareTraces, type Side } from '../../whatif/compare.js';
import type { Command, CommandArgs } from '../options.js';
import { checkOut, emit } from '../output.js';

const readings = (set: Record<string, string>) =>
  Object.entries(set)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');

/** The two sides the arguments ask for. */
async function sides(args: CommandArgs): Promise<[Side, Side]> {
  const files = args.positionals;
  const set = args.overrides();
  const run = async (
    file: string,
    plan: string | undefined,
    extra: Record<string, string>,
    label: string,
  ): Promise<Side> => {
    const ruleSet = args.ruleSet(plan);
    return {
      label,
      trace: await runScenario(assume(loadScenario(file, ruleSet), args.assumptions()), ruleSet, {
        set: extra,
        engine: args.engine(),
      }),
    };
  };
  const under = (plan: string | undefined) => (plan ? ` under ${plan}` : '');
  if (files.length === 2) {
    const [a, b] = files as [string, string];
    const suffix = `${under(args.plans[0])}${Object.keys(set).length ? ` with ${readings(set)}` : ''}`;
    return [await run(a, args.plans[0], set, `${a}${suffix}`), await run(b, args.plans[0], set, `${b}${suffix}`)];
  }
  if (files.length !== 1)
    throw new InputError([
      usageIssue(
        'casus compare takes one or two scenario files',
        'casus compare A.yaml B.yaml, or casus compare FILE --set attack-test=large-scale',
      ),
    ]);
  const file = files[0]!;
  if (args.plans.length === 2)
    return [
      await run(file, args.plans[0], set, `under ${args.plans[0]}`),
      await run(file, args.plans[1], set, `under ${args.plans[1]}`),
    ];
  if (args.plans.length === 1)
    return [
      await run(file, BASE_PLAN, set, `under ${BASE_PLAN} (the base plan)`),
      await run(file, args.plans[0], set, `under ${args.plans[0]}`),
    ];
  if (Object.keys(set).length === 0)
    throw new InputError([
      usageIssue(
        'nothing to compare: give a second file, --set NAME=VALUE, or --plan',
        'casus compare FILE --set clause-22-scope=all-guarantees',
      ),
    ]);
  return [await run(file, undefined, {}, 'as written'), await run(file, undefined, set, `with ${readings(set)}`)];
}

export const compareCommand: Command = {
  name: 'compare',
  summary: 'two runs side by side: where they part, and the rules behind it',
  formats: ['text', 'json', 'md'],
  shared: ['rules', 'plan', 'set', 'assume', 'format', 'out', 'engine'],
  plans: 2,
  // a backslash ending a line joins it to the next: the help prints each example on one line
  help: `Usage: casus compare A B                      two scenarios
       casus compare FILE --set NAME=VALUE...     as written, and under other readings
       casus compare FILE --plan X [--plan Y]     under two versions of the plan (default us-28)
       [--format text|json|md] [--out FILE] [--rules DIR]

Runs both sides and shows them date by date: the first date where the statuses or the
rules that fired differ, which rules fired on one side only (and why they did not fire on
the other), and both final statuses.

Examples:
  casus compare scenarios/a-russian-land-grab-is-a-breach-but-does-not-void-the-guarantee.yaml \
--set clause-22-scope=all-guarantees
  casus compare scenarios/a-force-level-above-600000-breaches-the-cap.yaml --plan ua-20`,
  async run(args, io) {
    const out = args.values.out as string | undefined;
    if (out !== undefined) checkOut(out, args.positionals);
    const [left, right] = await sides(args);
    const comparison = compareTraces(left, right);
    const text =
      args.format === 'json'
        ? `${JSON.stringify(
            {
              left: { label: left.label, final: left.trace.final },
              right: { label: right.label, final: right.trace.final },
              divergence: comparison.divergence,
              finalDiffers: comparison.finalDiffers,
              rows: comparison.rows.map((r) => ({ at: r.at, left: r.left, right: r.right })),
            },
            null,
            2,
          )}\n`
        : args.format === 'md'
          ? compareMarkdown(comparison)
          : `${[...compareLines(comparison)].join('\n')}\n`;
    emit(io, text, out, args.positionals);
    return 0;
  },
};
