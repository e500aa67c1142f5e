// The finite input domain: for each event type, the values each fact can take that any rule can tell apart.
import type { z } from 'zod';
import { PARTIES } from '../plan/parties.js';
import { SIGNATORIES } from '../plan/vocabulary.js';
import { dataFacts, type FactSpec } from '../rules/facts.js';
import type { RuleSet } from '../rules/load.js';
import type { LeafCondition } from '../rules/schema.js';
import { leaves } from '../rules/validate.js';
import { ScenarioEvent } from '../scenario/schema.js';

type Shape = Record<string, z.ZodType>;
const optionShapes: Map<string, Shape> = new Map(
  (ScenarioEvent.options as unknown as Array<{ shape: Shape }>).map((o) => [
    String((o.shape.type as unknown as { value: string }).value),
    o.shape,
  ]),
);

/** The fields a scenario event of `type` carries (none for deadlines), and whether each may be absent. */
export function eventFields(type: string): Map<string, { optional: boolean; values?: readonly unknown[] }> {
  const shape = optionShapes.get(type) ?? {};
  const out = new Map<string, { optional: boolean; values?: readonly unknown[] }>();
  for (const [name, schema] of Object.entries(shape)) {
    if (['at', 'type', 'id', 'note', 'source', 'confidence'].includes(name)) continue;
    const optional = schema.isOptional();
    const inner = (optional ? (schema as unknown as { unwrap(): z.ZodType }).unwrap() : schema) as unknown as {
      options?: readonly unknown[];
    };
    out.set(name, {
      optional,
      ...(Array.isArray(inner.options) && typeof inner.options[0] === 'string' ? { values: inner.options } : {}),
    });
  }
  return out;
}

export interface Dimension {
  /** the facts this dimension assigns together */
  facts: string[];
  values: Array<Record<string, unknown>>;
}

/** The distinct values of a list, by their JSON. */
export const uniq = <T>(xs: T[]) => [...new Map(xs.map((x) => [JSON.stringify(x), x])).values()];

/** What the rules can tell apart, collected once per rule set. */
export class Domain {
  readonly parties: string[];
  /** the parties the rules name (and UA, RU) */
  readonly named: ReadonlySet<string>;
  private readonly allLeaves: LeafCondition[];

  constructor(private readonly ruleSet: RuleSet) {
    this.allLeaves = ruleSet.rules.flatMap((r) => leaves(r.conditions));
    const natoMembers = new Set(ruleSet.gazetteer.natoMembers.members);
    const mentioned = new Set<string>(['UA', 'RU']);
    for (const l of this.allLeaves) {
      const kind = ruleSet.facts.get(l.fact)?.type.kind;
      const partyList = kind === 'list' && (ruleSet.facts.get(l.fact)!.type as { of: unknown }).of === 'party';
      if (kind !== 'party' && !partyList) continue;
      for (const v of Array.isArray(l.value) ? l.value : [l.value]) if (typeof v === 'string') mentioned.add(v);
    }
    // one party for each way of belonging to the data lists (NATO members, European parties, Russia's neighbours, …)
    const lists = [...ruleSet.facts.values()].filter(
      (f) => f.source === 'data' && f.type.kind === 'list' && f.type.of === 'party',
    );
    const data = dataFacts(ruleSet.gazetteer);
    const classOf = (p: string) =>
      lists
        .map(
          (f) =>
            ((data[f.name] as string[] | undefined) ?? []).includes(p) ||
            (f.name === 'nato-members' && natoMembers.has(p)),
        )
        .join();
    const classes = new Map<string, string>();
    for (const p of PARTIES) {
      if (mentioned.has(p) || (SIGNATORIES as readonly string[]).includes(p)) continue;
      if (!classes.has(classOf(p))) classes.set(classOf(p), p);
    }
    this.parties = [...mentioned, ...classes.values()];
    this.named = mentioned;
  }

  /** The numbers the rules compare `fact` with, each with its neighbours, and 0. */
  thresholds(fact: string, path?: string): number[] {
    const out = new Set<number>([0]);
    for (const l of this.allLeaves) {
      if (l.fact !== fact || l.path !== path) continue;
      const v = l.value;
      const t =
        typeof v === 'number'
          ? v
          : v !== null && typeof v === 'object' && !Array.isArray(v)
            ? this.ruleSet.settings.parameters.find((p) => p.name === v.fact)?.value
            : undefined;
      if (t !== undefined) for (const x of [t - 1, t, t + 1]) out.add(x);
    }
    return [...out].sort((a, b) => a - b);
  }

