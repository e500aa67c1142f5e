// casus/testing: fast-check arbitraries of valid inputs that shrink to
// short readable timelines, and a failing value as a scenario file.
import fc from 'fast-check';
import { Document, isMap, isSeq } from 'yaml';
import { addDays } from '../plan/dates.js';
import { FINDINGS, MEANS, MEASURES, SCALES, SIGNATORIES, TERRITORIES } from '../plan/vocabulary.js';
import { loadRuleSet, type RuleSet } from '../rules/load.js';
import { COMMON_EVENT_FIELDS, EVENT_TYPES, ScenarioEvent } from '../scenario/schema.js';

export type GeneratedEvent = Record<string, unknown> & { at: string; type: string };

export interface GeneratedScenario {
  scenario: string;
  title: string;
  interpretations: Record<string, string>;
  parameters?: Record<string, number>;
  until?: string;
  events: GeneratedEvent[];
}

let bundled: RuleSet | undefined;
const rulesOr = (ruleSet?: RuleSet) => ruleSet ?? (bundled ??= loadRuleSet());

/**
 * A few parties of each kind: the signatories, a NATO member, a European party, a neighbour of Russia, a distant state.
 */
const PARTY = fc.constantFrom('UA', 'RU', 'PL', 'US', 'EE', 'IN', 'NATO');
const UA_RU = fc.constantFrom('UA', 'RU');
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const defined = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/**
 * An armed attack with only the fields it states; a named city fixes the
 * territory (Moscow and St Petersburg lie in Russia, Kyiv in Ukraine).
 */
export const armedAttack: fc.Arbitrary<Record<string, unknown> & { type: 'armed-attack' }> = fc
  .record({
    by: fc.oneof({ weight: 4, arbitrary: UA_RU }, { weight: 1, arbitrary: PARTY }),
    against: fc.oneof({ weight: 4, arbitrary: UA_RU }, { weight: 1, arbitrary: PARTY }),
    scale: fc.constantFrom(...SCALES),
    means: optional(fc.constantFrom(...MEANS)),
    crossesLine: optional(fc.boolean()),
    deliberate: optional(fc.boolean()),
    sustained: optional(fc.boolean()),
    seizesTerritory: optional(fc.boolean()),
    territory: optional(fc.constantFrom(...TERRITORIES)),
    target: optional(fc.constantFrom('Moscow', 'St Petersburg', 'Belgorod', 'Kyiv')),
    justified: optional(fc.boolean()),
  })
  .filter((a) => a.by !== a.against)
  .filter(
    (a) =>
      a.territory === undefined ||
      a.target === undefined ||
      a.target === 'Belgorod' ||
      (a.target === 'Kyiv' ? a.territory === 'ukraine' : a.territory === 'russia'),
  )
  .map((a) => ({ type: 'armed-attack' as const, ...defined(a) }));

const ALL_FIVE: string[] = [...SIGNATORIES];

type Schema = {
  _zod: {
    def: {
      type: string;
      innerType?: Schema;
      element?: Schema;
      options?: Schema[];
      entries?: Record<string, string>;
      values?: unknown[];
    };
  };
};

/** Values of one field, read from its zod schema: for an event type no generator below is written for. */
function fieldArb(schema: Schema): fc.Arbitrary<unknown> {
  const def = schema._zod.def;
  if (def.type === 'optional') return optional(fieldArb(def.innerType!));
  if (def.type === 'union') return fc.oneof(...def.options!.map(fieldArb));
  if (def.type === 'array') return fc.uniqueArray(fieldArb(def.element!), { minLength: 1, maxLength: 3 });
  if (def.type === 'enum') {
    const values = Object.values(def.entries!);
    return values.includes('UA') ? PARTY : fc.constantFrom(...values);
  }
  if (def.type === 'literal') return fc.constantFrom(...def.values!);
  if (def.type === 'boolean') return fc.boolean();
  if (def.type === 'number') return fc.integer({ min: 0, max: 1_000_000 });
  return fc.constant('generated');
}

/** An event of `type` with every field drawn from its schema, kept only when the schema accepts it. */
function schemaEvent(type: string): fc.Arbitrary<Record<string, unknown> & { type: string }> {
  const option = ScenarioEvent.options.find((o) => o.shape.type.value === type)!;
  const fields = Object.entries(option.shape as unknown as Record<string, Schema>).filter(
    ([k]) => !COMMON_EVENT_FIELDS.has(k),
  );
  return fc
    .record(Object.fromEntries(fields.map(([k, s]) => [k, fieldArb(s)])))
    .map((f) => ({ type, ...defined(f) }))
    .filter((e) => ScenarioEvent.safeParse({ at: '2030-01-01', ...e }).success);
}

