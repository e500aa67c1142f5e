// The facts a rule sees on one step: the event's fields, the history so far (never the status), the settings.
import { dayNumber } from '../plan/dates.js';
import type { RuleEmit } from '../plan/vocabulary.js';
import { dataFacts, EVENT_FACTS, HISTORY_FACTS, readingFacts } from '../rules/facts.js';
import type { RuleSet } from '../rules/load.js';
import { normalPlace, placeIndex, type Place } from '../rules/places.js';
import type { ScenarioEvent } from '../scenario/schema.js';
import type { ResolvedSettings } from './settings.js';

/** What the runner remembers between steps: accumulations of events and of rule emissions, nothing else. */
export interface History {
  signatories: Set<string>;
  withdrawn: Set<string>;
  compensationPaid: boolean;
  electionsHeldBy: Set<string>;
  ratifiedBy: Set<string>;
  /** the result of Ukraine's latest referendum */
  referendum: 'approved' | 'rejected' | null;
  /** from a qualifying Russian attack until the next hostilities-ended */
  hostilitiesUnderWay: boolean;
  /** the day number of Russia's last armed attack on Ukraine, of any scale */
  lastRussianAttack: number | null;
  /** the sets above as sorted lists, rebuilt only when they grow (facts share them; nobody mutates them) */
  lists: { signatories: string[]; withdrawn: string[]; electionsHeldBy: string[]; ratifiedBy: string[] };
  /** the same before the current event, so a rule can tell the event that completes a milestone */
  before: {
    signatories: string[];
    withdrawn: string[];
    compensationPaid: boolean;
    ratifiedBy: string[];
    referendum: 'approved' | 'rejected' | null;
  };
}

/**
 * A copy a forked run can grow on its own: every set copied,
 * lists and values shared (they are replaced, never mutated).
 */
export function cloneHistory(h: History): History {
  const copy = { ...h, lists: { ...h.lists } } as Record<string, unknown>;
  for (const [key, value] of Object.entries(h)) if (value instanceof Set) copy[key] = new Set(value);
  return copy as unknown as History;
}

export function emptyHistory(): History {
  return {
    signatories: new Set(),
    withdrawn: new Set(),
    compensationPaid: false,
    electionsHeldBy: new Set(),
    ratifiedBy: new Set(),
    referendum: null,
    hostilitiesUnderWay: false,
    lastRussianAttack: null,
    lists: { signatories: [], withdrawn: [], electionsHeldBy: [], ratifiedBy: [] },
    before: { signatories: [], withdrawn: [], compensationPaid: false, ratifiedBy: [], referendum: null },
  };
}

function remember(
  history: History,
  key: 'signatories' | 'withdrawn' | 'electionsHeldBy' | 'ratifiedBy',
  party: string,
): void {
  if (history[key].has(party)) return;
  history[key].add(party);
  history.lists[key] = [...history[key]].sort();
}

/** Adds this event to the history (before its rules run: history facts include the event itself). */
export function recordEvent(history: History, event: ScenarioEvent): void {
  history.before = {
    signatories: history.lists.signatories,
    withdrawn: history.lists.withdrawn,
    compensationPaid: history.compensationPaid,
    ratifiedBy: history.lists.ratifiedBy,
    referendum: history.referendum,
  };
  if (event.type === 'signature') remember(history, 'signatories', event.party);
  if (event.type === 'withdrawal-completed') remember(history, 'withdrawn', event.party);
  if (event.type === 'compensation-paid') history.compensationPaid = true;
  if (event.type === 'election-held') remember(history, 'electionsHeldBy', event.party);
  if (event.type === 'ratification') remember(history, 'ratifiedBy', event.party);
  if (event.type === 'referendum-held' && event.party === 'UA') history.referendum = event.result;
}

/**
 * After a step: what later steps remember of it (a qualifying
 * attack opens hostilities; any Russian attack starts the window).
 */
