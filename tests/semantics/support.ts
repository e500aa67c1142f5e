// What the semantics tests share: the milestone dates of the standard timeline and ways to read a step's reasons.
import { failedLeaves } from '../../src/explain/conditionWords.js';
import type { Step, Trace } from '../../src/run/trace.js';
import { attack, type Ev } from '../helpers.js';

/** IN_FORCE's milestones: the fifth signature, then both withdrawals (an election in time follows on 2026-04-01). */
export const CONCLUSION = '2026-01-10';
export const IMPLEMENTATION = '2026-03-01';
/** CONCLUSION + election-deadline-days (100). */
export const ELECTIONS_DUE = '2026-04-20';
export const FIVE = ['UA', 'RU', 'US', 'EU', 'NATO'];

export const sign = (at: string, party: string): Ev => ({ at, type: 'signature', party });
export const withdraw = (at: string, party: string): Ev => ({ at, type: 'withdrawal-completed', party });
export const event = (at: string, type: string, extra: Record<string, unknown> = {}): Ev => ({ at, type, ...extra });

/** A Ukrainian missile at Moscow, scale limited: no invasion under ground-incursion. */
export const strike = (at: string, extra: Record<string, unknown> = {}): Ev =>
  attack(at, 'UA', 'RU', { scale: 'limited', means: 'missile', target: 'Moscow', ...extra });
/** A limited Ukrainian ground attack on Russia: an invasion under either invasion test. */
export const incursion = (at: string, extra: Record<string, unknown> = {}): Ev =>
  attack(at, 'UA', 'RU', { scale: 'limited', means: 'ground', ...extra });

export const breachList = (t: Trace) => t.final.breaches.map((b) => [b.kind, b.party]);

/** The one step of an event of `type` on `at` (the last one if several). */
export function step(t: Trace, at: string, type: string): Step {
  const found = t.steps.filter((s) => s.at === at && (s.event?.type ?? s.deadline?.type) === type);
  if (found.length === 0) throw new Error(`no ${type} step on ${at}`);
  return found[found.length - 1]!;
}

export function firedRule(s: Step, rule: string) {
  const f = s.fired.find((x) => x.rule === rule);
  if (!f)
    throw new Error(`${rule} did not fire on ${s.at} (fired: ${s.fired.map((x) => x.rule).join(', ') || 'none'})`);
  return f;
}

/** The statechart's reason why `rule` left `region` unchanged on this step. */
export const reasonFor = (s: Step, rule: string, region: string): string | undefined =>
  firedRule(s, rule).unaffected.find((u) => u.region === region)?.reason;

/** The facts whose conditions failed for a rule about this event that did not fire. */
export function failedFacts(s: Step, rule: string): string[] {
  const n = s.notFired.find((x) => x.rule === rule);
  if (!n) throw new Error(`${rule} is not among the rules that did not fire on ${s.at}`);
  return failedLeaves(n.conditions).map((l) => l.fact);
}
