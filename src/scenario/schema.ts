// The one declaration of a scenario file's shape (docs/semantics.md, "Scenario files"); types come from z.infer.
import { z } from 'zod';
import { isIsoDate } from '../plan/dates.js';
import { didYouMean } from '../plan/suggest.js';
import { Party } from '../plan/parties.js';
import {
  AGREEMENT,
  BREACH_KINDS,
  CEASEFIRE,
  FINDINGS,
  GUARANTEE,
  GUARANTEE_PHASE,
  MANDATES,
  MEANS,
  MEASURES,
  REFERENDUM_RESULTS,
  RUSSIA_BENEFITS,
  SANCTIONS,
  SCALES,
  TERRITORIES,
} from '../plan/vocabulary.js';

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
export const IsoDate = z
  .string({ error: 'expected a date written YYYY-MM-DD' })
  .refine(isIsoDate, {
    error: (issue) =>
      DATE_SHAPE.test(String(issue.input)) ? 'not a calendar date' : 'expected a date written YYYY-MM-DD',
  })
  .meta({ format: 'date', pattern: DATE_SHAPE.source });

export { Party };
const Parties = z.array(Party).min(1, { error: 'expected at least one party' });
/**
 * A whole number of at least `minimum`; one refinement (not
 * .int(), whose failure would hide the file's other problems).
 */
const wholeNumber = (minimum: number, what = 'a whole number') =>
  z.number().refine((n) => Number.isSafeInteger(n) && n >= minimum, { error: `expected ${what}, ${minimum} or more` });
export const Kebab = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'expected a kebab-case id such as renewed-offensive' });

const CONFIDENCE = ['reported', 'confirmed', 'contested'] as const;

const common = {
  at: IsoDate,
  id: z.string().min(1).optional(),
  note: z.string().optional(),
  /** where the event is reported: a citation shown beside it in every report */
  source: z.string().min(1).optional(),
  confidence: z.enum(CONFIDENCE).optional(),
};

/** The fields every event may carry, `type` included: the rest of an event's fields are its own. */
export const COMMON_EVENT_FIELDS: ReadonlySet<string> = new Set([...Object.keys(common), 'type']);

function event<T extends string, S extends z.ZodRawShape>(type: T, shape: S) {
  return z.strictObject({ ...common, type: z.literal(type), ...shape });
}

/** A fact the scenario may leave open: `unknown` makes the run branch on it (see whatif/branches). */
const Judgement = z.union([z.boolean(), z.literal('unknown')], { error: 'expected true, false or unknown' });
export const OPEN_FACTS = ['crossesLine', 'deliberate', 'sustained', 'seizesTerritory', 'justified'] as const;

const ArmedAttack = event('armed-attack', {
  by: Party,
  against: Party,
  scale: z.enum(SCALES),
  means: z.enum(MEANS).optional(),
  territory: z.enum(TERRITORIES).optional(),
  crossesLine: Judgement.optional(),
  deliberate: Judgement.optional(),
  sustained: Judgement.optional(),
  target: z.string().min(1).optional(),
  seizesTerritory: Judgement.optional(),
  justified: Judgement.optional(),
}).refine((e) => e.by !== e.against, { error: 'a party cannot attack itself', path: ['against'] });

export const ScenarioEvent = z.discriminatedUnion('type', [
  event('signature', { party: Party }),
  event('withdrawal-completed', {
    party: z.enum(['UA', 'RU'], { error: 'expected UA or RU (the sides that withdraw, point 28)' }),
  }),
  ArmedAttack,
  event('buffer-zone-entry', { by: Party }),
  event('consultations-held', { with: Parties }),
  event('us-response-decided', {
    measures: z.array(z.enum(MEASURES)).min(1, { error: 'expected at least one measure' }),
  }),
  event('hostilities-ended', {}),
  event('extension-agreed', { parties: Parties }),
  event('force-level-reported', { party: Party, personnel: wholeNumber(0, 'a whole number of personnel') }),
  event('election-held', { party: Party }),
  event('troops-stationed', { by: Party, in: Party, mandate: z.enum(MANDATES).optional() }),
  event('nato-accession', { party: Party }),
  event('nuclear-weapons-acquired', { party: Party }),
  event('sanctions-relief-step', {}),
  event('compensation-paid', {}),
  event('peace-council-ruling', { party: Party, finding: z.enum(FINDINGS) }),
  event('ratification', { party: Party, body: z.string().min(1).optional() }),
  event('referendum-held', { party: Party, result: z.enum(REFERENDUM_RESULTS) }),
]);
export type ScenarioEvent = z.infer<typeof ScenarioEvent>;

