// The facts a rule sees on one step: the event's fields, the history so far, the status, the settings.
import { dayNumber } from '../plan/dates.js';
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
  /** the date (as a day number) each machine event was last emitted */
  lastEmitted: Map<RuleEmit, number>;
  /** the sets above as sorted lists, rebuilt only when they grow (facts share them; nobody mutates them) */
  lists: { signatories: string[]; withdrawn: string[]; electionsHeldBy: string[] };
}

export function emptyHistory(): History {
  return {
    signatories: new Set(),
    withdrawn: new Set(),
    compensationPaid: false,
    electionsHeldBy: new Set(),
    lastEmitted: new Map(),
    lists: { signatories: [], withdrawn: [], electionsHeldBy: [] },
  };
}

function remember(history: History, key: 'signatories' | 'withdrawn' | 'electionsHeldBy', party: string): void {
  if (history[key].has(party)) return;
  history[key].add(party);
  history.lists[key] = [...history[key]].sort();
}

/** Adds this event to the history (before its rules run: history facts include the event itself). */
export function recordEvent(history: History, event: ScenarioEvent): void {
  if (event.type === 'signature') remember(history, 'signatories', event.party);
  if (event.type === 'withdrawal-completed') remember(history, 'withdrawn', event.party);
  if (event.type === 'compensation-paid') history.compensationPaid = true;
  if (event.type === 'election-held') remember(history, 'electionsHeldBy', event.party);
}

/** Records the machine events a step's rules emitted, for the daysSince facts of later steps. */
export function recordEmitted(history: History, emits: readonly RuleEmit[], at: string): void {
  if (emits.length === 0) return;
  const day = dayNumber(at);
  for (const emit of emits) history.lastEmitted.set(emit, day);
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
  /** interpretations, parameters and data lists: the same on every step */
  constants: Record<string, unknown>;
  places: Map<string, string>;
}

const places = new WeakMap<Gazetteer, Map<string, string>>();

export function factContext(ruleSet: RuleSet, settings: ResolvedSettings): FactContext {
  let index = places.get(ruleSet.gazetteer);
  if (!index) places.set(ruleSet.gazetteer, (index = placeIndex(ruleSet.gazetteer)));
  return {
    settings,
    constants: { ...settings.interpretations, ...settings.parameters, ...dataFacts(ruleSet.gazetteer) },
    places: index,
  };
}

const EVENT_FACT_NAMES = EVENT_FACTS.map((f) => f.name);
const EMPTY_LIST = EVENT_FACTS.map((f) => f.type.kind === 'list');

/**
 * The facts of one step. Without `constants` (the compiled path, which bakes the settings into its closures)
 * the settings are left out.
 */
export function stepFacts(
  ctx: FactContext,
  step: { at: string; type: string; event?: ScenarioEvent | undefined },
  history: History,
  status: Status,
  reliefStepsApplied: number,
  constants = true,
): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  const event = step.event as Record<string, unknown> | undefined;
  for (let i = 0; i < EVENT_FACT_NAMES.length; i++) {
    const name = EVENT_FACT_NAMES[i]!;
    facts[name] = event !== undefined && Object.hasOwn(event, name) ? event[name] : EMPTY_LIST[i] ? [] : null;
  }
  if (typeof facts.target === 'string') facts.target = ctx.places.get(normal(facts.target)) ?? facts.target;
  facts.type = step.type;
  const today = dayNumber(step.at);
  const daysSince: Record<string, number | null> = {};
  for (const emit of RULE_EMITS) {
    const last = history.lastEmitted.get(emit);
    daysSince[emit] = last === undefined ? null : today - last;
  }
  facts.signatories = history.lists.signatories;
  facts.withdrawn = history.lists.withdrawn;
  facts.compensationPaid = history.compensationPaid;
  facts.electionsHeldBy = history.lists.electionsHeldBy;
  facts.daysSince = daysSince;
  facts.reliefStepNumber = reliefStepsApplied + 1;
  facts.guarantee = status.guarantee;
  facts.guaranteePhase = status.guaranteePhase;
  facts.ceasefire = status.ceasefire;
  facts.sanctions = status.sanctions;
  facts.russiaBenefits = status.russiaBenefits;
  if (constants) Object.assign(facts, ctx.constants);
  return facts;
}
