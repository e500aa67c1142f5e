// The library's entry points with their arguments checked at run time: a caller in plain JavaScript (or with `as any`)
// gets an InputError naming the function and the argument, never a TypeError from deep inside, and a loaded scenario
// changed after loading is validated again before it runs.
import { runCheck as check } from './check/index.js';
import { InputError, usageIssue } from './issues/issue.js';
import { dot as dotOf, mermaid as mermaidOf } from './render/diagram.js';
import { explain as explainOf } from './explain/explain.js';
import { explanationLines as explanationLinesOf } from './render/explainText.js';
import { htmlReport as html } from './render/html.js';
import { markdownReport as markdown } from './render/markdown.js';
import { textLines as lines } from './render/text.js';
import { applyPlanVersion as applyVersion } from './rules/versions.js';
import {
  loadPlannedRuleSet as loadPlanned,
  loadRuleSet as load,
  parseRuleSet as parseRules,
  planVersions as versions,
  type RuleSet,
} from './rules/load.js';
import {
  runOutcomes as outcomes,
  runScenario as runOne,
  streamScenario as stream,
  type RunOptions,
} from './run/runner.js';
import { parseOverrides as overridesOf, resolveSettings as resolve } from './run/settings.js';
import type { Trace } from './run/trace.js';
import {
  checkScenario as checkOne,
  loadScenario as loadOne,
  parseScenario as parseOne,
  type LoadedScenario,
} from './scenario/load.js';
import type { Scenario } from './scenario/schema.js';
import { assume as assumeIn, runBranches as branches } from './whatif/branches.js';
import { compareTraces as compare, type Side } from './whatif/compare.js';
import { runMatrix as matrix } from './whatif/matrix.js';
import { parseSweep as sweepOf, runSweep as sweep } from './whatif/sweep.js';

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object'
    ? 'an object'
    : typeof value === 'string'
      ? 'a string'
      : `${typeof value} ${String(value).slice(0, 40)}`;
}

