// The JSON trace: the public contract every reporter reads (docs/semantics.md, "The JSON trace").
import type { Unaffected } from '../machine/step.js';
import type { DeadlineType, Region, RuleEmit, Status } from '../plan/vocabulary.js';
import type { ConditionTrace } from '../rules/conditions.js';
import type { Clause } from '../rules/schema.js';
import type { ScenarioEvent } from '../scenario/schema.js';

export interface FiredRule {
  rule: string;
  clause: string;
  points: string[];
  priority: number;
  emits: RuleEmit;
  /** the breaching party, for rules that record a breach */
  party?: string;
  /** what the clause promises beyond the statuses (from the rule's params) */
  note?: string;
  /** what the rule saw; read-only, shared by the steps on which it saw the same facts */
  conditions: ConditionTrace;
  /** regions this rule's event changed */
  changed: Region[];
  /** regions it could have changed but did not, each with the statechart's reason (read-only, shared) */
  unaffected: readonly Unaffected[];
}

/** A rule about this kind of event that did not fire, with the conditions that failed (read-only, shared). */
export interface NotFiredRule {
  rule: string;
  emits: RuleEmit;
  clause: string;
  points: string[];
  conditions: ConditionTrace;
}

export interface Deadline {
  type: DeadlineType;
  /** the date the deadline was computed from, and how */
  basis: string;
}

/**
 * Dates the statechart keeps beside the status: when the guarantee
 * started, when its term and the election deadline fall.
 */
export interface Milestones {
  /** the fifth signature: the obligations bind */
  concluded: string | null;
  /** both sides have withdrawn: the ceasefire, benefits and relief */
  implementation: string | null;
  entryIntoForce: string | null;
  termEnds: string | null;
  electionsDue: string | null;
  reliefStepsApplied: number;
}

/** The milestones before any step: nothing concluded, begun or due yet. */
export const NO_MILESTONES: Milestones = {
  concluded: null,
  implementation: null,
  entryIntoForce: null,
  termEnds: null,
  electionsDue: null,
  reliefStepsApplied: 0,
};

export interface Step {
  index: number;
  at: string;
  kind: 'event' | 'deadline';
  event?: ScenarioEvent;
  deadline?: Deadline;
  /** line of the event in the scenario file; null for deadlines */
  line: number | null;
  fired: FiredRule[];
  notFired: NotFiredRule[];
  status: Status;
  changed: Region[];
  milestones: Milestones;
}

/** A fired rule as the fast path records it: what it did, without its condition tree. */
export type FiredOutcome = Omit<FiredRule, 'conditions' | 'unaffected'>;

/** A step as the fast path records it: statuses and the rules that fired, no explanations. */
export type OutcomeStep = Omit<Step, 'fired' | 'notFired'> & { fired: FiredOutcome[] };

export interface ExpectationResult {
  on: string;
  line: number;
  ok: boolean;
  expected: Record<string, unknown>;
  actual: Record<string, unknown>;
  /** the step whose status was compared (null: before the first step) */
  step: number | null;
}

/** What a trace says before its steps: known once the settings are resolved. */
export interface TraceHead {
  scenario: string;
  title: string;
  file: string;
  interpretations: Record<string, string>;
  parameters: Record<string, number>;
  assumptions: string[];
  /** facts the scenario leaves open, stated for this run with --assume (EVENT-ID.FIELD → value) */
  assumed: Record<string, boolean>;
  /** the rule set's default for every interpretation and parameter, to show what a run changed */
  defaults: Record<string, string | number>;
  /** the version of the plan the rules follow (null: a rule set without versions) */
  plan: { version: string; title: string; changes: number } | null;
  initial: Status;
}

/** Whether the final status is the plan's or a reading's: the same run under every combination of readings. */
export interface Sensitivity {
  /** combinations of readings tried */
  readings: number;
  /**
   * the interpretations (and open facts) the whole outcome depends on: the smallest such set; empty: it holds under all
   */
  dependsOn: string[];
  /** the nearest readings (fewest changed from this run's) under which each other outcome happens */
  alternatives: Array<{ under: Record<string, string>; guarantee: string; changes: string[] }>;
  /** what to know to read it (e.g. a precondition no event of the scenario meets) */
  notes: string[];
}

/** What a trace says after its steps. */
export interface TraceEnd {
  /** the last date the run covers: `until`, or the last event's date */
  horizon: string;
  final: Status;
  /** present when the run was asked for it (casus run does, unless --no-sensitivity) */
  sensitivity?: Sensitivity;
  milestones: Milestones;
  /** the clause catalogue of the rule set, so every view can cite and paraphrase without re-reading rules */
  clauses: Clause[];
  expectations: ExpectationResult[];
}

/** The whole run: the heading, every step, and what it says after them (docs/semantics.md, "The JSON trace"). */
export interface Trace extends TraceHead, TraceEnd {
  steps: Step[];
}
