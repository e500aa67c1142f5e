// A stochastic event model (models/*.yaml): zod schema, and loading with every problem at file:line, like scenarios.
import { z } from 'zod';
import { parseText, type ParsedText } from '../input/document.js';
import { InputError, type InputIssue } from '../issues/issue.js';
import { readInputText } from '../files/read.js';
import { zodToIssues } from '../issues/zod.js';
import type { RuleSet } from '../rules/load.js';
import { settingsVocabulary } from '../scenario/load.js';
import { IsoDate, Kebab, ScenarioEvent, settingsSchemas } from '../scenario/schema.js';

const Scalar = z.union([z.string(), z.number(), z.boolean()]);
const Chance = z
  .number()
  .min(0, { error: 'expected a probability between 0 and 1' })
  .max(1, { error: 'expected a probability between 0 and 1' });
const Whole = z.number().refine(Number.isSafeInteger, { error: 'expected a whole number' });

/** A field drawn at random in each run: one of some values (optionally weighted), or a whole number in a range. */
const Choice = z
  .strictObject({
    oneOf: z.array(Scalar).min(1),
    weights: z.array(z.number().positive({ error: 'weights are positive numbers' })).optional(),
  })
  .refine((c) => c.weights === undefined || c.weights.length === c.oneOf.length, {
    error: 'give one weight per value in oneOf',
    path: ['weights'],
  });
const between = (low: z.ZodType<number>) =>
  z.strictObject({ between: z.tuple([low, low]) }).refine((r) => r.between[0] <= r.between[1], {
    error: 'between: the first number is the smallest',
    path: ['between', 1],
  });
const Range = between(Whole);
/** Days after the start: never before it. */
const Days = Whole.refine((n) => n >= 0, { error: 'expected 0 or more days' });
type Choice = z.infer<typeof Choice>;
type Range = z.infer<typeof Range>;

/** An event field's name: letters and digits (never __proto__ or constructor, which would reach Object.prototype). */
const FIELD_NAME = /^(?!constructor$|prototype$)[a-z][A-Za-z0-9]*$/;

/** An event with fixed or random fields; `at` comes from the model, never from the template. */
const Template = z
  .record(
    z.string().regex(FIELD_NAME, { error: 'expected a field name of an event, e.g. type or scale' }),
    z.union([Scalar, z.array(Scalar), Choice, Range]),
  )
  .refine((t) => typeof t.type === 'string', {
    error: 'an event needs a fixed type, e.g. type: armed-attack',
    path: ['type'],
  })
  .refine((t) => !('at' in t), { error: 'the model sets the date of every event: remove at', path: ['at'] });
export type Template = z.infer<typeof Template>;

const Opening = z.strictObject({
  /** days after the start: a number or a range */
  after: z.union([Days, between(Days)]),
  /** the chance it happens at all (default: it always does) */
  probability: Chance.optional(),
  event: Template,
});

const Kind = z.strictObject({
  kind: Kebab,
  /** the chance of (at least) one such event in each year or month */
  probability: Chance,
  per: z.enum(['year', 'month']),
  /** at most one such event per run */
  once: z.boolean().optional(),
  event: Template,
});

function modelSchema(ruleSet: RuleSet) {
  const { interpretations, parameters } = settingsSchemas(settingsVocabulary(ruleSet));
  return z
    .strictObject({
      model: Kebab,
      title: z.string().min(1),
      description: z.string().optional(),
      /** the first day of every run */
      start: IsoDate,
      /** how long each run lasts */
      years: Whole.refine((n) => n >= 1 && n <= 100, { error: 'expected 1 to 100 years' }),
      interpretations: interpretations.optional(),
      parameters: parameters.optional(),
      opening: z.array(Opening).default([]),
      events: z.array(Kind).min(1, { error: 'a model needs at least one kind of event' }),
    })
    .refine((m) => new Set(m.events.map((k) => k.kind)).size === m.events.length, {
      error: 'each kind of event needs its own name',
      path: ['events'],
    });
}
type Model = z.infer<ReturnType<typeof modelSchema>>;

const isChoice = (v: unknown): v is Choice => v !== null && typeof v === 'object' && !Array.isArray(v) && 'oneOf' in v;
const isRange = (v: unknown): v is Range => v !== null && typeof v === 'object' && !Array.isArray(v) && 'between' in v;

