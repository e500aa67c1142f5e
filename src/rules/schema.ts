// The one declaration of every rule-set file's shape: clauses, settings, gazetteer and rule families.
import { z } from 'zod';
import { Party } from '../plan/parties.js';
import { SOURCE_CONFIDENCE } from '../plan/legend.js';
import { BREACH_KINDS, RULE_EMITS, TERRITORIES } from '../plan/vocabulary.js';

const Id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'expected a kebab-case id' });
export const Point = z.string().regex(/^(\d{1,2}[a-d]?|SG)$/, {
  error: 'expected a plan point such as 10c, or SG for the security-guarantee draft',
});
const Points = z.array(Point).min(1, { error: 'cite at least one plan point' });
const Text = z.string().min(1);

/**
 * Where a clause or a plan-version change comes from: an address, what it supports (our paraphrase) and how sure it is.
 */
export const Source = z.strictObject({
  address: z.url({ protocol: /^https?$/, error: 'expected the web address of the source, starting https://' }),
  supports: Text,
  confidence: z.enum(SOURCE_CONFIDENCE),
});
export type Source = z.infer<typeof Source>;
/** The list is required; an empty one loads, and `casus check` reports it as a failed check. */
const Sources = z.array(Source, {
  error: (issue) =>
    issue.input === undefined
      ? 'every clause and plan-version change cites its sources: [{ "address", "supports", "confidence" }]'
      : 'expected a list of sources',
});

export const Clause = z.strictObject({
  id: Id,
  points: Points,
  kind: z.enum(['trigger', 'consequence', 'obligation', 'procedure']),
  title: Text,
  paraphrase: Text,
  consequence: Text,
  planNamesConsequence: z.boolean(),
  sources: Sources,
  /** what casus assumes in encoding this clause, beyond its sources: labelled in every output that cites it */
  assumptions: z.array(Text).optional(),
});
export type Clause = z.infer<typeof Clause>;

export const ClauseCatalogue = z.strictObject({
  clauses: z.array(Clause).min(1),
  notEncoded: z.array(z.strictObject({ points: Points, topic: Text, why: Text })),
});
export type ClauseCatalogue = z.infer<typeof ClauseCatalogue>;

export const Settings = z.strictObject({
  interpretations: z.array(
    z.strictObject({
      name: Id,
      points: Points,
      question: Text,
      /** former names of this interpretation: a scenario or --set that uses one is told the new name */
      replaces: z.array(Id).optional(),
      readings: z
        .array(
          z.strictObject({
            value: Id,
            meaning: Text,
            /** data facts this reading sets, e.g. which territories count as Russia */
            sets: z.record(Id, z.array(Id)).optional(),
          }),
        )
        .min(2, { error: 'an interpretation needs at least two readings' }),
    }),
  ),
  parameters: z.array(
    z.strictObject({
      name: Id,
      value: z.number().int(),
      minimum: z.number().int(),
      unit: Text,
      points: Points,
      source: Text,
      assumption: z.boolean(),
    }),
  ),
});
export type Settings = z.infer<typeof Settings>;

export const Gazetteer = z.strictObject({
  natoMembers: z.strictObject({ asOf: Text, source: Text, members: z.array(Party).min(1) }),
  europeanParties: z.strictObject({ source: Text, members: z.array(Party).min(1) }),
  russiaLandNeighbours: z.strictObject({ source: Text, members: z.array(Party).min(1) }),
  places: z.array(z.strictObject({ name: Text, spellings: z.array(Text), territory: z.enum(TERRITORIES).optional() })),
});
export type Gazetteer = z.infer<typeof Gazetteer>;

/**
 * Overlaps of rules that the plan's own text causes, acknowledged
 * with the reason; `check` reports them without failing.
 */
