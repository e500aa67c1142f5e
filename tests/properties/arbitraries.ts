// fast-check generators of valid, realistic timelines: signatures and withdrawals, then years of events.
import fc from 'fast-check';
import { addDays } from '../../src/plan/dates.js';
import { SIGNATORIES } from '../../src/plan/vocabulary.js';

export type GeneratedEvent = Record<string, unknown> & { at: string; type: string };

export interface GeneratedScenario {
  scenario: string;
  title: string;
  interpretations: Record<string, string>;
  parameters?: Record<string, number>;
  until?: string;
  events: GeneratedEvent[];
}

const PARTY = fc.constantFrom('UA', 'RU', 'PL', 'US', 'EE', 'IN', 'NATO');
const UA_RU = fc.constantFrom('UA', 'RU');
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const attack = fc
  .record({
    by: fc.oneof({ weight: 4, arbitrary: UA_RU }, { weight: 1, arbitrary: PARTY }),
    against: fc.oneof({ weight: 4, arbitrary: UA_RU }, { weight: 1, arbitrary: PARTY }),
    scale: fc.constantFrom('incident', 'limited', 'large-scale'),
    means: optional(fc.constantFrom('ground', 'air', 'missile', 'drone', 'naval', 'mixed')),
    crossesLine: optional(fc.boolean()),
    deliberate: optional(fc.boolean()),
    sustained: optional(fc.boolean()),
    seizesTerritory: optional(fc.boolean()),
    territory: optional(fc.constantFrom('russia', 'crimea-donbas', 'buffer-zone', 'frozen-line', 'ukraine')),
    target: optional(fc.constantFrom('Moscow', 'St Petersburg', 'Belgorod', 'Kyiv')),
    justified: optional(fc.boolean()),
  })
  .filter((a) => a.by !== a.against)
  // a named city fixes the territory: Moscow and St Petersburg lie in Russia, Kyiv in Ukraine
  .filter((a) => a.territory === undefined || a.target === undefined || a.target === 'Belgorod' || (a.target === 'Kyiv') === (a.territory === 'ukraine'))
  .filter((a) => a.territory === undefined || a.target === undefined || a.target === 'Belgorod' || a.target === 'Kyiv' || a.territory === 'russia')
  .map((a) => ({ type: 'armed-attack', ...Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) }));

const ALL_FIVE: string[] = [...SIGNATORIES];

/** One event of the years after signing (without a date). */
export const laterEvent: fc.Arbitrary<Record<string, unknown> & { type: string }> = fc.oneof(
  { weight: 6, arbitrary: attack },
  { weight: 2, arbitrary: fc.constant({ type: 'sanctions-relief-step' }) },
  { weight: 1, arbitrary: fc.constant({ type: 'hostilities-ended' }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('us-response-decided'), measures: fc.subarray(['intelligence', 'logistics', 'economic', 'diplomatic', 'military'], { minLength: 1 }) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('extension-agreed'), parties: fc.oneof(fc.constant(ALL_FIVE), fc.subarray(ALL_FIVE, { minLength: 1 })) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('force-level-reported'), party: fc.constant('UA'), personnel: fc.integer({ min: 400_000, max: 900_000 }) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('election-held'), party: fc.constant('UA') }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('troops-stationed'), by: PARTY.filter((p) => p !== 'UA'), in: fc.constant('UA') }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('nato-accession'), party: fc.constantFrom('UA', 'MD', 'GE') }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('nuclear-weapons-acquired'), party: fc.constantFrom('UA', 'PL') }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('buffer-zone-entry'), by: UA_RU }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('peace-council-ruling'), party: UA_RU, finding: fc.constantFrom('breach', 'no-breach') }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('consultations-held'), with: fc.constant(['UA', 'NATO', 'EU']) }) },
  { weight: 1, arbitrary: fc.constant({ type: 'compensation-paid' }) },
);