export function recordOutcome(
  history: History,
  event: ScenarioEvent | undefined,
  emits: readonly RuleEmit[],
  at: string,
): void {
  if (event?.type === 'armed-attack' && event.by === 'RU' && event.against === 'UA')
    history.lastRussianAttack = dayNumber(at);
  if (event?.type === 'hostilities-ended') history.hostilitiesUnderWay = false;
  if (emits.includes('RUSSIAN_ATTACK_QUALIFIES')) history.hostilitiesUnderWay = true;
}

export interface FactContext {
  settings: ResolvedSettings;
  /** interpretations, parameters and data lists: the same on every step */
  constants: Record<string, unknown>;
  places: Map<string, Place>;
}

export function factContext(ruleSet: RuleSet, settings: ResolvedSettings): FactContext {
  const index = placeIndex(ruleSet.gazetteer);
  return {
    settings,
    constants: {
      ...settings.interpretations,
      ...settings.parameters,
      ...dataFacts(ruleSet.gazetteer),
      ...readingFacts(ruleSet.settings, settings.interpretations),
    },
    places: index,
  };
}

const EVENT_FACT_NAMES = EVENT_FACTS.map((f) => f.name);
const EMPTY_LIST = EVENT_FACTS.map((f) => f.type.kind === 'list');

/** Every fact of a step (the event's, then the history's), in the order the steps set them. */
const SHAPE: Record<string, unknown> = Object.fromEntries(
  [...EVENT_FACT_NAMES, ...HISTORY_FACTS.map((f) => f.name)].map((name) => [name, null]),
);

/** Where an attack lands when the scenario does not say: Russia if it is against Russia, else Ukraine. */
function defaultTerritory(against: unknown): 'russia' | 'ukraine' {
  return against === 'RU' ? 'russia' : 'ukraine';
}

/**
 * The facts of one step. Without `constants` (the compiled path, which bakes the settings into its closures)
 * the settings are left out.
 */
export function stepFacts(
  ctx: Pick<FactContext, 'constants' | 'places'>,
  step: { at: string; type: string; event?: ScenarioEvent | undefined },
  history: History,
  constants = true,
): Record<string, unknown> {
  // a copy of one object with every fact already in place: one shape for every step, no property added one by one
  const facts: Record<string, unknown> = { ...SHAPE };
  const event = step.event as Record<string, unknown> | undefined;
  for (let i = 0; i < EVENT_FACT_NAMES.length; i++) {
    const name = EVENT_FACT_NAMES[i]!;
    facts[name] = event !== undefined && Object.hasOwn(event, name) ? event[name] : EMPTY_LIST[i] ? [] : null;
  }
  const place = typeof facts.target === 'string' ? ctx.places.get(normalPlace(facts.target)) : undefined;
  if (place) facts.target = place.name;
  if (step.type === 'armed-attack' && facts.territory === null)
    facts.territory = place?.territory ?? defaultTerritory(facts.against);
  facts.type = step.type;
  facts.signatories = history.lists.signatories;
  facts.withdrawn = history.lists.withdrawn;
  facts.compensationPaid = history.compensationPaid;
  facts.signatoriesBefore = history.before.signatories;
  facts.withdrawnBefore = history.before.withdrawn;
  facts.compensationPaidBefore = history.before.compensationPaid;
  facts.ratifiedBy = history.lists.ratifiedBy;
  facts.ratifiedByBefore = history.before.ratifiedBy;
  facts.referendum = history.referendum;
  facts.referendumBefore = history.before.referendum;
  facts.electionsHeldBy = history.lists.electionsHeldBy;
  facts.hostilitiesUnderWay = history.hostilitiesUnderWay;
  facts.daysSinceRussianAttack =
    history.lastRussianAttack === null ? null : dayNumber(step.at) - history.lastRussianAttack;
  if (constants) Object.assign(facts, ctx.constants);
  return facts;
}

/** Every event and history fact before any event, with no field stated: the neutral step `casus check` starts from. */
export const emptyStepFacts = (): Record<string, unknown> => ({
  ...stepFacts({ constants: {}, places: new Map() }, { at: '1970-01-01', type: '' }, emptyHistory(), false),
  type: null,
});