/** The events that open a timeline (the generators below place them on its first days). */
const OPENING = new Set(['signature', 'withdrawal-completed']);

type LaterType = Exclude<ScenarioEvent['type'], 'signature' | 'withdrawal-completed'>;
type EventArb = fc.Arbitrary<Record<string, unknown> & { type: string }>;

/** The types drawn as a timeline needs them (parties that matter, plausible numbers). */
const WRITTEN: Partial<Record<LaterType, EventArb>> = {
  'armed-attack': armedAttack,
  'sanctions-relief-step': fc.constant({ type: 'sanctions-relief-step' }),
  'hostilities-ended': fc.constant({ type: 'hostilities-ended' }),
  'us-response-decided': fc.record({
    type: fc.constant('us-response-decided'),
    measures: fc.subarray([...MEASURES], { minLength: 1 }),
  }),
  'extension-agreed': fc.record({
    type: fc.constant('extension-agreed'),
    parties: fc.oneof(fc.constant(ALL_FIVE), fc.subarray(ALL_FIVE, { minLength: 1 })),
  }),
  'force-level-reported': fc.record({
    type: fc.constant('force-level-reported'),
    party: fc.constant('UA'),
    personnel: fc.integer({ min: 400_000, max: 900_000 }),
  }),
  'election-held': fc.record({ type: fc.constant('election-held'), party: fc.constant('UA') }),
  'troops-stationed': fc.record({
    type: fc.constant('troops-stationed'),
    by: PARTY.filter((p) => p !== 'UA'),
    in: fc.constant('UA'),
  }),
  'nato-accession': fc.record({ type: fc.constant('nato-accession'), party: fc.constantFrom('UA', 'MD', 'GE') }),
  'nuclear-weapons-acquired': fc.record({
    type: fc.constant('nuclear-weapons-acquired'),
    party: fc.constantFrom('UA', 'PL'),
  }),
  'buffer-zone-entry': fc.record({ type: fc.constant('buffer-zone-entry'), by: UA_RU }),
  'peace-council-ruling': fc.record({
    type: fc.constant('peace-council-ruling'),
    party: UA_RU,
    finding: fc.constantFrom(...FINDINGS),
  }),
  'consultations-held': fc.record({ type: fc.constant('consultations-held'), with: fc.constant(['UA', 'NATO', 'EU']) }),
  'compensation-paid': fc.constant({ type: 'compensation-paid' }),
};

/**
 * One event of each type (without a date), keyed by type: the years after signing. A type not written out above is
 * drawn from its schema, so a new event type is generated as soon as it is declared.
 */
export const eventsByType = Object.fromEntries(
  EVENT_TYPES.filter((t) => !OPENING.has(t)).map((t) => [t, WRITTEN[t as LaterType] ?? schemaEvent(t)]),
) as Record<LaterType, EventArb>;

/** One event of the years after signing (without a date); attacks come most often. */
export const laterEvent: fc.Arbitrary<Record<string, unknown> & { type: string }> = fc.oneof(
  { weight: 6, arbitrary: eventsByType['armed-attack'] },
  ...Object.entries(eventsByType)
    .filter(([type]) => type !== 'armed-attack')
    .map(([type, arbitrary]) => ({ weight: type === 'sanctions-relief-step' ? 2 : 1, arbitrary })),
);

/**
 * A reading of every interpretation, from the rule set's settings
 * (the bundled rules by default); shrinks to the defaults.
 */
export function interpretationsArb(ruleSet?: RuleSet): fc.Arbitrary<Record<string, string>> {
  const open = new Set(['unknown']);
  return fc.record(
    Object.fromEntries(
      rulesOr(ruleSet).settings.interpretations.map((i) => [
        i.name,
        fc.constantFrom(...i.readings.map((r) => r.value).filter((v) => !open.has(v))),
      ]),
    ),
  );
}

/** Some parameters around their defaults, from the rule set's settings; omitted ones keep the default. */
export function parametersArb(ruleSet?: RuleSet): fc.Arbitrary<Record<string, number>> {
  const around = (v: number) =>
    fc.integer({
      min: Math.max(v > 1000 ? Math.round(v * 0.75) : 1, 0),
      max: v > 1000 ? Math.round(v * 1.5) : Math.max(v * 2, 4),
    });
  return fc.record(Object.fromEntries(rulesOr(ruleSet).settings.parameters.map((p) => [p.name, around(p.value)])), {
    requiredKeys: [],
  }) as fc.Arbitrary<Record<string, number>>;
}