export const interpretations = fc.record({
  'entry-into-force': fc.constantFrom('on-signature', 'on-ceasefire'),
  'attack-test': fc.constantFrom('significant-deliberate-sustained', 'large-scale'),
  'invasion-test': fc.constantFrom('ground-incursion', 'any-attack'),
  'russian-territory': fc.constantFrom('plan', 'without-frozen-line', 'recognised-borders'),
  'strike-cause': fc.constantFrom('retaliation-window', 'strict'),
  'strike-means': fc.constantFrom('missile', 'missile-or-drone'),
  'clause-22-scope': fc.constantFrom('breaching-party', 'all-guarantees'),
  compensation: fc.constantFrom('recorded', 'precondition'),
  'nato-troops': fc.constantFrom('nato-command', 'any-member'),
  'point-3': fc.constantFrom('expectation', 'binding'),
});

/** A realistic timeline: most parties sign early in 2026, both sides usually withdraw, then up to `max` events over ~12 years. */
export function scenarioArb(max = 25): fc.Arbitrary<GeneratedScenario> {
  return fc
    .record({
      signers: fc.oneof({ weight: 5, arbitrary: fc.constant<string[]>(ALL_FIVE) }, { weight: 1, arbitrary: fc.subarray<string>(ALL_FIVE, { minLength: 1 }) }),
      signDays: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 5, maxLength: 5 }),
      withdrawals: fc.oneof({ weight: 5, arbitrary: fc.constant<string[]>(['UA', 'RU']) }, { weight: 1, arbitrary: fc.subarray<string>(['UA', 'RU']) }),
      withdrawDays: fc.array(fc.integer({ min: 20, max: 120 }), { minLength: 2, maxLength: 2 }),
      later: fc.array(fc.tuple(fc.integer({ min: 0, max: 4400 }), laterEvent), { maxLength: max }),
      interpretations,
      until: fc.option(fc.integer({ min: 4400, max: 5000 }), { nil: undefined }),
    })
    .map((g) => {
      const start = '2026-01-05';
      const dated: Array<[number, Record<string, unknown> & { type: string }]> = [
        ...g.signers.map((party, i): [number, { type: string; party: string }] => [g.signDays[i]!, { type: 'signature', party }]),
        ...g.withdrawals.map((party, i): [number, { type: string; party: string }] => [g.withdrawDays[i]!, { type: 'withdrawal-completed', party }]),
        ...g.later.map(([day, e]): [number, Record<string, unknown> & { type: string }] => [120 + day, e]),
      ];
      const events = dated
        .map(([day, e], order) => ({ day, order, e }))
        .sort((a, b) => a.day - b.day || a.order - b.order)
        .map(({ day, e }) => ({ at: addDays(start, day), ...e }) as GeneratedEvent);
      return {
        scenario: 'generated',
        title: 'A generated timeline',
        interpretations: g.interpretations,
        ...(g.until !== undefined ? { until: addDays(start, 120 + g.until) } : {}),
        events,
      };
    });
}

/** Parameters around their defaults (some of them), so compiled rules are checked with other values baked in. */
export const parameters: fc.Arbitrary<Record<string, number>> = fc.record(
  {
    'term-years': fc.integer({ min: 1, max: 12 }),
    'extension-years': fc.integer({ min: 1, max: 10 }),
    'force-cap': fc.constantFrom(450_000, 600_000, 800_000),
    'election-deadline-days': fc.integer({ min: 1, max: 400 }),
    'retaliation-window-days': fc.integer({ min: 0, max: 400 }),
    'relief-steps': fc.integer({ min: 1, max: 4 }),
  },
  { requiredKeys: [] },
);

/** scenarioArb with random parameters as well as random interpretations. */
export function scenarioWithParametersArb(max = 25): fc.Arbitrary<GeneratedScenario> {
  return fc.tuple(scenarioArb(max), parameters).map(([s, p]) => ({ ...s, parameters: p }));
}
