// Every fact a rule may test: what it is, where it comes from, and the values it can take.
import {
  DEADLINE_TYPES,
  FINDINGS,
  MANDATES,
  MEANS,
  MEASURES,
  REFERENDUM_RESULTS,
  SCALES,
  TERRITORIES,
} from '../plan/vocabulary.js';
import { EVENT_TYPES } from '../scenario/schema.js';
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
  source: 'event' | 'history' | 'setting' | 'data';
  type: FactType;
  about: string;
  /** an event field the runner always fills in when the scenario leaves it out */
  defaulted?: boolean;
  /** a data fact set by the chosen reading of this interpretation */
  setBy?: string;
}

const opt = { nullable: true } as const;
const eventFact = (name: string, type: FactType, about: string): FactSpec => ({ name, source: 'event', type, about });

/** Fields of the scenario event (null when the event does not carry them). */
export const EVENT_FACTS: FactSpec[] = [
  eventFact(
    'type',
    { kind: 'enum', values: [...EVENT_TYPES, ...DEADLINE_TYPES], nullable: false },
    'the event type, or the deadline that fell due',
  ),
  eventFact('party', { kind: 'party', ...opt }, 'the party the event is about'),
  eventFact('by', { kind: 'party', ...opt }, 'the acting party'),
  eventFact('against', { kind: 'party', ...opt }, 'the attacked party'),
  eventFact('in', { kind: 'party', ...opt }, 'where troops are stationed'),
  eventFact('scale', { kind: 'enum', values: SCALES, ...opt }, 'the scale of an armed attack'),
  eventFact('means', { kind: 'enum', values: MEANS, ...opt }, 'the means of an armed attack'),
  {
    ...eventFact(
      'territory',
      { kind: 'enum', values: TERRITORIES, ...opt },
      'where an armed attack lands (when not stated: russia if against RU, else ukraine)',
    ),
    defaulted: true,
  },
  eventFact('crossesLine', { kind: 'boolean', ...opt }, 'whether the attack crosses the agreed line'),
  eventFact('deliberate', { kind: 'boolean', ...opt }, 'whether the attack is deliberate'),
  eventFact('sustained', { kind: 'boolean', ...opt }, 'whether the attack is sustained'),
  eventFact('seizesTerritory', { kind: 'boolean', ...opt }, 'whether the attack seizes territory'),
  eventFact('justified', { kind: 'enum', values: [true, false, 'unknown'], ...opt }, 'whether a strike had cause'),
  eventFact('target', { kind: 'place', ...opt }, 'the place attacked, spelled as the gazetteer names it'),
  eventFact('personnel', { kind: 'number', ...opt }, 'the reported force level'),
  eventFact('finding', { kind: 'enum', values: FINDINGS, ...opt }, "the Peace Council's finding"),
  eventFact('mandate', { kind: 'enum', values: MANDATES, ...opt }, 'the mandate troops are stationed under'),
  eventFact('result', { kind: 'enum', values: REFERENDUM_RESULTS, ...opt }, 'the result of a referendum'),
  eventFact('parties', { kind: 'list', of: 'party' }, 'the parties agreeing an extension'),
  eventFact('with', { kind: 'list', of: 'party' }, 'the parties consulted'),
  eventFact('measures', { kind: 'list', of: MEASURES }, 'the measures the US decided'),
];

/** The event fields that name one party (who acted, against whom, whom the event is about, where troops are). */
export const PARTY_FIELDS: readonly string[] = EVENT_FACTS.filter((f) => f.type.kind === 'party').map((f) => f.name);