/** The instances of a template the scenario schema must accept: every choice's every value, the ends of every range. */
function instances(
  template: Template,
): Array<{ event: Record<string, unknown>; path: (field: string) => PropertyKey[] }> {
  const first: Record<string, unknown> = { at: '2026-01-01' };
  for (const [k, v] of Object.entries(template)) first[k] = isChoice(v) ? v.oneOf[0] : isRange(v) ? v.between[0] : v;
  const out: Array<{ event: Record<string, unknown>; path: (field: string) => PropertyKey[] }> = [
    {
      event: first,
      path: (f: string) => (isChoice(template[f]) ? [f, 'oneOf', 0] : isRange(template[f]) ? [f, 'between', 0] : [f]),
    },
  ];
  for (const [k, v] of Object.entries(template)) {
    const alternatives: Array<[unknown, PropertyKey[]]> = isChoice(v)
      ? v.oneOf.slice(1).map((x, i): [unknown, PropertyKey[]] => [x, [k, 'oneOf', i + 1]])
      : isRange(v)
        ? [[v.between[1], [k, 'between', 1]]]
        : [];
    for (const [value, at] of alternatives)
      out.push({ event: { ...first, [k]: value }, path: (f) => (f === k ? at : out[0]!.path(f)) });
  }
  return out;
}

/** Every template must make valid scenario events; problems point into the model file. */
function checkTemplates(model: Model, parsed: ParsedText, file: string): InputIssue[] {
  const templates: Array<[Template, PropertyKey[]]> = [
    ...model.opening.map((o, i): [Template, PropertyKey[]] => [o.event, ['opening', i, 'event']]),
    ...model.events.map((k, i): [Template, PropertyKey[]] => [k.event, ['events', i, 'event']]),
  ];
  const issues: InputIssue[] = [];
  const seen = new Set<string>();
  for (const [template, at] of templates) {
    // zod's record drops a __proto__ key without a word; the parsed value still holds it
    const raw = at.reduce<unknown>(
      (v, k) => (v as Record<PropertyKey, unknown> | undefined)?.[k as string],
      parsed.value,
    );
    for (const key of Object.keys(raw ?? {}).filter((k) => !FIELD_NAME.test(k))) {
      const { line, column } = parsed.locate([...at, key], true);
      issues.push({
        code: 'invalid-value',
        file,
        line,
        column,
        path: `${pathTextOf(at)}.${key}`,
        message: `"${key}" is not a field of an event`,
        hint: 'fields are names such as type, by or scale',
      });
    }
    for (const { event, path } of instances(template)) {
      const result = ScenarioEvent.safeParse(event);
      if (result.success) continue;
      const inTemplate: ParsedText = {
        value: event,
        locate: (p, key) => parsed.locate(p.length ? [...at, ...path(String(p[0])), ...p.slice(1)] : at, key),
      };
      for (const issue of zodToIssues(result.error, ScenarioEvent, inTemplate, file)) {
        const where = `${issue.line}:${issue.column}:${issue.message}`;
        if (seen.has(where)) continue;
        seen.add(where);
        issues.push({ ...issue, path: `${pathTextOf(at)}.${issue.path}` });
      }
    }
  }
  return issues;
}

const pathTextOf = (path: PropertyKey[]) =>
  path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${String(s)}` : String(s))).join('');

export interface LoadedModel {
  file: string;
  model: Model;
}

export function parseModel(file: string, text: string, ruleSet: RuleSet): LoadedModel {
  const result = parseText(file, text, file.toLowerCase().endsWith('.json'));
  if (!result.ok) throw new InputError(result.issues);
  const schema = modelSchema(ruleSet);
  const checked = schema.safeParse(result.parsed.value);
  if (!checked.success) throw new InputError(zodToIssues(checked.error, schema, result.parsed, file));
  const issues = checkTemplates(checked.data, result.parsed, file);
  if (issues.length) throw new InputError(issues);
  return { file, model: checked.data };
}

/** The largest model file read: the bundled one is 3 kB. */
const MAX_MODEL_BYTES = 1024 * 1024;

export function loadModel(file: string, ruleSet: RuleSet): LoadedModel {
  const text = readInputText(file, {
    what: 'simulation model',
    maxBytes: MAX_MODEL_BYTES,
    extensions: ['.yaml', '.yml', '.json'],
    example: 'check the path; the bundled example is models/baseline.yaml',
    tooLarge: 'a simulation model is a few kilobytes; is this the right file?',
  });
  return parseModel(file, text, ruleSet);
}
