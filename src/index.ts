// casus as a library: load a rule set and a scenario, run it, read the trace.
export { DEFAULT_RULES_DIR, type RuleSet, type LoadedRule, type RuleFile } from './rules/load.js';
// every function below checks its arguments at run time (see library.ts)
export {
  loadRuleSet,
  loadPlannedRuleSet,
  planVersions,
  parseRuleSet,
  applyPlanVersion,
  loadScenario,
  parseScenario,
  checkScenario,
  runScenario,
  streamScenario,
  runOutcomes,
  resolveSettings,
  parseOverrides,
  textLines,
  explain,
  explanationLines,
  markdownReport,
  htmlReport,
  mermaid,
  dot,
  runCheck,
  runBranches,
  assume,
  compareTraces,
  runMatrix,
  runSweep,
  parseSweep,
} from './library.js';
export { PlanVersion } from './rules/schema.js';
export type { PlanInfo } from './rules/ruleSet.js';
export type { LoadedScenario } from './scenario/load.js';
export {
  scenarioSchema,
  ScenarioEvent,
  Expectation,
  type Scenario,
  type SettingsVocabulary,
} from './scenario/schema.js';
export { scenarioJsonSchema } from './scenario/jsonSchema.js';
export type { RunOptions, StepStream } from './run/runner.js';
export type { ResolvedSettings } from './run/settings.js';
export type {
  Trace,
  Step,
  FiredRule,
  NotFiredRule,
  ExpectationResult,
  Deadline,
  OutcomeStep,
  TraceHead,
  TraceEnd,
} from './run/trace.js';
export { guaranteeMachine, type GuaranteeContext, type MachineEvent } from './machine/machine.js';
export type { MachineParameters } from './machine/parameters.js';
export { statusOf, regionsHandling, type GuaranteeSnapshot } from './machine/status.js';
export { unaffectedRegions } from './machine/step.js';
export { InputError, formatIssue, formatIssues, type InputIssue } from './issues/issue.js';
export type { Explanation, WhyNot, RegionReason } from './explain/explain.js';
export type { CheckReport, Finding } from './check/index.js';
export { MAX_BRANCHES, type BranchedRun, type Branch, type Outcome } from './whatif/branches.js';
export type { Comparison, Side } from './whatif/compare.js';
export type { Matrix } from './whatif/matrix.js';
export type { Sweep } from './whatif/sweep.js';
export type { CheckedLaw } from './check/index.js';
export { loadLaws, parseLaws, DEFAULT_LAWS_DIR, type LoadedLaw } from './laws/load.js';
export { main } from './cli/main.js';
export * from './plan/vocabulary.js';