export const HISTORY_FACTS: FactSpec[] = [
  {
    name: 'signatories',
    source: 'history',
    type: { kind: 'list', of: 'party' },
    about: 'parties that have signed, this event included',
  },
  {
    name: 'withdrawn',
    source: 'history',
    type: { kind: 'list', of: 'party' },
    about: 'sides that have completed their withdrawal, this event included',
  },
  {
    name: 'compensationPaid',
    source: 'history',
    type: { kind: 'boolean', nullable: false },
    about: 'whether the US has been compensated, this event included',
  },
  {
    name: 'signatoriesBefore',
    source: 'history',
    type: { kind: 'list', of: 'party' },
    about: 'parties that had signed before this event',
  },
  {
    name: 'withdrawnBefore',
    source: 'history',
    type: { kind: 'list', of: 'party' },
    about: 'sides that had completed their withdrawal before this event',
  },
  {
    name: 'compensationPaidBefore',
    source: 'history',
    type: { kind: 'boolean', nullable: false },
    about: 'whether the US had been compensated before this event',
  },
  {
    name: 'ratifiedBy',
    source: 'history',
    type: { kind: 'list', of: 'party' },
    about: 'parties whose parliament has ratified, this event included',
  },
  {
    name: 'ratifiedByBefore',
    source: 'history',
    type: { kind: 'list', of: 'party' },
    about: 'parties whose parliament had ratified before this event',
  },
  {
    name: 'referendum',
    source: 'history',
    type: { kind: 'enum', values: REFERENDUM_RESULTS, nullable: true },
    about: "the result of Ukraine's latest referendum, this event included (null if none)",
  },
  {
    name: 'referendumBefore',
    source: 'history',
    type: { kind: 'enum', values: REFERENDUM_RESULTS, nullable: true },
    about: "the result of Ukraine's latest referendum before this event (null if none)",
  },
  {
    name: 'electionsHeldBy',
    source: 'history',
    type: { kind: 'list', of: 'party' },
    about: 'parties that have held an election, this event included',
  },
  {
    name: 'hostilitiesUnderWay',
    source: 'history',
    type: { kind: 'boolean', nullable: false },
    about:
      'whether hostilities are under way: ' +
      'a qualifying Russian attack came before this step and no hostilities-ended since',
  },
  {
    name: 'daysSinceRussianAttack',
    source: 'history',
    type: { kind: 'number', nullable: true },
    about: "days since Russia's last armed attack on Ukraine before this step, of any scale (null if none)",
  },
];

/** The whole catalogue for a rule set: the fixed facts plus its interpretations, parameters and data lists. */
export function factCatalogue(settings: Settings): Map<string, FactSpec> {
  const specs: FactSpec[] = [
    ...EVENT_FACTS,
    ...HISTORY_FACTS,
    ...settings.interpretations.map(
      (i): FactSpec => ({
        name: i.name,
        source: 'setting',
        type: { kind: 'enum', values: i.readings.map((r) => r.value), nullable: false },
        about: i.question,
      }),
    ),
    ...settings.parameters.map(
      (p): FactSpec => ({
        name: p.name,
        source: 'setting',
        type: { kind: 'number', nullable: false },
        about: `${p.unit} (${p.source})`,
      }),
    ),
    {
      name: 'nato-members',
      source: 'data',
      type: { kind: 'list', of: 'party' },
      about: 'NATO and its member states (gazetteer)',
    },
    {
      name: 'european-parties',
      source: 'data',
      type: { kind: 'list', of: 'party' },
      about: 'the European parties of the non-aggression agreement (gazetteer)',
    },
    {
      name: 'russia-neighbours',
      source: 'data',
      type: { kind: 'list', of: 'party' },
      about: 'the states bordering Russia by land (gazetteer)',
    },
    ...settings.interpretations.flatMap((i) =>
      [...new Set(i.readings.flatMap((r) => Object.keys(r.sets ?? {})))].map(
        (name): FactSpec => ({
          name,
          source: 'data',
          type: { kind: 'list', of: [...new Set(i.readings.flatMap((r) => r.sets?.[name] ?? []))] },
          about: `set by the reading of ${i.name}`,
          setBy: i.name,
        }),
      ),
    ),
  ];
  return new Map(specs.map((s) => [s.name, s]));
}

/** The data-list facts, read from the gazetteer. */
export function dataFacts(gazetteer: Gazetteer): Record<string, unknown> {
  return {
    'nato-members': ['NATO', ...gazetteer.natoMembers.members],
    'european-parties': gazetteer.europeanParties.members,
    'russia-neighbours': gazetteer.russiaLandNeighbours.members,
  };
}

/** The data facts that the chosen readings set (`sets` in the settings). */
export function readingFacts(settings: Settings, chosen: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const i of settings.interpretations)
    Object.assign(out, i.readings.find((r) => r.value === chosen[i.name])?.sets);
  return out;
}
