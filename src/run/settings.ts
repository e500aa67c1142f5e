// Resolving interpretations and parameters: rule-set defaults, then the scenario, then --set overrides.
import { InputError, usageIssue, type InputIssue } from '../issues/issue.js';
import { didYouMean, listOf } from '../plan/suggest.js';
import type { RuleSet } from '../rules/load.js';
import type { Scenario } from '../scenario/schema.js';

export interface ResolvedSettings {
  interpretations: Record<string, string>;
  parameters: Record<string, number>;
  /** parameters whose value is our assumption rather than the plan's text */
  assumptions: string[];
  defaults: Record<string, string | number>;
}

/** What a setting's name looks like (never __proto__ or constructor, which would reach Object.prototype). */
const SETTING_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Parses `name=value` pairs (from repeated --set) into a record; bad pairs are usage errors. */
export function parseOverrides(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const issues: InputIssue[] = [];
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const name = pair.slice(0, Math.max(0, eq)).trim();
    if (eq <= 0 || eq === pair.length - 1 || !SETTING_NAME.test(name))
      issues.push(
        usageIssue(
          `--set ${pair}: expected name=value, the name in kebab-case`,
          'e.g. --set attack-test=significant-deliberate-sustained or --set force-cap=800000',
        ),
      );
    else out[name] = pair.slice(eq + 1).trim();
  }
  if (issues.length) throw new InputError(issues);
  return out;
}

/** Checks overrides against the rule set, so an unknown name or value lists the valid ones. */
export function checkOverrides(ruleSet: RuleSet, overrides: Record<string, string>): InputIssue[] {
  const issues: InputIssue[] = [];
  const names = [
    ...ruleSet.settings.interpretations.map((i) => i.name),
    ...ruleSet.settings.parameters.map((p) => p.name),
  ];
  for (const [name, value] of Object.entries(overrides)) {
    const interpretation = ruleSet.settings.interpretations.find((i) => i.name === name);
    const parameter = ruleSet.settings.parameters.find((p) => p.name === name);
    if (interpretation) {
      const values = interpretation.readings.map((r) => r.value);
      if (!values.includes(value))
        issues.push(
          usageIssue(`--set ${name}=${value}: ${name} is one of ${listOf(values)}`, didYouMean(value, values)),
        );
    } else if (parameter) {
      const n = Number(value);
      if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(n))
        issues.push(usageIssue(`--set ${name}=${value}: ${name} is a whole number of ${parameter.unit}`));
      else if (n < parameter.minimum)
        issues.push(usageIssue(`--set ${name}=${value}: ${name} is at least ${parameter.minimum}`));
    } else if (ruleSet.settings.interpretations.some((i) => i.replaces?.includes(name))) {
      const now = ruleSet.settings.interpretations.find((i) => i.replaces?.includes(name))!;
      issues.push(
        usageIssue(
          `--set ${name}=${value}: ${name} was renamed ${now.name}`,
          `write --set ${now.name}=… (one of ${listOf(now.readings.map((r) => r.value))})`,
        ),
      );
    } else {
      issues.push(
        usageIssue(
          `--set ${name}=${value}: unknown interpretation or parameter "${name}"`,
          didYouMean(name, names) ?? `known: ${listOf(names, 20)}`,
        ),
      );
    }
  }
  return issues;
}

export function resolveSettings(
  ruleSet: RuleSet,
  scenario: Scenario,
  overrides: Record<string, string> = {},
): ResolvedSettings {
  const issues = checkOverrides(ruleSet, overrides);
  if (issues.length) throw new InputError(issues);
  const interpretations: Record<string, string> = {};
  for (const i of ruleSet.settings.interpretations) {
    interpretations[i.name] =
      overrides[i.name] ??
      (scenario.interpretations as Record<string, string> | undefined)?.[i.name] ??
      i.readings[0]!.value;
  }
  const parameters: Record<string, number> = {};
  for (const p of ruleSet.settings.parameters) {
    parameters[p.name] =
      overrides[p.name] !== undefined ? Number(overrides[p.name]) : (scenario.parameters?.[p.name] ?? p.value);
  }
  const assumptions = ruleSet.settings.parameters.filter((p) => p.assumption).map((p) => p.name);
  const defaults: Record<string, string | number> = {};
  for (const i of ruleSet.settings.interpretations) defaults[i.name] = i.readings[0]!.value;
  for (const p of ruleSet.settings.parameters) defaults[p.name] = p.value;
  return { interpretations, parameters, assumptions, defaults };
}
