// Every fact a rule may test: what it is, where it comes from, and the values it can take.
import {
  CEASEFIRE, DEADLINE_TYPES, EVENT_TYPES, FINDINGS, GUARANTEE, GUARANTEE_PHASE, MEANS, MEASURES, RULE_EMITS,
  RUSSIA_BENEFITS, SANCTIONS, SCALES,
} from '../plan/vocabulary.js';
import type { Gazetteer, Settings } from './schema.js';

export type FactType =
  | { kind: 'enum'; values: readonly (string | boolean)[]; nullable: boolean }
  | { kind: 'boolean'; nullable: boolean }
  | { kind: 'number'; nullable: boolean }
  | { kind: 'party'; nullable: boolean }
  | { kind: 'place'; nullable: boolean }
  | { kind: 'list'; of: 'party' | readonly string[] }
  | { kind: 'record'; keys: readonly string[] };

export interface FactSpec {
  name: string;
  source: 'event' | 'history' | 'status' | 'setting' | 'data';
  type: FactType;
  about: string;
}

const opt = { nullable: true } as const;
const eventFact = (name: string, type: FactType, about: string): FactSpec => ({ name, source: 'event', type, about });

/** Fields of the scenario event (null when the event does not carry them). */
export const EVENT_FACTS: FactSpec[] = [
  eventFact('type', { kind: 'enum', values: [...EVENT_TYPES, ...DEADLINE_TYPES], nullable: false }, 'the event type, or the deadline that fell due'),
  eventFact('party', { kind: 'party', ...opt }, 'the party the event is about'),
  eventFact('by', { kind: 'party', ...opt }, 'the acting party'),
  eventFact('against', { kind: 'party', ...opt }, 'the attacked party'),
  eventFact('in', { kind: 'party', ...opt }, 'where troops are stationed'),
  eventFact('scale', { kind: 'enum', values: SCALES, ...opt }, 'the scale of an armed attack'),
  eventFact('means', { kind: 'enum', values: MEANS, ...opt }, 'the means of an armed attack'),
  eventFact('crossesLine', { kind: 'boolean', ...opt }, 'whether the attack crosses the agreed line'),
  eventFact('deliberate', { kind: 'boolean', ...opt }, 'whether the attack is deliberate'),
  eventFact('sustained', { kind: 'boolean', ...opt }, 'whether the attack is sustained'),
  eventFact('seizesTerritory', { kind: 'boolean', ...opt }, 'whether the attack seizes territory'),
  eventFact('justified', { kind: 'enum', values: [true, false, 'unknown'], ...opt }, 'whether a strike had cause'),
  eventFact('target', { kind: 'place', ...opt }, 'the place attacked, spelled as the gazetteer names it'),
  eventFact('personnel', { kind: 'number', ...opt }, 'the reported force level'),
  eventFact('finding', { kind: 'enum', values: FINDINGS, ...opt }, 'the Peace Council\'s finding'),
  eventFact('parties', { kind: 'list', of: 'party' }, 'the parties agreeing an extension'),
  eventFact('with', { kind: 'list', of: 'party' }, 'the parties consulted'),
  eventFact('measures', { kind: 'list', of: MEASURES }, 'the measures the US decided'),
];

export const HISTORY_FACTS: FactSpec[] = [
  { name: 'signatories', source: 'history', type: { kind: 'list', of: 'party' }, about: 'parties that have signed, this event included' },
  { name: 'withdrawn', source: 'history', type: { kind: 'list', of: 'party' }, about: 'sides that have completed their withdrawal, this event included' },
  { name: 'compensationPaid', source: 'history', type: { kind: 'boolean', nullable: false }, about: 'whether the US has been compensated, this event included' },
  { name: 'electionsHeldBy', source: 'history', type: { kind: 'list', of: 'party' }, about: 'parties that have held an election, this event included' },
  { name: 'daysSince', source: 'history', type: { kind: 'record', keys: RULE_EMITS }, about: 'days since a rule last emitted each machine event, before this step (null if never)' },
  { name: 'reliefStepNumber', source: 'history', type: { kind: 'number', nullable: false }, about: 'which relief step this would be (steps already applied + 1)' },
];

export const STATUS_FACTS: FactSpec[] = [
  { name: 'guarantee', source: 'status', type: { kind: 'enum', values: GUARANTEE, nullable: false }, about: 'the guarantee\'s status before this step' },
  { name: 'guaranteePhase', source: 'status', type: { kind: 'enum', values: GUARANTEE_PHASE, nullable: true }, about: 'the phase while pending or invoked' },
  { name: 'ceasefire', source: 'status', type: { kind: 'enum', values: CEASEFIRE, nullable: false }, about: 'the ceasefire\'s status before this step' },
  { name: 'sanctions', source: 'status', type: { kind: 'enum', values: SANCTIONS, nullable: false }, about: 'sanctions on Russia before this step' },
  { name: 'russiaBenefits', source: 'status', type: { kind: 'enum', values: RUSSIA_BENEFITS, nullable: false }, about: 'Russia\'s benefits under the deal before this step' },
];

/** The whole catalogue for a rule set: the fixed facts plus its interpretations, parameters and data lists. */
export function factCatalogue(settings: Settings): Map<string, FactSpec> {
  const specs: FactSpec[] = [
    ...EVENT_FACTS,
    ...HISTORY_FACTS,
    ...STATUS_FACTS,
    ...settings.interpretations.map((i): FactSpec => ({ name: i.name, source: 'setting', type: { kind: 'enum', values: i.readings.map((r) => r.value), nullable: false }, about: i.question })),
    ...settings.parameters.map((p): FactSpec => ({ name: p.name, source: 'setting', type: { kind: 'number', nullable: false }, about: `${p.unit} (${p.source})` })),
    { name: 'nato-members', source: 'data', type: { kind: 'list', of: 'party' }, about: 'NATO and its member states (gazetteer)' },
  ];
  return new Map(specs.map((s) => [s.name, s]));
}

/** The data-list facts, read from the gazetteer. */
export function dataFacts(gazetteer: Gazetteer): Record<string, unknown> {
  return { 'nato-members': ['NATO', ...gazetteer.natoMembers.members] };
}
