// "Why not": the rules that could have changed a guarantee in force on a step but did not fire, closest first.
import { eventsHandledIn } from '../machine/status.js';
import type { ConditionTrace, LeafTrace } from '../rules/engine.js';
import type { NotFiredRule, Step } from '../run/trace.js';
import { failedLeaves } from './conditionWords.js';

/** Facts that say who did what: a rule failing on them is about another kind of event, not a near miss. */
const WHO = new Set(['type', 'by', 'against', 'party', 'in']);
const BINDING_EVENTS = new Set<string>(eventsHandledIn('guarantee', ['in-force', 'invoked']));

/** The rule's own requirements (its top-level leaves, not alternatives inside an any) that held. */
function requirementsMet(c: ConditionTrace): number {
  if (!('all' in c)) return 0;
  return c.all.filter((x): x is LeafTrace => 'fact' in x && x.fact !== 'type' && x.result === true).length;
}

/** Rules about this event that would have changed a guarantee in force, ordered by how much of them held. */
export function nearMisses(step: Step): NotFiredRule[] {
  return step.notFired
    .filter((n) => BINDING_EVENTS.has(n.emits))
    .filter((n) => {
      const failed = failedLeaves(n.conditions);
      return failed.length > 0 && !failed.some((leaf) => WHO.has(leaf.fact));
    })
    .map((n, order) => ({ n, order, passed: requirementsMet(n.conditions), failed: failedLeaves(n.conditions).length }))
    .sort((a, b) => b.passed - a.passed || a.failed - b.failed || a.order - b.order)
    .map((x) => x.n);
}