  private lists(fact: string, spec: FactSpec): unknown[][] {
    const out: unknown[][] = [[]];
    const elements = spec.type.kind === 'list' && spec.type.of !== 'party' ? [...spec.type.of] : this.parties;
    for (const l of this.allLeaves) {
      if (l.fact !== fact) continue;
      const v = l.value;
      if (Array.isArray(v)) {
        out.push(v);
        for (let i = 0; i < v.length; i++) out.push(v.filter((_, j) => j !== i));
      } else if (typeof v === 'string') out.push([v]);
    }
    if (out.length === 1 && elements[0] !== undefined) out.push([elements[0]]);
    return uniq(out);
  }

  private values(
    fact: string,
    spec: FactSpec,
    field: { optional: boolean; values?: readonly unknown[] } | undefined,
  ): unknown[] {
    const t = spec.type;
    const absent =
      (spec.source === 'event' && field?.optional && !spec.defaulted) ||
      (spec.source === 'history' && 'nullable' in t && t.nullable)
        ? [null]
        : [];
    switch (t.kind) {
      case 'enum':
        return [...absent, ...(field?.values ?? t.values)];
      case 'boolean':
        return [...absent, true, false];
      case 'party':
        return [...absent, ...(field?.values && field.values.length <= 10 ? field.values : this.parties)];
      case 'place':
        return [
          ...absent,
          ...uniq(
            this.allLeaves
              .filter((l) => l.fact === fact)
              .flatMap((l) => (Array.isArray(l.value) ? l.value : [l.value]))
              .filter((v) => typeof v === 'string'),
          ),
          'Kharkiv',
        ];
      case 'number':
        return [...absent, ...this.thresholds(fact)];
      case 'list':
        return this.lists(fact, spec);
      case 'record':
        return [];
    }
  }

  /** The dimensions to enumerate for rules about `type` that read `read`; other facts keep their neutral value. */
  dimensions(type: string, read: Array<{ fact: string; path?: string }>): Dimension[] {
    const fields = eventFields(type);
    const dims: Dimension[] = [];
    const done = new Set<string>(['type']);
    for (const { fact: named, path } of read) {
      // a data fact that a reading sets varies with that reading: enumerate the reading instead
      const fact = this.ruleSet.facts.get(named)?.setBy ?? named;
      const key = path ? `${fact}.${path}` : fact;
      if (done.has(key)) continue;
      done.add(key);
      const spec = this.ruleSet.facts.get(fact);
      if (!spec || spec.source === 'data' || (spec.source === 'setting' && spec.type.kind === 'number')) continue;
      if (spec.source === 'event' && !fields.has(fact)) continue;
      if (spec.type.kind === 'record' && path) {
        const values = [null, ...this.thresholds(fact, path)];
        dims.push({ facts: [key], values: values.map((v) => ({ [key]: v })) });
        continue;
      }
      const interpretation =
        spec.source === 'setting' ? this.ruleSet.settings.interpretations.find((i) => i.name === fact) : undefined;
      const sets = (value: unknown) => interpretation?.readings.find((r) => r.value === value)?.sets ?? {};
      const values = this.values(fact, spec, fields.get(fact)).map((v) => ({ [fact]: v, ...sets(v) }));
      dims.push({ facts: Object.keys(values[0] ?? { [fact]: null }), values });
    }
    return dims;
  }
}

/** Every combination of the dimensions' values, as fact assignments (an odometer, no recursion). */
export function* assignments(dims: readonly Dimension[]): Generator<Record<string, unknown>> {
  if (dims.some((d) => d.values.length === 0)) return;
  const index = dims.map(() => 0);
  for (;;) {
    yield Object.assign({}, ...dims.map((d, i) => d.values[index[i]!]));
    let i = dims.length - 1;
    while (i >= 0 && ++index[i]! === dims[i]!.values.length) index[i--] = 0;
    if (i < 0) return;
  }
}

export function domainSize(dims: readonly Dimension[]): number {
  return dims.reduce((n, d) => n * d.values.length, 1);
}