export const Ambiguities = z.strictObject({
  ambiguities: z.array(
    z.strictObject({
      rules: z.tuple([Id, Id]),
      points: Points,
      question: Text,
      rationale: Text,
    }),
  ),
});
export type Ambiguities = z.infer<typeof Ambiguities>;

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const FactRef = z.strictObject({ fact: z.string() });
const PlainPath = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)*$/, {
    error: 'expected a plain dot path such as region.value (no JSONPath, filters or expressions)',
  })
  .refine((p) => !p.split('.').some((seg) => ['__proto__', 'constructor', 'prototype'].includes(seg)), {
    error: 'a path may not walk into __proto__, constructor or prototype',
  });

const OPERATORS = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'containsAll',
] as const;

export const LeafCondition = z.strictObject({
  fact: z.string(),
  operator: z.enum(OPERATORS),
  value: z.union([Scalar, z.array(Scalar), FactRef]),
  path: PlainPath.optional(),
});
export type LeafCondition = z.infer<typeof LeafCondition>;

export type Condition = LeafCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition };
export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    LeafCondition,
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
    z.strictObject({ not: Condition }),
  ]),
);

/** What a rule cites: a missing citation is named as such, not just as a missing field. */
const CitedClause = z
  .string({
    error: (issue) =>
      issue.input === undefined
        ? 'every rule cites the clause it encodes: an id from clauses.json'
        : 'expected a clause id from clauses.json',
  })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'expected a kebab-case id' });
const CitedPoints = z
  .array(Point, {
    error: (issue) =>
      issue.input === undefined
        ? 'every rule cites the plan points it encodes, e.g. ["10c"]'
        : 'expected a list of plan points such as ["10c", "SG"]',
  })
  .min(1, { error: 'cite at least one plan point' });

export const RuleDef = z.strictObject({
  name: Id,
  description: Text.optional(),
  priority: z.number().int().min(1).max(100).optional(),
  conditions: z.strictObject(
    { all: z.array(Condition).min(1) },
    { error: 'a rule\'s conditions are { "all": [...] }, starting with the event types it is about' },
  ),
  event: z.strictObject({
    type: z.enum(RULE_EMITS),
    params: z.strictObject({
      clause: CitedClause,
      points: CitedPoints,
      breach: z.enum(BREACH_KINDS).optional(),
      party: Party.optional(),
      partyFrom: z.string().optional(),
      /** what the trace says whenever the rule fires: what the clause promises that casus does not model */
      note: Text.optional(),
    }),
  }),
});
export type RuleDef = z.infer<typeof RuleDef>;

export const RuleFamily = z.strictObject({
  family: Id,
  description: Text,
  rules: z.array(RuleDef).min(1),
});
export type RuleFamily = z.infer<typeof RuleFamily>;

/** Plan-version overlays (rules/versions/*.json): each change cites its points, sources and how sure they are. */
const Cited = {
  points: z.array(z.string().regex(/^(\d{1,2}[a-d]?|SG)$/)).min(1),
  /** how sure the sources are of this change */
  confidence: z.enum(SOURCE_CONFIDENCE),
  note: z.string().min(1),
  sources: Sources,
};

export const PlanChange = z.union([
  z.strictObject({
    parameter: z.string(),
    value: z.number().refine(Number.isSafeInteger, { error: 'expected a whole number' }),
    ...Cited,
  }),
  z.strictObject({ removeRule: z.string(), ...Cited }),
  z.strictObject({ replaceRule: RuleDef, ...Cited }),
  z.strictObject({ addRule: RuleDef, family: z.string().min(1), ...Cited }),
]);
export type PlanChange = z.infer<typeof PlanChange>;

export const PlanVersion = z.strictObject({
  version: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  title: z.string().min(1),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** the version whose rules this one changes (absent: the base rule files) */
  'builds-on': z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .optional(),
  /** what the sources leave unpublished, and so stays as in the version it builds on */
  unpublished: z.string().min(1).optional(),
  sources: Sources,
  changes: z.array(PlanChange),
});
export type PlanVersion = z.infer<typeof PlanVersion>;
