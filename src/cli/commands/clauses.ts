// casus clauses: the clause catalogue, the rules that encode each clause, and what is deliberately not encoded.
import type { RuleSet } from '../../rules/load.js';
import type { Source } from '../../rules/schema.js';
import { BASE_PLAN, changeName } from '../../rules/versions.js';
import type { PlanChange } from '../../rules/schema.js';
import { LEGEND } from '../../plan/legend.js';
import { legendTextLines, wrap } from '../../render/text.js';
import type { Command } from '../options.js';

/** One line per source: the address, how sure, and what it supports. */
const sourceLines = (sources: Source[], indent: string): string[] =>
  sources.length
    ? sources.flatMap((x) => wrap(`${x.address} (${x.confidence}): ${x.supports}`, 80, `${indent}  `, `${indent}- `))
    : [`${indent}- no source cited`];

const changeLines = (c: PlanChange): string[] => [
  ...wrap(
    `${changeName(c)} (point${c.points.length > 1 ? 's' : ''} ${c.points.join(', ')}; ${c.confidence}): ${c.note}`,
    80,
    '      ',
    '  - ',
  ),
  ...sourceLines(c.sources, '      '),
];

/**
 * What the plan version changes from the version it builds on,
 * what it leaves unpublished, and all it changes from us-28.
 */
function* planLines(ruleSet: RuleSet): Generator<string> {
  const plan = ruleSet.plan;
  if (!plan) return;
  const lineage = [...plan.inherited.map((v) => v.version), plan.version];
  yield `Plan version: ${plan.version}, ${plan.title} (${plan.published})`;
  if (plan.buildsOn) yield `  builds on: ${plan.buildsOn} (${lineage.join(' → ')})`;
  yield '  sources:';
  yield* sourceLines(plan.sources, '    ');
  if (plan.unpublished)
    yield* wrap(`unpublished, so as in ${plan.buildsOn ?? 'the base rules'}: ${plan.unpublished}`, 80, '    ', '  ');
  if (plan.changes.length === 0 && plan.inherited.every((v) => v.changes.length === 0)) {
    yield '  the base rule set, no changes', '';
    return;
  }
  yield `  ${plan.changes.length} change${plan.changes.length === 1 ? '' : 's'} from ${plan.buildsOn ?? BASE_PLAN}:`;
  for (const c of plan.changes) yield* changeLines(c);
  const earlier = plan.inherited.filter((v) => v.changes.length > 0);
  if (plan.buildsOn && earlier.length) {
    const total = earlier.reduce((n, v) => n + v.changes.length, plan.changes.length);
    yield `  ${total} changes from ${BASE_PLAN} in all; besides the above, from the versions it builds on:`;
    for (const v of earlier)
      for (const c of v.changes)
        yield* wrap(`${changeName(c)} (${v.version}; ${c.confidence}): ${c.note}`, 80, '      ', '  - ');
  }
  yield '';
}

/** Clauses whose rules a plan version (or one it builds on) removes, replaces or adds, with the version that did. */
function changedClauses(ruleSet: RuleSet): Map<string, string> {
  const out = new Map<string, string>();
  const plan = ruleSet.plan;
  for (const { version, changes } of plan
    ? [...plan.inherited, { version: plan.version, changes: plan.changes }]
    : []) {
    for (const c of changes) {
      if ('replaceRule' in c) out.set(c.replaceRule.event.params.clause, version);
      if ('addRule' in c) out.set(c.addRule.event.params.clause, version);
      if ('removeRule' in c || 'parameter' in c)
        for (const clause of ruleSet.clauses.clauses)
          if (clause.points.some((p) => c.points.includes(p))) out.set(clause.id, version);
    }
  }
  return out;
}

export const clausesCommand: Command = {
  name: 'clauses',
  summary: 'the clause catalogue and the rules that encode each clause',
  formats: ['text', 'json'],
  shared: ['rules', 'plan', 'format'],
  help: `Usage: casus clauses [--plan VERSION] [--format text|json] [--rules DIR]

Lists every clause casus encodes (id, plan points, kind, a paraphrase, the consequence),
the rules that encode it, its sources (address, how sure, what it supports), and the
points deliberately not encoded, with the reason. With --plan, first what that version
of the plan changes, each change citing its points and sources and how sure they are.`,
  async run(args, io) {
    const ruleSet = args.ruleSet();
    const rulesOf = (id: string) => ruleSet.rules.filter((r) => r.event.params.clause === id).map((r) => r.name);
    if (args.format === 'json') {
      const clauses = ruleSet.clauses.clauses.map((c) => ({ ...c, rules: rulesOf(c.id) }));
      io.stdout(
        `${JSON.stringify(
          {
            ...(ruleSet.plan ? { plan: ruleSet.plan } : {}),
            clauses,
            notEncoded: ruleSet.clauses.notEncoded,
            legend: LEGEND,
          },
          null,
          2,
        )}\n`,
      );
      return 0;
    }
    const out: string[] = [...planLines(ruleSet)];
    const changed = changedClauses(ruleSet);
    for (const c of ruleSet.clauses.clauses) {
      out.push(
        `${c.id}  (point${c.points.length > 1 ? 's' : ''} ${c.points.join(', ')}; ${c.kind})` +
          `${changed.has(c.id) ? `  ← changed in ${changed.get(c.id)}` : ''}`,
      );
      out.push(...wrap(c.paraphrase, 80, '    ', '    '));
      out.push(...wrap(`Then: ${c.consequence}`, 80, '    ', '    '));
      const rules = rulesOf(c.id);
      out.push(...wrap(`rules: ${rules.length ? rules.join(', ') : 'none'}`, 80, '      ', '    '));
      out.push('    sources:', ...sourceLines(c.sources, '      '));
      out.push('');
    }
    out.push('Not encoded, on purpose:');
    for (const n of ruleSet.clauses.notEncoded)
      out.push(...wrap(`${n.points.join(', ')} ${n.topic}: ${n.why}`, 80, '      ', '  - '));
    out.push('', ...legendTextLines(80));
    io.stdout(`${out.join('\n')}\n`);
    return 0;
  },
};
