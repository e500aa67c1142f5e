// A worker thread of the simulation pool: loads the rule set once, then counts ranges of runs.
import { loadRuleSet, type RuleSet } from '../rules/load.js';
import type { LoadedModel } from './model.js';
import { tallyRuns, type Tally } from './tally.js';

export interface Task {
  rulesDir: string;
  model: LoadedModel;
  overrides: Record<string, string>;
  seed: number;
  from: number;
  to: number;
}

const ruleSets = new Map<string, RuleSet>();

export default function countRuns(task: Task): Tally {
  let ruleSet = ruleSets.get(task.rulesDir);
  if (!ruleSet) ruleSets.set(task.rulesDir, (ruleSet = loadRuleSet(task.rulesDir)));
  return tallyRuns(task.model, ruleSet, task.overrides, task.seed, task.from, task.to);
}
