// The facts a rule sees on one step: the event's fields, the history so far, the status, the settings.
import { daysBetween } from '../plan/dates.js';
import { RULE_EMITS, type RuleEmit, type Status } from '../plan/vocabulary.js';
import { dataFacts, EVENT_FACTS } from '../rules/facts.js';
import type { RuleSet } from '../rules/load.js';
import type { Gazetteer } from '../rules/schema.js';
import type { ScenarioEvent } from '../scenario/schema.js';
import type { ResolvedSettings } from './settings.js';

/** What the runner remembers between steps: accumulations of events and of rule emissions, nothing else. */
export interface History {
  signatories: Set<string>;
  withdrawn: Set<string>;
  compensationPaid: boolean;
  electionsHeldBy: Set<string>;
  lastEmitted: Map<RuleEmit, string>;
}

export function emptyHistory(): History {
  return { signatories: new Set(), withdrawn: new Set(), compensationPaid: false, electionsHeldBy: new Set(), lastEmitted: new Map() };
}

/** Adds this event to the history (before its rules run: history facts include the event itself). */
export function recordEvent(history: History, event: ScenarioEvent): void {
  if (event.type === 'signature') history.signatories.add(event.party);
  if (event.type === 'withdrawal-completed') history.withdrawn.add(event.party);
  if (event.type === 'compensation-paid') history.compensationPaid = true;
  if (event.type === 'election-held') history.electionsHeldBy.add(event.party);
}

const normal = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s.\-_']+/g, ' ').trim();

/** Maps every spelling in the gazetteer to its canonical place name. */
export function placeIndex(gazetteer: Gazetteer): Map<string, string> {
  const index = new Map<string, string>();
  for (const place of gazetteer.places) for (const spelling of [place.name, ...place.spellings]) index.set(normal(spelling), place.name);
  return index;
}

export interface FactContext {
  settings: ResolvedSettings;
  constants: Record<string, unknown>;
  places: Map<string, string>;
}

export function factContext(ruleSet: RuleSet, settings: ResolvedSettings): FactContext {
  return {
    settings,
    constants: { ...settings.interpretations, ...settings.parameters, ...dataFacts(ruleSet.gazetteer) },
    places: placeIndex(ruleSet.gazetteer),
  };
}

const sorted = (s: Set<string>) => [...s].sort();

export function stepFacts(
  ctx: FactContext,
  step: { at: string; type: string; event?: ScenarioEvent },
  history: History,
  status: Status,
  reliefStepsApplied: number,
): Record<string, unknown> {
  const facts: Record<string, unknown> = Object.fromEntries(EVENT_FACTS.map((f) => [f.name, f.type.kind === 'list' ? [] : null]));
  if (step.event) {
    for (const [key, value] of Object.entries(step.event)) if (key in facts) facts[key] = value;
    if (typeof facts.target === 'string') facts.target = ctx.places.get(normal(facts.target)) ?? facts.target;
  }
  facts.type = step.type;
  const daysSince: Record<string, number | null> = {};
  for (const emit of RULE_EMITS) {
    const last = history.lastEmitted.get(emit);
    daysSince[emit] = last === undefined ? null : daysBetween(last, step.at);
  }
  return {
    ...facts,
    signatories: sorted(history.signatories),
    withdrawn: sorted(history.withdrawn),
    compensationPaid: history.compensationPaid,
    electionsHeldBy: sorted(history.electionsHeldBy),
    daysSince,
    reliefStepNumber: reliefStepsApplied + 1,
    guarantee: status.guarantee,
    guaranteePhase: status.guaranteePhase,
    ceasefire: status.ceasefire,
    sanctions: status.sanctions,
    russiaBenefits: status.russiaBenefits,
    ...ctx.constants,
  };
}
