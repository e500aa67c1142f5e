// "Why not": the rules that could have changed a guarantee in force on a step but did not fire, closest first.
import { eventsHandledIn } from '../machine/status.js';
import { PARTY_FIELDS } from '../rules/facts.js';
import type { ConditionTrace } from '../rules/conditions.js';
import type { NotFiredRule, Step } from '../run/trace.js';
import { failedLeaves } from './conditionWords.js';

/** The event's type and who did what: a rule failing on them is about another event, not a near miss. */
const WHO = new Set<string>(['type', ...PARTY_FIELDS]);
const BINDING_EVENTS = new Set<string>(eventsHandledIn('guarantee', ['in-force', 'invoked']));

/** How much of the rule held: its conditions that were true, at any depth, the event type aside. */
function requirementsMet(c: ConditionTrace): number {
  if ('fact' in c) return c.fact !== 'type' && c.result === true ? 1 : 0;
  const parts = 'all' in c ? c.all : 'any' in c ? c.any : [c.not];
  return parts.reduce((n, p) => n + requirementsMet(p), 0);
}

/** Rules about this event that would have changed a guarantee in force, ordered by how much of them held. */
export function nearMisses(step: Step): NotFiredRule[] {
  return step.notFired
    .filter((n) => BINDING_EVENTS.has(n.emits))
    .map((n) => ({ n, failed: failedLeaves(n.conditions) }))
    .filter(({ failed }) => failed.length > 0 && !failed.some((leaf) => WHO.has(leaf.fact)))
    .map(({ n, failed }, order) => ({ n, order, passed: requirementsMet(n.conditions), failed: failed.length }))
    .sort((a, b) => b.passed - a.passed || a.failed - b.failed || a.order - b.order)
    .map((x) => x.n);
}

/** Events that only move the deal from stage to stage: their rules fail on almost every step, and say nothing then. */
const STAGES = new Set([
  'AGREEMENT_CONCLUDED',
  'IMPLEMENTATION_BEGINS',
  'ENTRY_INTO_FORCE',
  'AWAIT_CEASEFIRE',
  'AWAIT_COMPENSATION',
  'AWAIT_RATIFICATION',
  'AWAIT_REFERENDUM',
]);

/** Facts that fix the time or the stage of the deal: a rule failing on them only is simply not due yet. */
const PROGRESS = new Set([
  'signatories',
  'signatoriesBefore',
  'withdrawn',
  'withdrawnBefore',
  'compensationPaid',
  'compensationPaidBefore',
  'ratifiedBy',
  'ratifiedByBefore',
  'referendum',
  'referendumBefore',
]);

/**
 * Beyond the guarantee: for each clause that did nothing on this step, its closest rule about this event that failed
 * (e.g. 10c's snapback for a missile barrage, point 3 under its expectation reading).
 */
export function otherMisses(step: Step): NotFiredRule[] {
  const acted = new Set(step.fired.map((f) => f.clause));
  const best = new Map<string, { n: NotFiredRule; passed: number; failed: number }>();
  for (const n of step.notFired) {
    if (BINDING_EVENTS.has(n.emits) || STAGES.has(n.emits) || acted.has(n.clause)) continue;
    const failed = failedLeaves(n.conditions);
    if (failed.length === 0 || failed.some((leaf) => WHO.has(leaf.fact) || PROGRESS.has(leaf.fact))) continue;
    const candidate = { n, passed: requirementsMet(n.conditions), failed: failed.length };
    const known = best.get(n.clause);
    if (
      !known ||
      candidate.passed > known.passed ||
      (candidate.passed === known.passed && candidate.failed < known.failed)
    )
      best.set(n.clause, candidate);
  }
  return [...best.values()].map((x) => x.n);
}