const START = '2026-01-05';

function timeline(dated: Array<[number, Record<string, unknown> & { type: string }]>): GeneratedEvent[] {
  return dated
    .map(([day, e], order) => ({ day, order, e }))
    .sort((a, b) => a.day - b.day || a.order - b.order)
    .map(({ day, e }) => ({ at: addDays(START, day), ...e }) as GeneratedEvent);
}

/**
 * A realistic timeline: most parties sign early in 2026, both
 * sides usually withdraw, then up to `max` events over ~12 years.
 */
export function scenarioArb(max = 25, ruleSet?: RuleSet): fc.Arbitrary<GeneratedScenario> {
  return fc
    .record({
      signers: fc.oneof(
        { weight: 5, arbitrary: fc.constant<string[]>(ALL_FIVE) },
        { weight: 1, arbitrary: fc.subarray<string>(ALL_FIVE, { minLength: 1 }) },
      ),
      signDays: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 5, maxLength: 5 }),
      withdrawals: fc.oneof(
        { weight: 5, arbitrary: fc.constant<string[]>(['UA', 'RU']) },
        { weight: 1, arbitrary: fc.subarray<string>(['UA', 'RU']) },
      ),
      withdrawDays: fc.array(fc.integer({ min: 20, max: 120 }), { minLength: 2, maxLength: 2 }),
      later: fc.array(fc.tuple(fc.integer({ min: 0, max: 4400 }), laterEvent), { maxLength: max }),
      interpretations: interpretationsArb(ruleSet),
      until: fc.option(fc.integer({ min: 4400, max: 5000 }), { nil: undefined }),
    })
    .map((g) => ({
      scenario: 'generated',
      title: 'A generated timeline',
      interpretations: g.interpretations,
      ...(g.until !== undefined ? { until: addDays(START, 120 + g.until) } : {}),
      events: timeline([
        ...g.signers.map((party, i): [number, { type: string; party: string }] => [
          g.signDays[i]!,
          { type: 'signature', party },
        ]),
        ...g.withdrawals.map((party, i): [number, { type: string; party: string }] => [
          g.withdrawDays[i]!,
          { type: 'withdrawal-completed', party },
        ]),
        ...g.later.map(([day, e]): [number, Record<string, unknown> & { type: string }] => [120 + day, e]),
      ]),
    }));
}

/**
 * A treaty already in force: all five sign and both sides withdraw on the first days, then up to `max` later events.
 */
export function inForceArb(max = 10, ruleSet?: RuleSet): fc.Arbitrary<GeneratedScenario> {
  return fc
    .record({
      later: fc.array(fc.tuple(fc.integer({ min: 0, max: 4000 }), laterEvent), { maxLength: max }),
      interpretations: interpretationsArb(ruleSet),
    })
    .map((g) => ({
      scenario: 'generated-in-force',
      title: 'A generated timeline after entry into force',
      interpretations: { ...g.interpretations, 'entry-into-force': 'on-signature', compensation: 'recorded' },
      events: timeline([
        ...ALL_FIVE.map((party, i): [number, { type: string; party: string }] => [i, { type: 'signature', party }]),
        [5, { type: 'withdrawal-completed', party: 'UA' }],
        [5, { type: 'withdrawal-completed', party: 'RU' }],
        ...g.later.map(([day, e]): [number, Record<string, unknown> & { type: string }] => [10 + day, e]),
      ]),
    }));
}

/** scenarioArb with some parameters as well as the readings. */
export function scenarioWithParametersArb(max = 25, ruleSet?: RuleSet): fc.Arbitrary<GeneratedScenario> {
  return fc.tuple(scenarioArb(max, ruleSet), parametersArb(ruleSet)).map(([s, p]) => ({ ...s, parameters: p }));
}

/** A generated scenario as a scenario file, one event per line: save it and `casus run` / `casus explain` it. */
export function scenarioYaml(s: GeneratedScenario, comment = 'A failing case found by a property test'): string {
  const doc = new Document(s);
  const events = doc.get('events');
  if (isSeq(events)) for (const item of events.items) if (isMap(item)) item.flow = true;
  for (const key of ['interpretations', 'parameters']) {
    const node = doc.get(key);
    if (isMap(node)) node.flow = true;
  }
  return `# ${comment}: casus run FILE replays it; casus explain FILE says why\n${doc.toString({ lineWidth: 0 })}`;
}