/** The event types, in the order the schema declares them: the schema is their one declaration. */
export const EVENT_TYPES: readonly string[] = ScenarioEvent.options.map((o) => o.shape.type.value);

const BreachExpectation = z.union([
  z.enum(BREACH_KINDS),
  z.strictObject({ kind: z.enum(BREACH_KINDS), party: Party.optional() }),
]);

export const Expectation = z
  .strictObject({
    on: z.union([z.literal('end'), IsoDate], { error: 'expected a date written YYYY-MM-DD, or end' }),
    agreement: z.enum(AGREEMENT).optional(),
    guarantee: z.enum(GUARANTEE).optional(),
    guaranteePhase: z.enum(GUARANTEE_PHASE).nullable().optional(),
    ceasefire: z.enum(CEASEFIRE).optional(),
    sanctions: z.enum(SANCTIONS).optional(),
    russiaBenefits: z.enum(RUSSIA_BENEFITS).optional(),
    breaches: z.array(BreachExpectation).optional(),
    /**
     * only in a run under this plan version (`casus test` runs the scenario under each version its expectations name)
     */
    plan: Kebab.optional(),
    /** in a branching run: only the branches that assume these open facts ("EVENT-ID.FIELD": value) */
    assuming: z
      .record(
        z.string().regex(new RegExp(`^[^.]+\\.(${OPEN_FACTS.join('|')})$`), {
          error: `expected EVENT-ID.FIELD, FIELD one of ${OPEN_FACTS.join(', ')}`,
        }),
        z.boolean({ error: 'expected true or false' }),
      )
      .optional(),
  })
  .refine((e) => Object.keys(e).filter((k) => k !== 'assuming' && k !== 'plan').length > 1, {
    error: 'an expectation needs at least one status besides on, e.g. guarantee: in-force',
  });
export type Expectation = z.infer<typeof Expectation>;

/** Names and values the loaded rule set accepts for `interpretations` and `parameters`. */
export interface SettingsVocabulary {
  interpretations: Record<string, readonly string[]>;
  parameters: Record<string, { minimum: number }>;
  /** former interpretation names → their new name */
  renamed?: Record<string, string>;
  /** NATO's member states: their accession is an input error */
  natoMembers?: readonly string[];
  /** the territory a named place lies in, if the gazetteer knows the place */
  placeTerritory?: (place: string) => string | undefined;
}

/**
 * The `interpretations` and `parameters` blocks a rule set accepts (scenario files and simulation models share them).
 */
export function settingsSchemas(vocabulary: SettingsVocabulary) {
  const renamed = Object.entries(vocabulary.renamed ?? {}).map(([old, now]) => [
    old,
    z
      .never({ error: `${old} was renamed ${now}: write ${now} (one reading of "invades" for both 10b and 10c)` })
      .optional(),
  ]);
  const interpretations = z.strictObject(
    Object.fromEntries([
      ...Object.entries(vocabulary.interpretations).map(([name, values]) => [
        name,
        z.enum(values as [string, ...string[]]).optional(),
      ]),
      ...renamed,
    ]),
  );
  const parameters = z.strictObject(
    Object.fromEntries(
      Object.entries(vocabulary.parameters).map(([name, { minimum }]) => [name, wholeNumber(minimum).optional()]),
    ),
  );
  return { interpretations, parameters };
}

export function scenarioSchema(vocabulary: SettingsVocabulary) {
  const { interpretations, parameters } = settingsSchemas(vocabulary);
  return z
    .strictObject({
      scenario: Kebab,
      title: z.string().min(1),
      description: z.string().optional(),
      interpretations: interpretations.optional(),
      parameters: parameters.optional(),
      until: IsoDate.optional(),
      events: z.array(ScenarioEvent).min(1, { error: 'a scenario needs at least one event' }),
      expect: z.array(Expectation).optional(),
    })
    .superRefine(checkOrderAndHorizon, { when: () => true })
    .superRefine((value, ctx) => checkAgainstGazetteer(value, ctx, vocabulary), { when: () => true });
}

