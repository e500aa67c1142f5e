// casus as a library: load a rule set and a scenario, run it, read the trace.
export { loadRuleSet, parseRuleSet, DEFAULT_RULES_DIR, type RuleSet, type LoadedRule, type RuleFile } from './rules/load.js';
export { loadScenario, parseScenario, checkScenario, type LoadedScenario } from './scenario/load.js';
export { scenarioSchema, ScenarioEvent, Expectation, type Scenario, type SettingsVocabulary } from './scenario/schema.js';
export { scenarioJsonSchema } from './scenario/jsonSchema.js';
export { runScenario, streamScenario, runOutcomes, type RunOptions, type StepStream } from './run/runner.js';
export { resolveSettings, parseOverrides, type ResolvedSettings } from './run/settings.js';
export type { Trace, Step, FiredRule, NotFiredRule, ExpectationResult, Deadline, OutcomeStep, TraceHead, TraceEnd } from './run/trace.js';
export { guaranteeMachine, type GuaranteeContext, type MachineEvent, type MachineParameters } from './machine/machine.js';
export { statusOf, unaffectedRegions, regionsHandling, type GuaranteeSnapshot } from './machine/status.js';
export { InputError, formatIssue, formatIssues, type InputIssue } from './input/issues.js';
export { textLines } from './report/text.js';
export { explain, type Explanation, type WhyNot, type RegionReason } from './report/explain.js';
export { explanationLines } from './report/explainText.js';
export { markdownReport } from './report/markdown.js';
export { htmlReport } from './report/html.js';
export { mermaid, dot } from './report/diagram.js';
export { main } from './cli/main.js';
export * from './plan/vocabulary.js';