function wrong(fn: string, arg: string, expected: string, value: unknown): never {
  throw new InputError([
    usageIssue(`${fn}: ${arg} must be ${expected}, got ${kind(value)}`, 'see the README, "casus as a library"'),
  ]);
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function text(fn: string, arg: string, v: unknown, optional = false): void {
  if (!(typeof v === 'string' || (optional && v === undefined)))
    wrong(fn, arg, optional ? 'a string or undefined' : 'a string', v);
}

function ruleSet(fn: string, v: unknown): asserts v is RuleSet {
  const ok =
    isObject(v) &&
    typeof v.dir === 'string' &&
    Array.isArray(v.rules) &&
    isObject(v.settings) &&
    isObject(v.clauses) &&
    Array.isArray((v.settings as Record<string, unknown>).parameters);
  if (!ok) wrong(fn, 'ruleSet', 'a rule set from loadRuleSet or parseRuleSet', v);
}

function record(fn: string, arg: string, v: unknown, values: 'string' | 'boolean'): void {
  if (v === undefined) return;
  if (!isObject(v) || !Object.values(v).every((x) => typeof x === values))
    wrong(fn, arg, `an object of ${values} values`, v);
}

function options(fn: string, v: unknown): RunOptions {
  if (v === undefined) return {};
  if (!isObject(v)) wrong(fn, 'options', 'an object such as { set: { "attack-test": "large-scale" } }', v);
  record(fn, 'options.set', v.set, 'string');
  if (v.engine !== undefined && v.engine !== 'reference' && v.engine !== 'compiled')
    wrong(fn, 'options.engine', '"reference" or "compiled"', v.engine);
  return v as RunOptions;
}

// the functions that return a promise reject it (they never throw before returning)

/**
 * A loaded scenario validated again (it may have been changed since loading), keeping its lines when they still fit.
 */
function loaded(fn: string, v: unknown, rules: RuleSet): LoadedScenario {
  if (!isObject(v) || !isObject(v.scenario))
    wrong(fn, 'scenario', 'a scenario from loadScenario, parseScenario or checkScenario', v);
  const file = typeof v.file === 'string' ? v.file : '<scenario>';
  const checked = checkOne(v.scenario, rules, file);
  const fits = (lines: unknown, n: number) =>
    Array.isArray(lines) && lines.length === n && lines.every((l) => Number.isSafeInteger(l) && l >= 0);
  return {
    ...checked,
    ...(fits(v.eventLines, checked.eventLines.length) ? { eventLines: v.eventLines as number[] } : {}),
    ...(fits(v.expectLines, checked.expectLines.length) ? { expectLines: v.expectLines as number[] } : {}),
  };
}

function trace(fn: string, v: unknown, arg = 'trace'): asserts v is Trace {
  if (!isObject(v) || !Array.isArray(v.steps) || !isObject(v.final) || !isObject(v.milestones))
    wrong(fn, arg, 'a trace from runScenario', v);
}

export const loadRuleSet = (dir?: string): RuleSet => (text('loadRuleSet', 'dir', dir, true), load(dir));
export const loadPlannedRuleSet = (dir?: string, plan?: string): RuleSet => (
  text('loadPlannedRuleSet', 'dir', dir, true), text('loadPlannedRuleSet', 'plan', plan, true), loadPlanned(dir, plan)
);
export const planVersions = (dir?: string): string[] => (text('planVersions', 'dir', dir, true), versions(dir));
export function parseRuleSet(...[dir, files]: Parameters<typeof parseRules>): RuleSet {
  text('parseRuleSet', 'dir', dir);
  if (
    !Array.isArray(files) ||
    !files.every((f) => isObject(f) && typeof f.name === 'string' && typeof f.text === 'string')
  )
    wrong('parseRuleSet', 'files', 'a list of { name, text }', files);
  return parseRules(dir, files);
}
export function applyPlanVersion(base: RuleSet, file: string, source: string): RuleSet {
  ruleSet('applyPlanVersion', base);
  text('applyPlanVersion', 'file', file);
  text('applyPlanVersion', 'text', source);
  return applyVersion(base, file, source);
}
export function loadScenario(file: string, rules: RuleSet): LoadedScenario {
  text('loadScenario', 'file', file);
  ruleSet('loadScenario', rules);
  return loadOne(file, rules);
}
export function parseScenario(file: string, source: string, rules: RuleSet): LoadedScenario {
  text('parseScenario', 'file', file);
  text('parseScenario', 'text', source);
  ruleSet('parseScenario', rules);
  return parseOne(file, source, rules);
}
export function checkScenario(value: unknown, rules: RuleSet, file?: string): LoadedScenario {
  ruleSet('checkScenario', rules);
  text('checkScenario', 'file', file, true);
  return checkOne(value, rules, file);
}
export async function runScenario(scenario: LoadedScenario, rules: RuleSet, runOptions?: RunOptions): Promise<Trace> {
  ruleSet('runScenario', rules);
  return runOne(loaded('runScenario', scenario, rules), rules, options('runScenario', runOptions));
}
export function streamScenario(
  scenario: LoadedScenario,
  rules: RuleSet,
  runOptions?: RunOptions,
): ReturnType<typeof stream> {
  ruleSet('streamScenario', rules);
  return stream(loaded('streamScenario', scenario, rules), rules, options('streamScenario', runOptions));
}
export function runOutcomes(
  scenario: LoadedScenario,
  rules: RuleSet,
  runOptions?: Pick<RunOptions, 'set'>,
  onStep?: Parameters<typeof outcomes>[3],
): ReturnType<typeof outcomes> {
  ruleSet('runOutcomes', rules);
  if (onStep !== undefined && typeof onStep !== 'function') wrong('runOutcomes', 'onStep', 'a function', onStep);
  return outcomes(loaded('runOutcomes', scenario, rules), rules, options('runOutcomes', runOptions), onStep);
}
export async function runBranches(
  scenario: LoadedScenario,
  rules: RuleSet,
  runOptions?: RunOptions,
): ReturnType<typeof branches> {
  ruleSet('runBranches', rules);
  return branches(loaded('runBranches', scenario, rules), rules, options('runBranches', runOptions));
}
export function assume(scenario: LoadedScenario, assumptions: Parameters<typeof assumeIn>[1]): LoadedScenario {
  if (!isObject(scenario) || !isObject(scenario.scenario) || !Array.isArray(scenario.scenario.events))
    wrong('assume', 'scenario', 'a scenario from loadScenario', scenario);
  record('assume', 'assumptions', assumptions, 'boolean');
  return assumeIn(scenario, assumptions ?? {});
}
export async function runMatrix(
  scenario: LoadedScenario,
  rules: RuleSet,
  matrixOptions?: Parameters<typeof matrix>[2],
): ReturnType<typeof matrix> {
  ruleSet('runMatrix', rules);
  if (matrixOptions !== undefined && !isObject(matrixOptions))
    wrong('runMatrix', 'options', 'an object', matrixOptions);
  if (
    matrixOptions?.only !== undefined &&
    !(Array.isArray(matrixOptions.only) && matrixOptions.only.every((n) => typeof n === 'string'))
  )
    wrong('runMatrix', 'options.only', 'a list of names', matrixOptions.only);
  record('runMatrix', 'options.set', matrixOptions?.set, 'string');
  return matrix(loaded('runMatrix', scenario, rules), rules, matrixOptions);
}
export function parseSweep(spec: string, rules: RuleSet): ReturnType<typeof sweepOf> {
  text('parseSweep', 'spec', spec);
  ruleSet('parseSweep', rules);
  return sweepOf(spec, rules);
}
export async function runSweep(
  scenario: LoadedScenario,
  rules: RuleSet,
  name: string,
  values: readonly number[],
  set?: Record<string, string>,
): ReturnType<typeof sweep> {
  ruleSet('runSweep', rules);
  text('runSweep', 'name', name);
  if (!Array.isArray(values) || !values.every((v) => Number.isFinite(v)))
    wrong('runSweep', 'values', 'a list of numbers', values);
  record('runSweep', 'set', set, 'string');
  return sweep(loaded('runSweep', scenario, rules), rules, name, values, set);
}
export function resolveSettings(
  rules: RuleSet,
  scenario: Scenario,
  overrides?: Record<string, string>,
): ReturnType<typeof resolve> {
  ruleSet('resolveSettings', rules);
  if (!isObject(scenario))
    wrong('resolveSettings', 'scenario', 'a scenario (the scenario field of a loaded scenario)', scenario);
  record('resolveSettings', 'overrides', overrides, 'string');
  return resolve(rules, scenario, overrides);
}
export function parseOverrides(pairs: readonly string[]): Record<string, string> {
  if (!Array.isArray(pairs) || !pairs.every((p) => typeof p === 'string'))
    wrong('parseOverrides', 'pairs', 'a list of "name=value" strings', pairs);
  return overridesOf(pairs);
}
export function runCheck(rules: RuleSet): ReturnType<typeof check> {
  ruleSet('runCheck', rules);
  return check(rules);
}
export function textLines(t: Trace, textOptions: Parameters<typeof lines>[1]): ReturnType<typeof lines> {
  trace('textLines', t);
  if (!isObject(textOptions) || typeof textOptions.colour !== 'boolean')
    wrong('textLines', 'options', 'an object such as { colour: false }', textOptions);
  return lines(t, textOptions);
}
export function explain(t: Trace, at?: string): ReturnType<typeof explainOf> {
  trace('explain', t);
  text('explain', 'at', at, true);
  return explainOf(t, at);
}
export function explanationLines(
  e: Parameters<typeof explanationLinesOf>[0],
  textOptions: Parameters<typeof explanationLinesOf>[1],
): ReturnType<typeof explanationLinesOf> {
  if (!isObject(e) || !Array.isArray((e as Record<string, unknown>).regions))
    wrong('explanationLines', 'explanation', 'an explanation from explain', e);
  if (!isObject(textOptions) || typeof textOptions.colour !== 'boolean')
    wrong('explanationLines', 'options', 'an object such as { colour: false }', textOptions);
  return explanationLinesOf(e, textOptions);
}
export const markdownReport = (t: Trace): string => (trace('markdownReport', t), markdown(t));
export const htmlReport = (t: Trace): string => (trace('htmlReport', t), html(t));
export function mermaid(t?: Trace): string {
  if (t !== undefined) trace('mermaid', t);
  return mermaidOf(t);
}
export function dot(t?: Trace): string {
  if (t !== undefined) trace('dot', t);
  return dotOf(t);
}
export function compareTraces(left: Side, right: Side): ReturnType<typeof compare> {
  for (const [arg, side] of [
    ['left', left],
    ['right', right],
  ] as const) {
    if (!isObject(side) || typeof side.label !== 'string')
      wrong('compareTraces', arg, 'an object { label, trace }', side);
    trace('compareTraces', side.trace, `${arg}.trace`);
  }
  return compare(left, right);
}