/** What only the rule set's gazetteer can tell: a named place in another territory, a member joining NATO again. */
function checkAgainstGazetteer(value: unknown, ctx: z.RefinementCtx, vocabulary: SettingsVocabulary): void {
  const events: unknown[] = Array.isArray((value as { events?: unknown } | null)?.events)
    ? (value as { events: unknown[] }).events
    : [];
  events.forEach((e, i) => {
    const ev = (e ?? {}) as Record<string, unknown>;
    if (ev.type === 'armed-attack' && typeof ev.target === 'string' && typeof ev.territory === 'string') {
      const lies = vocabulary.placeTerritory?.(ev.target);
      if (lies !== undefined && lies !== ev.territory) {
        ctx.addIssue({
          code: 'custom',
          path: ['events', i, 'territory'],
          message: `${ev.target} lies in territory ${lies}, not ${ev.territory}`,
          params: { hint: `remove territory (a target of ${ev.target} means ${lies}), or name another target` },
        });
      }
    }
    if (
      ev.type === 'nato-accession' &&
      typeof ev.party === 'string' &&
      (ev.party === 'NATO' || vocabulary.natoMembers?.includes(ev.party))
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['events', i, 'party'],
        message:
          ev.party === 'NATO'
            ? 'NATO cannot accede to itself'
            : `${ev.party} is already a NATO member (as of 2025), so it cannot accede`,
        params: { hint: 'name a state that is not a member, e.g. UA, MD or GE' },
      });
    }
  });
}

/** Reads the raw input, so date-order problems are reported with all the others, even beside invalid events. */
function checkOrderAndHorizon(value: unknown, ctx: z.RefinementCtx): void {
  if (value === null || typeof value !== 'object') return;
  const s = value as { events?: unknown; until?: unknown; expect?: unknown };
  const events: unknown[] = Array.isArray(s.events) ? s.events : [];
  const at = (e: unknown) => {
    const v = (e as { at?: unknown } | null)?.at;
    return typeof v === 'string' && isIsoDate(v) ? v : undefined;
  };
  let before: string | undefined;
  let last: string | undefined;
  events.forEach((e, i) => {
    const here = at(e);
    if (here !== undefined && (last === undefined || here > last)) last = here;
    if (before !== undefined && here !== undefined && here < before) {
      ctx.addIssue({
        code: 'custom',
        path: ['events', i, 'at'],
        message: `events must be in date order: ${here} comes after ${before} (the event before it)`,
        params: { hint: 'sort the events by date; events of the same day apply in file order' },
      });
    }
    before = here;
  });
  const until = typeof s.until === 'string' ? s.until : undefined;
  if (until !== undefined && last !== undefined && until < last) {
    ctx.addIssue({
      code: 'custom',
      path: ['until'],
      message: `until (${until}) is before the last event (${last})`,
      params: { hint: `set until to ${last} or later, or remove it` },
    });
  }
  const horizon = until ?? last;
  const ids = events
    .map((e) => (e as { id?: unknown } | null)?.id)
    .filter((id): id is string => typeof id === 'string');
  (Array.isArray(s.expect) ? s.expect : []).forEach((x: unknown, i) => {
    const assuming = (x as { assuming?: unknown } | null)?.assuming;
    if (assuming && typeof assuming === 'object') {
      for (const key of Object.keys(assuming)) {
        const id = key.split('.')[0]!;
        if (key.includes('.') && !ids.includes(id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['expect', i, 'assuming', key],
            message: `no event has the id "${id}"`,
            params: { hint: didYouMean(id, ids) ?? 'give the event an id: field to name its branch' },
          });
        }
      }
    }
    const on = (x as { on?: unknown } | null)?.on;
    if (typeof on === 'string' && on !== 'end' && horizon !== undefined && on > horizon) {
      ctx.addIssue({
        code: 'custom',
        path: ['expect', i, 'on'],
        message:
          `${on} is after the end of the run (${horizon}); ` +
          `deadlines are only processed up to the last event or until`,
        params: { hint: `add until: ${on} to run the clock that far` },
      });
    }
  });
}

export type Scenario = z.infer<ReturnType<typeof scenarioSchema>>;
