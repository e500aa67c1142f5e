// Rule sets built in memory from the bundled rules/ files, then broken one way at a time:
// each problem must come back as an InputIssue naming the file, the line, the field and what was expected.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, type InputIssue } from '../src/issues/issue.js';
import { MACHINE_PARAMETERS } from '../src/machine/parameters.js';
import { DEFAULT_RULES_DIR, loadRuleSet, parseRuleSet, type RuleFile, type RuleSet } from '../src/rules/load.js';
import { fromValidated, validatedText } from '../src/rules/validated.js';

const DIR = '/rules';
const BUNDLED: RuleFile[] = readdirSync(DEFAULT_RULES_DIR)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(DEFAULT_RULES_DIR, name), 'utf8') }));

function bundledText(name: string): string {
  const file = BUNDLED.find((f) => f.name === name);
  if (!file) throw new Error(`the bundled rules have no ${name}`);
  return file.text;
}

/** The bundled files with `name` replaced by `text` (or removed when `text` is undefined). */
function withFile(name: string, text: string | undefined): RuleFile[] {
  const others = BUNDLED.filter((f) => f.name !== name);
  return text === undefined ? others : [...others, { name, text }];
}

/** The bundled file with exactly one occurrence of `from` replaced by `to`. */
function edit(name: string, from: string, to: string): string {
  const text = bundledText(name);
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0)
    throw new Error(`expected exactly one ${JSON.stringify(from)} in ${name}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** 1-based line of the first occurrence of `needle` in `text`. */
function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`${JSON.stringify(needle)} not found`);
  return text.slice(0, at).split('\n').length;
}

function issuesOf(files: readonly RuleFile[]): InputIssue[] {
  try {
    parseRuleSet(DIR, files);
  } catch (error) {
    if (error instanceof InputError) return error.issues;
    throw error;
  }
  throw new Error('expected the rule set to be rejected');
}

/** Loads with one file changed; expects exactly one issue and returns it. */
function oneIssue(name: string, text: string | undefined): InputIssue {
  const issues = issuesOf(withFile(name, text));
  expect(issues, JSON.stringify(issues, null, 2)).toHaveLength(1);
  return issues[0]!;
}

describe('the bundled rule set', () => {
  it('loads from disk, and every rule names the event types it is about', () => {
    const ruleSet: RuleSet = loadRuleSet();
    expect(ruleSet.rules.length).toBeGreaterThan(10);
    for (const rule of ruleSet.rules) {
      expect(rule.eventTypes, rule.name).not.toHaveLength(0);
      expect(rule.line, rule.name).toBeGreaterThan(0);
    }
  });

  it('loads from memory exactly as from disk', () => {
    const fromMemory = parseRuleSet(DIR, BUNDLED);
    expect(fromMemory.rules.map((r) => r.name)).toEqual(loadRuleSet().rules.map((r) => r.name));
    expect(fromMemory.rules.every((r) => r.file.startsWith(`${DIR}/`))).toBe(true);
  });
});

describe('the rule set the build validated (dist/rules.validated.json)', () => {
  const parsed = parseRuleSet(DIR, BUNDLED);
  const text = validatedText(BUNDLED, parsed);

  it('reads back as the very rule set the files parse to', () => {
    expect(fromValidated(DIR, BUNDLED, text)).toStrictEqual(parsed);
  });

  it('is not used once a file reads differently, or for another directory, or when it is not JSON', () => {
    const edited = BUNDLED.map((f, i) => (i === 3 ? { ...f, text: `${f.text} ` } : f));
    expect(fromValidated(DIR, edited, text)).toBeUndefined();
    expect(fromValidated(DIR, BUNDLED.slice(1), text)).toBeUndefined();
    expect(fromValidated('/elsewhere/rules', BUNDLED, text)).toBeUndefined();
    expect(fromValidated(DIR, BUNDLED, text.slice(0, -1))).toBeUndefined();
  });
});

/** 1-based line and column of `token`, which must occur exactly once in `text`. */
function at(text: string, token: string): { line: number; column: number } {
  const offset = text.indexOf(token);
  if (offset < 0 || text.indexOf(token, offset + 1) >= 0)
    throw new Error(`expected exactly one ${JSON.stringify(token)}`);
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

const TRIGGER = 'guarantee-trigger.json';
const SCALE_LARGE = '{ "fact": "scale", "operator": "equal", "value": "large-scale" }';
const NATO = 'nato-obligations.json';
const NOT_UA = '{ "fact": "party", "operator": "notEqual", "value": "UA" }';

describe('rule conditions', () => {
  it('an unknown fact names its line and suggests the right one', () => {
    const text = edit(TRIGGER, '"fact": "crossesLine"', '"fact": "crossesLin"');
    const issue = oneIssue(TRIGGER, text);
    expect(issue).toMatchObject({
      code: 'invalid-rule',
      file: '/rules/guarantee-trigger.json',
      ...at(text, '"crossesLin"'),
      path: 'rules[0].conditions.all[5].fact',
    });
    expect(issue.message).toBe('unknown fact "crossesLin"');
    expect(issue.hint).toBe('did you mean "crossesLine"?');
  });

  it('an unknown operator names the condition and its line', () => {
    const text = edit(TRIGGER, SCALE_LARGE, SCALE_LARGE.replace('"equal"', '"equals"'));
    const issue = oneIssue(TRIGGER, text);
    expect(issue).toMatchObject({ file: '/rules/guarantee-trigger.json', line: lineOf(text, '"equals"') });
    expect(issue.path).toMatch(/^rules\[0\]\.conditions\.all\[4\]/);
  });

  it('an unknown operator is named, with the operators allowed and a suggestion', () => {
    const text = edit(TRIGGER, SCALE_LARGE, SCALE_LARGE.replace('"equal"', '"equals"'));
    const issue = oneIssue(TRIGGER, text);
    expect(issue).toMatchObject({ ...at(text, '"equals"'), path: 'rules[0].conditions.all[4].operator' });
    expect(issue.message).toContain('equals');
    expect(issue.hint).toBe('did you mean "equal"?');
  });

  it('a numeric operator on a fact that is not a number is rejected', () => {
    const text = edit(TRIGGER, SCALE_LARGE, SCALE_LARGE.replace('"equal"', '"greaterThan"'));
    const issue = oneIssue(TRIGGER, text);
    expect(issue).toMatchObject({
      code: 'invalid-rule',
      ...at(text, '"greaterThan"'),
      path: 'rules[0].conditions.all[4].operator',
    });
    expect(issue.message).toBe('greaterThan compares numbers, but scale is not a number');
  });

  it('a list operator on a single-valued fact is rejected, with the operators that fit', () => {
    const text = edit(NATO, NOT_UA, NOT_UA.replace('"notEqual"', '"contains"'));
    const issue = oneIssue(NATO, text);
    expect(issue).toMatchObject({
      code: 'invalid-rule',
      ...at(text, '"contains"'),
      path: 'rules[3].conditions.all[1].operator',
    });
    expect(issue.message).toBe('operator contains does not apply to a single value (party)');
    expect(issue.hint).toBe(
      'use one of equal, notEqual, in, notIn, lessThan, lessThanInclusive, greaterThan or greaterThanInclusive',
    );
  });

  it("a value outside the fact's domain lists the values and suggests the right one", () => {
    const text = edit(TRIGGER, SCALE_LARGE, SCALE_LARGE.replace('"large-scale"', '"larg-scale"'));
    const issue = oneIssue(TRIGGER, text);
    expect(issue).toMatchObject({
      code: 'invalid-rule',
      ...at(text, '"larg-scale"'),
      path: 'rules[0].conditions.all[4].value',
    });
    expect(issue.message).toBe(
      '"larg-scale" is not a value scale can take: expected one of incident, limited or large-scale or null',
    );
    expect(issue.hint).toBe('did you mean "large-scale"?');
  });

  it('a JSONPath filter in path is rejected by the plain-path rule', () => {
    const from = '"fact": "daysSinceRussianAttack", "operator": "equal"';
    const text = edit(
      'ukraine-conduct.json',
      from,
      '"fact": "daysSinceRussianAttack", "path": "$..[?(@.x)]", "operator": "equal"',
    );
    const issue = oneIssue('ukraine-conduct.json', text);
    expect(issue).toMatchObject({
      code: 'invalid-format',
      file: '/rules/ukraine-conduct.json',
      ...at(text, '"$..[?(@.x)]"'),
    });
    expect(issue.path).toMatch(/^rules\[1\]\.conditions\..*\.path$/);
    expect(issue.message).toBe(
      'expected a plain dot path such as region.value (no JSONPath, filters or expressions), got "$..[?(@.x)]"',
    );
  });

  it('an expression in path is rejected, whatever the fact', () => {
    for (const expression of ['a[0]', 'x; process.exit()', '${x}', 'a..b']) {
      const text = edit(
        'ukraine-conduct.json',
        '"fact": "daysSinceRussianAttack", "operator": "equal"',
        `"fact": "daysSinceRussianAttack", "path": ${JSON.stringify(expression)}, "operator": "equal"`,
      );
      const issue = oneIssue('ukraine-conduct.json', text);
      expect(issue, expression).toMatchObject({
        code: 'invalid-format',
        line: lineOf(text, JSON.stringify(expression)),
      });
      expect(issue.path).toMatch(/\.path$/);
    }
  });

  it('a path walking into constructor.prototype is rejected before any fact is looked up', () => {
    const text = edit(
      'ukraine-conduct.json',
      '"fact": "daysSinceRussianAttack", "operator": "equal"',
      '"fact": "daysSinceRussianAttack", "path": "constructor.prototype", "operator": "equal"',
    );
    const issue = oneIssue('ukraine-conduct.json', text);
    expect(issue).toMatchObject({ code: 'invalid-value', ...at(text, '"constructor.prototype"') });
    expect(issue.path).toMatch(/^rules\[1\]\.conditions\..*\.path$/);
    expect(issue.message).toBe('a path may not walk into __proto__, constructor or prototype: "constructor.prototype"');
  });

  it('a path on a fact that takes none is rejected', () => {
    const text = edit(
      TRIGGER,
      SCALE_LARGE,
      '{ "fact": "scale", "path": "size", "operator": "equal", "value": "large-scale" }',
    );
    const issue = oneIssue(TRIGGER, text);
    expect(issue).toMatchObject({
      code: 'invalid-rule',
      ...at(text, '"size"'),
      path: 'rules[0].conditions.all[4].path',
    });
    expect(issue.message).toBe('fact "scale" is a plain value and takes no path');
  });

  it('a rule that does not begin with a type condition says what to begin with', () => {
    const text = edit(
      NATO,
      `{ "fact": "type", "operator": "equal", "value": "nato-accession" },\n        ${NOT_UA}`,
      NOT_UA,
    );
    const issue = oneIssue(NATO, text);
    expect(issue).toMatchObject({ code: 'invalid-rule', ...at(text, NOT_UA), path: 'rules[3].conditions.all[0]' });
    expect(issue.message).toBe('a rule must begin with the event types it is about');
    expect(issue.hint).toBe('{ "fact": "type", "operator": "in", "value": ["armed-attack"] }');
  });

  it('a "__proto__" key inside a condition is an unknown field, without a crash or pollution', () => {
    const text = edit(TRIGGER, SCALE_LARGE, SCALE_LARGE.replace(' }', ', "__proto__": { "polluted": true } }'));
    const issue = oneIssue(TRIGGER, text);
    expect(issue).toMatchObject({
      code: 'unknown-field',
      ...at(text, '"__proto__"'),
      path: 'rules[0].conditions.all[4].__proto__',
    });
    expect(issue.message).toBe('unknown field "__proto__"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
  });
});

describe('rule events and names', () => {
  it('a rule citing an unknown clause suggests the right one', () => {
    const text = edit(TRIGGER, '"clause": "snapback", "points": ["10c"]', '"clause": "snapbak", "points": ["10c"]');
    const issue = oneIssue(TRIGGER, text);
    expect(issue).toMatchObject({
      code: 'invalid-rule',
      ...at(text, '"snapbak"'),
      path: 'rules[1].event.params.clause',
    });
    expect(issue.message).toBe('unknown clause "snapbak"');
    expect(issue.hint).toBe('did you mean "snapback"?');
  });

  it('a rule name used in two files names the file that has it first', () => {
    const text = edit('term.json', '"name": "term-ends"', '"name": "qualifying-russian-attack"');
    const issue = oneIssue('term.json', text);
    expect(issue).toMatchObject({
      code: 'invalid-rule',
      file: '/rules/term.json',
      line: lineOf(text, '"qualifying-russian-attack"'),
      path: 'rules[0].name',
    });
    expect(issue.message).toBe('rule name "qualifying-russian-attack" is already used in guarantee-trigger.json');
  });

  it('a BREACH rule without "breach" says it needs the kind of breach', () => {
    const text = edit('non-aggression.json', ', "breach": "buffer-zone", "partyFrom": "by"', ', "partyFrom": "by"');
    const issue = oneIssue('non-aggression.json', text);
    expect(issue).toMatchObject({
      code: 'invalid-rule',
      file: '/rules/non-aggression.json',
      line: lineOf(text, '"clause": "buffer-zone"'),
      path: 'rules[5].event.params',
    });
    expect(issue.message).toBe('BREACH needs "breach": the kind of breach it records');
  });

  it('a BREACH rule without its party says it needs party or partyFrom', () => {
    const text = edit(
      'non-aggression.json',
      ', "breach": "buffer-zone", "partyFrom": "by"',
      ', "breach": "buffer-zone"',
    );
    const issue = oneIssue('non-aggression.json', text);
    expect(issue).toMatchObject({
      code: 'invalid-rule',
      line: lineOf(text, '"clause": "buffer-zone"'),
      path: 'rules[5].event.params',
    });
    expect(issue.message).toBe('BREACH needs exactly one of "party" or "partyFrom" (the breaching party)');
  });

  it('a partyFrom that is no one-party field of an event names the fields it may be, with a suggestion', () => {
    const text = edit('non-aggression.json', '"buffer-zone", "partyFrom": "by"', '"buffer-zone", "partyFrom": "bye"');
    const issue = oneIssue('non-aggression.json', text);
    expect(issue).toMatchObject({ code: 'invalid-rule', path: 'rules[5].event.params.partyFrom' });
    expect(issue.message).toBe(
      'partyFrom names the event field that holds the breaching party: one of party, by, against or in',
    );
    expect(issue.hint).toBe('did you mean "by"?');
  });

  it('problems in several files are all reported at once', () => {
    const trigger = edit(TRIGGER, '"fact": "crossesLine"', '"fact": "crossesLin"');
    const term = edit(
      'term.json',
      '"clause": "term", "points": ["SG"] } }\n    },',
      '"clause": "terms", "points": ["SG"] } }\n    },',
    );
    const files = [
      ...BUNDLED.filter((f) => f.name !== TRIGGER && f.name !== 'term.json'),
      { name: TRIGGER, text: trigger },
      { name: 'term.json', text: term },
    ];
    const issues = issuesOf(files);
    expect(issues.map((i) => [i.file, i.path])).toEqual([
      ['/rules/guarantee-trigger.json', 'rules[0].conditions.all[5].fact'],
      ['/rules/term.json', 'rules[0].event.params.clause'],
    ]);
  });
});

describe('rule-set data files', () => {
  it('a missing clauses.json is named, with a hint', () => {
    const issue = oneIssue('clauses.json', undefined);
    expect(issue).toMatchObject({ code: 'missing-file', file: '/rules/clauses.json', path: '' });
    expect(issue.message).toMatch(/^missing: a rule set needs clauses\.json/);
    expect(issue.hint).toBe('copy the bundled rules/ directory and edit it');
  });

  it.each(MACHINE_PARAMETERS)('settings without %s, a parameter the statechart reads, are rejected', (name) => {
    const text = bundledText('settings.json')
      .replace(new RegExp(`^\\s*\\{ "name": "${name}".*\\n`, 'm'), '')
      .replace(/,(\s*\])/, '$1'); // the last entry's comma, when the last one goes
    expect(text).not.toContain(`"${name}"`);
    const issue = oneIssue('settings.json', text);
    expect(issue).toMatchObject({
      code: 'invalid-rule',
      file: '/rules/settings.json',
      line: lineOf(text, '"parameters"'),
      path: 'parameters',
    });
    expect(issue.message).toBe(`missing parameter "${name}": the statechart needs it`);
  });

  it('a parameter default below its minimum names the parameter and the minimum', () => {
    const text = edit('settings.json', '"name": "relief-steps", "value": 3', '"name": "relief-steps", "value": 0');
    const issue = oneIssue('settings.json', text);
    const key = at(text, '"value": 0');
    expect(issue).toMatchObject({
      code: 'invalid-rule',
      file: '/rules/settings.json',
      line: key.line,
      column: key.column + '"value": '.length,
    });
    expect(issue.path).toMatch(/^parameters\[\d+\]\.value$/);
    expect(issue.message).toBe('relief-steps is 0, below its minimum 1');
  });

  it('invalid JSON in a rule file names the file, line and column', () => {
    const text = edit('term.json', '"name": "term-ends",', '"name": "term-ends"');
    const issue = oneIssue('term.json', text);
    const next = lineOf(text, '"name": "term-ends"') + 1;
    expect(issue).toMatchObject({
      code: 'syntax',
      file: '/rules/term.json',
      line: next,
      column: text.split('\n')[next - 1]!.indexOf('"') + 1,
      path: '',
    });
    expect(issue.message).toMatch(/^not valid JSON: /);
    expect(issue.hint).toBe('check for a missing or extra comma, quote or bracket here');
  });

  it('a trailing comma in a rule file names the token after it', () => {
    const text = edit('term.json', '"value": "term-end" }\n', '"value": "term-end" },\n');
    const issue = oneIssue('term.json', text);
    expect(issue).toMatchObject({
      code: 'syntax',
      file: '/rules/term.json',
      line: lineOf(text, '"value": "term-end" },') + 1,
      path: '',
    });
    expect(issue.message).toMatch(/^not valid JSON: Unexpected token '\]'/);
  });
});
