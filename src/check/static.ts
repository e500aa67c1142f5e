// Static checks of a rule set: citations, coverage of the plan, emitted events, facts, and rules that can fire.
import { regionsHandling } from '../machine/status.js';
import { JUDGEMENT_NEEDED, type MachineEventType } from '../plan/vocabulary.js';
import type { RuleSet } from '../rules/load.js';
import { leaves } from '../rules/validate.js';
import { changeName } from '../rules/versions.js';
import type { DomainSearch } from './conflicts.js';

export interface StaticCheck {
  name: string;
  ok: boolean;
  /** one line per problem; for passing checks, what was verified */
  details: string[];
}

const PLAN_POINTS = Array.from({ length: 28 }, (_, i) => String(i + 1));
const parent = (point: string) => point.replace(/[a-d]$/, '');

export function staticChecks(ruleSet: RuleSet, search: DomainSearch): StaticCheck[] {
  const clauseIds = new Set(ruleSet.clauses.clauses.map((c) => c.id));
  const cited = ruleSet.rules
    .filter((r) => !clauseIds.has(r.event.params.clause))
    .map((r) => `${r.name} cites unknown clause ${r.event.params.clause}`);
  const dropped = new Set((ruleSet.plan?.removed ?? []).map((r) => r.clause));
  const unencoded = ruleSet.clauses.clauses
    .filter((c) => !ruleSet.rules.some((r) => r.event.params.clause === c.id) && !dropped.has(c.id))
    .map(
      (c) =>
        `clause ${c.id} has no rule: encode it, or move points ${c.points.join(', ')} to notEncoded with the reason`,
    );
  const accounted = new Set(
    [...ruleSet.clauses.clauses.flatMap((c) => c.points), ...ruleSet.clauses.notEncoded.flatMap((n) => n.points)].map(
      parent,
    ),
  );
  const silent = PLAN_POINTS.filter((p) => !accounted.has(p)).map(
    (p) => `point ${p} is neither encoded by a clause nor listed in notEncoded`,
  );
  const uncitedClauses = ruleSet.clauses.clauses
    .filter((c) => c.sources.length === 0)
    .map((c) => `clause ${c.id} cites no source: add { address, supports, confidence } to its sources`);
  const plan = ruleSet.plan;
  const uncitedChanges = plan
    ? [
        ...(plan.sources.length ? [] : [`plan version ${plan.version} cites no source for itself`]),
        ...[...plan.inherited, { version: plan.version, changes: plan.changes }].flatMap((v) =>
          v.changes.flatMap((c, i) =>
            c.sources.length ? [] : [`plan version ${v.version}, change ${i + 1} (${changeName(c)}) cites no source`],
          ),
        ),
      ]
    : [];
  const unhandled = ruleSet.rules
    .filter((r) => r.event.type !== JUDGEMENT_NEEDED && regionsHandling(r.event.type as MachineEventType).length === 0)
    .map((r) => `${r.name} emits ${r.event.type}, which no state of the statechart handles`);
  const unknownFacts = ruleSet.rules.flatMap((r) =>
    leaves(r.conditions)
      .filter((l) => !ruleSet.facts.has(l.fact))
      .map((l) => `${r.name} reads unknown fact ${l.fact}`),
  );
  const examples: string[] = [];
  const never: string[] = [];
  for (const rule of ruleSet.rules) {
    const hit = search.canFire(rule);
    if (hit) examples.push(rule.name);
    else
      never.push(
        `${rule.name} can never fire: no ${rule.eventTypes.join(' or ')} in any status ` +
          `under any reading meets all its conditions`,
      );
  }
  return [
    {
      name: 'every rule cites a known clause',
      ok: cited.length === 0,
      details: cited.length ? cited : [`${ruleSet.rules.length} rules`],
    },
    {
      name: 'every clause is encoded by a rule',
      ok: unencoded.length === 0,
      details: unencoded.length
        ? unencoded
        : [
            `${ruleSet.clauses.clauses.length} clauses` +
              `${dropped.size ? `; ${[...dropped].join(', ')} dropped by ${ruleSet.plan!.version}` : ''}`,
          ],
    },
    {
      name: 'every clause cites its sources',
      ok: uncitedClauses.length === 0,
      details: uncitedClauses.length
        ? uncitedClauses
        : [`${ruleSet.clauses.clauses.reduce((n, c) => n + c.sources.length, 0)} sources`],
    },
    ...(plan
      ? [
          {
            name: `every change in plan version ${plan.version} cites its sources`,
            ok: uncitedChanges.length === 0,
            details: uncitedChanges.length ? uncitedChanges : [`${plan.changes.length} changes`],
          },
        ]
      : []),
    {
      name: 'every plan point is encoded or listed as not encoded, with the reason',
      ok: silent.length === 0,
      details: silent.length
        ? silent
        : [`points 1–28 and SG; ${ruleSet.clauses.notEncoded.length} entries not encoded`],
    },
    {
      name: 'every event a rule emits is handled by the statechart',
      ok: unhandled.length === 0,
      details: unhandled.length
        ? unhandled
        : [`${new Set(ruleSet.rules.map((r) => r.event.type)).size} machine events`],
    },
    {
      name: 'every fact, parameter and interpretation a rule reads exists',
      ok: unknownFacts.length === 0,
      details: unknownFacts.length ? unknownFacts : [`${ruleSet.facts.size} known facts`],
    },
    {
      name: 'every rule can fire',
      ok: never.length === 0,
      details: never.length ? never : [`${examples.length} of ${ruleSet.rules.length}`],
    },
  ];
}
