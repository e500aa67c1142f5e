// A parameter swept over a range: the outcome at each value, and the values where it flips.
import { InputError, usageIssue } from '../issues/issue.js';
import { didYouMean } from '../plan/suggest.js';
import type { RuleSet } from '../rules/load.js';
import { runOutcomes } from '../run/runner.js';
import type { LoadedScenario } from '../scenario/load.js';
import { guaranteeText, type Status } from '../plan/vocabulary.js';
import { outcomeChanges, outcomeKey } from './outcome.js';

export interface Sweep {
  scenario: string;
  file: string;
  parameter: string;
  /** facts the scenario leaves open, stated with --assume */
  assumed: Record<string, boolean>;
  /** per value: the guarantee, the number of breaches, and the whole final status */
  points: Array<{ value: number; outcome: string; breaches: number; final: Status }>;
  /** consecutive values between which the whole outcome (any region, any breach) changes, and what changes */
  flips: Array<{ from: number; to: number; before: string; after: string; changes: string[] }>;
}

const MAX_VALUES = 1000;

/** Parses `name=a..b:step` or `name=v1,v2,...` into a parameter name and its values. */
export function parseSweep(spec: string, ruleSet: RuleSet): { name: string; values: number[] } {
  const m = /^([a-z0-9-]+)=(.+)$/.exec(spec);
  const names = ruleSet.settings.parameters.map((p) => p.name);
  if (!m)
    throw new InputError([
      usageIssue(
        `--param ${spec}: expected NAME=FROM..TO:STEP or NAME=V1,V2,…`,
        'e.g. --param retaliation-window-days=0..90:10',
      ),
    ]);
  const [, name, range] = m as unknown as [string, string, string];
  const parameter = ruleSet.settings.parameters.find((p) => p.name === name);
  if (!parameter)
    throw new InputError([
      usageIssue(
        `--param ${spec}: unknown parameter "${name}"`,
        didYouMean(name, names) ?? `the parameters are ${names.join(', ')}`,
      ),
    ]);
  const whole = (t: string) => /^-?\d+$/.test(t.trim());
  let values: number[];
  const r = /^(-?\d+)\.\.(-?\d+)(?::(\d+))?$/.exec(range);
  if (r) {
    const [from, to, step] = [Number(r[1]), Number(r[2]), Number(r[3] ?? 1)];
    if (step <= 0 || to < from)
      throw new InputError([
        usageIssue(
          `--param ${spec}: the range must go up by a positive step`,
          `e.g. ${name}=${Math.min(from, to)}..${Math.max(from, to)}:1`,
        ),
      ]);
    if ((to - from) / step + 1 > MAX_VALUES)
      throw new InputError([usageIssue(`--param ${spec}: more than ${MAX_VALUES} values`, 'use a larger step')]);
    values = [];
    for (let v = from; v <= to; v += step) values.push(v);
  } else if (range.split(',').every(whole)) values = range.split(',').map(Number);
  else
    throw new InputError([
      usageIssue(
        `--param ${spec}: expected FROM..TO:STEP or a list of whole numbers`,
        'e.g. --param force-cap=500000..900000:50000',
      ),
    ]);
  const low = values.find((v) => v < parameter.minimum);
  if (low !== undefined)
    throw new InputError([usageIssue(`--param ${spec}: ${name} is at least ${parameter.minimum} (got ${low})`)]);
  return { name, values };
}

export async function runSweep(
  loaded: LoadedScenario,
  ruleSet: RuleSet,
  name: string,
  values: readonly number[],
  set: Record<string, string> = {},
): Promise<Sweep> {
  const points: Sweep['points'] = [];
  for (const value of values) {
    const f = runOutcomes(loaded, ruleSet, { set: { ...set, [name]: String(value) } }).final;
    points.push({ value, outcome: guaranteeText(f), breaches: f.breaches.length, final: f });
  }
  const flips: Sweep['flips'] = [];
  points.forEach((p, i) => {
    const before = points[i - 1];
    if (before && outcomeKey(before.final) !== outcomeKey(p.final))
      flips.push({
        from: before.value,
        to: p.value,
        before: before.outcome,
        after: p.outcome,
        changes: outcomeChanges(before.final, p.final),
      });
  });
  return {
    scenario: loaded.scenario.scenario,
    file: loaded.file,
    parameter: name,
    assumed: loaded.assumed ?? {},
    points,
    flips,
  };
}
