// Sensitivity: does this run's whole outcome hold under every reading, or which readings change it, and to what.
import type { RuleSet } from '../rules/load.js';
import { resolveSettings } from '../run/settings.js';
import type { Sensitivity } from '../run/trace.js';
import type { LoadedScenario } from '../scenario/load.js';
import { guaranteeText } from '../plan/vocabulary.js';
import { compensationNotes, DECIDED, odometer, searchOutcomes } from './matrix.js';
import { outcomeChanges, outcomeKey } from './outcome.js';
import { decidingNames } from './readings.js';

/**
 * The run under every combination of readings on the fast path (the matrix's search), against the run's own readings.
 */
/** Undefined when the run's own readings leave a fact open: the run branches, and each branch says what it assumes. */
export function sensitivityOf(
  loaded: LoadedScenario,
  ruleSet: RuleSet,
  set: Record<string, string> = {},
): Sensitivity | undefined {
  const names = ruleSet.settings.interpretations.map((i) => i.name);
  const current = resolveSettings(ruleSet, loaded.scenario, set).interpretations;
  const parameters = Object.fromEntries(Object.entries(set).filter(([k]) => !names.includes(k)));
  const { classes, facts, values } = searchOutcomes(loaded, ruleSet, names, parameters);
  const keys = [...names, ...facts.map((f) => f.key)];
  const order = odometer(values, names);
  // each class by its combination nearest to this run's readings (its free readings as this run's)
  const keyed = classes.map((c, index) => {
    const nearest = { ...c.combination };
    for (const n of names) nearest[n] ??= current[n]!;
    const first = { ...c.combination };
    for (const n of names) first[n] ??= values[n]![0]!;
    return { ...c, index, nearest, first: order(first), outcome: outcomeKey(c.final) };
  });
  const differs = (c: Record<string, string>) =>
    keys.filter((k) => (names.includes(k) ? c[k] !== current[k] : c[k] !== DECIDED));
  const distance = (c: Record<string, string>) => differs(c).length;
  const own = keyed.find((r) => distance(r.nearest) === 0);
  if (!own) return undefined;
  const readings = ruleSet.settings.interpretations.reduce((n, i) => n * i.readings.length, 1);
  const dependsOn = decidingNames(keyed, keys);
  // per other outcome, its nearest combination; ties go to the one first in the odometer
  const before = (a: (typeof keyed)[number], b: (typeof keyed)[number], key: 'first' | 'nearest') => {
    const [x, y] = key === 'first' ? [a.first, b.first] : [order(a.nearest), order(b.nearest)];
    return x < y || (x === y && a.index < b.index);
  };
  const others = [...new Set(keyed.map((r) => r.outcome))].filter((o) => o !== own.outcome);
  const alternatives = others
    .map((outcome) => {
      const of = keyed.filter((r) => r.outcome === outcome);
      const shown = of.reduce((a, b) => (before(b, a, 'first') ? b : a));
      const best = of.reduce((a, b) =>
        distance(b.nearest) < distance(a.nearest) ||
        (distance(b.nearest) === distance(a.nearest) && before(b, a, 'nearest'))
          ? b
          : a,
      );
      return { shown, best };
    })
    .sort((a, b) => (before(a.shown, b.shown, 'first') ? -1 : 1))
    .sort((a, b) => distance(a.best.nearest) - distance(b.best.nearest))
    .map(({ best }) => ({
      under: Object.fromEntries(differs(best.nearest).map((k) => [k, best.nearest[k]!])),
      guarantee: guaranteeText(best.final),
      changes: outcomeChanges(own.final, best.final),
    }));
  const notes = compensationNotes(dependsOn, loaded);
  return { readings, dependsOn, alternatives, notes };
}
