// Sensitivity: does this run's whole outcome hold under every reading, or which readings change it, and to what.
import type { RuleSet } from '../rules/load.js';
import { resolveSettings } from '../run/settings.js';
import type { Sensitivity } from '../run/trace.js';
import type { LoadedScenario } from '../scenario/load.js';
import { guaranteeText } from '../plan/vocabulary.js';
import { COMPENSATION_NOTE, DECIDED, searchOutcomes } from './matrix.js';
import { outcomeChanges, outcomeKey } from './outcome.js';
import { decidingNames } from './readings.js';

/** The run under every combination of readings on the fast path (the matrix's search), against the run's own readings. */
/** Undefined when the run's own readings leave a fact open: the run branches, and each branch says what it assumes. */
export function sensitivityOf(
  loaded: LoadedScenario,
  ruleSet: RuleSet,
  set: Record<string, string> = {},
): Sensitivity | undefined {
  const names = ruleSet.settings.interpretations.map((i) => i.name);
  const current = resolveSettings(ruleSet, loaded.scenario, set).interpretations;
  const parameters = Object.fromEntries(Object.entries(set).filter(([k]) => !names.includes(k)));
  const { rows, facts } = searchOutcomes(loaded, ruleSet, names, parameters);
  const keys = [...names, ...facts.map((f) => f.key)];
  const keyed = rows.map((r) => ({ ...r, outcome: outcomeKey(r.final) }));
  const distance = (c: Record<string, string>) =>
    keys.filter((k) => (names.includes(k) ? c[k] !== current[k] : c[k] !== DECIDED)).length;
  const own = keyed.find((r) => distance(r.combination) === 0);
  if (!own) return undefined;
  const readings = ruleSet.settings.interpretations.reduce((n, i) => n * i.readings.length, 1);
  const dependsOn = decidingNames(keyed, keys);
  const nearest = new Map<string, (typeof keyed)[number]>();
  for (const r of keyed) {
    if (r.outcome === own.outcome) continue;
    const best = nearest.get(r.outcome);
    if (!best || distance(r.combination) < distance(best.combination)) nearest.set(r.outcome, r);
  }
  const alternatives = [...nearest.values()]
    .sort((a, b) => distance(a.combination) - distance(b.combination))
    .map((r) => ({
      under: Object.fromEntries(
        keys
          .filter((k) => (names.includes(k) ? r.combination[k] !== current[k] : r.combination[k] !== DECIDED))
          .map((k) => [k, r.combination[k]!]),
      ),
      guarantee: guaranteeText(r.final),
      changes: outcomeChanges(own.final, r.final),
    }));
  const notes =
    dependsOn.includes('compensation') && !loaded.scenario.events.some((e) => e.type === 'compensation-paid')
      ? [COMPENSATION_NOTE]
      : [];
  return { readings, dependsOn, alternatives, notes };
}
