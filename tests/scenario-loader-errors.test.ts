// Bad scenario files, one kind at a time: each must come back as InputIssues that name the file,
// the line (and column), the field and what was expected — never a crash or a stack trace.
import { describe, expect, it } from 'vitest';
import { formatIssues, InputError, type InputIssue } from '../src/issues/issue.js';
import { loadRuleSet } from '../src/rules/load.js';
import { checkScenario, parseScenario } from '../src/scenario/load.js';

const ruleSet = loadRuleSet();

/** Lines 1–2 of every YAML case; `events:` is line 3 and the first event line 4. */
const HEAD = 'scenario: bad-input\ntitle: Bad input\n';
const SIGNATURE = '  - { at: 2026-01-10, type: signature, party: UA }\n';

function issuesOf(file: string, text: string): InputIssue[] {
  try {
    parseScenario(file, text, ruleSet);
  } catch (error) {
    if (error instanceof InputError) return error.issues;
    throw error;
  }
  throw new Error(`expected ${file} to be rejected`);
}

/** Expects exactly one issue and returns it. */
function oneIssue(file: string, text: string): InputIssue {
  const issues = issuesOf(file, text);
  expect(issues, JSON.stringify(issues, null, 2)).toHaveLength(1);
  return issues[0]!;
}

/** 1-based line and column of `token`, which must occur exactly once in `text`. */
function at(text: string, token: string): { line: number; column: number } {
  const offset = text.indexOf(token);
  if (offset < 0 || text.indexOf(token, offset + 1) >= 0)
    throw new Error(`expected exactly one ${JSON.stringify(token)}`);
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

const isPolluted = () =>
  (({}) as Record<string, unknown>).polluted !== undefined || Object.hasOwn(Object.prototype, 'polluted');

describe('syntax', () => {
  it('a YAML syntax error names its line and column', () => {
    const text = `${HEAD}events:\n  - at: 2026-01-10\n    type: signature: x\n    party: UA\n`;
    const issue = oneIssue('bad.yaml', text);
    expect(issue).toMatchObject({ code: 'syntax', file: 'bad.yaml', line: 5, column: 11, path: '' });
    expect(issue.message).toMatch(/^YAML: Nested mappings are not allowed/);
  });

  it('tabs used as indentation name their line and say to indent with spaces', () => {
    const text = `${HEAD}events:\n  - at: 2026-01-10\n\ttype: signature\n`;
    const issue = oneIssue('bad.yaml', text);
    expect(issue).toMatchObject({ code: 'syntax', line: 5, column: 1, path: '' });
    expect(issue.message).toContain('Tabs are not allowed as indentation');
    expect(issue.hint).toBe('indent with spaces');
  });

  it('a duplicate YAML key names the line and column of the second one', () => {
    const text = `${HEAD}title: Again\nevents:\n${SIGNATURE}`;
    const issue = oneIssue('bad.yaml', text);
    expect(issue).toMatchObject({ code: 'duplicate-key', file: 'bad.yaml', line: 3, column: 1 });
    expect(issue.message).toBe('YAML: the field "title" appears twice here');
    expect(issue.hint).toBe('each field may appear once; remove or rename one of them');
  });

  it('a duplicate key inside an event names its line and column', () => {
    const text = `${HEAD}events:\n  - at: 2026-01-10\n    type: signature\n    party: UA\n    party: RU\n`;
    const issue = oneIssue('bad.yaml', text);
    expect(issue).toMatchObject({ code: 'duplicate-key', line: 7, column: 5 });
    expect(issue.hint).toBe('each field may appear once; remove or rename one of them');
  });

  it('a duplicate key names the field it repeats', () => {
    const text = `${HEAD}events:\n  - at: 2026-01-10\n    type: signature\n    party: UA\n    party: RU\n`;
    const issue = oneIssue('bad.yaml', text);
    expect(`${issue.path} ${issue.message}`).toContain('party');
  });

  it('a duplicate JSON key names the line and column of the second one', () => {
    const text =
      '{\n  "scenario": "bad-input",\n  "title": "Bad input",\n  "scenario": "again",\n' +
      '  "events": [{ "at": "2026-01-10", "type": "signature", "party": "UA" }]\n}\n';
    const issue = oneIssue('bad.json', text);
    expect(issue).toMatchObject({ code: 'duplicate-key', file: 'bad.json', line: 4, column: 3 });
    expect(issue.message).toBe('JSON: the field "scenario" appears twice here');
    expect(issue.hint).toBe('each field may appear once; remove or rename one of them');
  });

  it('a JSON trailing comma names the line and column of the token after it', () => {
    const text =
      '{\n  "scenario": "bad-input",\n  "title": "Bad input",\n  "events": [\n' +
      '    { "at": "2026-01-10", "type": "signature", "party": "UA" },\n  ]\n}\n';
    const issue = oneIssue('bad.json', text);
    expect(issue).toMatchObject({ code: 'syntax', file: 'bad.json', line: 6, column: 3, path: '' });
    expect(issue.message).toMatch(/^not valid JSON: Unexpected token '\]'/);
    expect(issue.hint).toBe('check for a missing or extra comma, quote or bracket here');
  });

  it('a JSON file missing a comma names the line and column where the comma belongs', () => {
    const text = '{\n  "scenario": "bad-input"\n  "title": "Bad input"\n}\n';
    const issue = oneIssue('bad.json', text);
    expect(issue).toMatchObject({ code: 'syntax', line: 3, column: 3, path: '' });
    expect(issue.message).toMatch(/^not valid JSON: /);
    expect(issue.hint).toBe('check for a missing or extra comma, quote or bracket here');
  });

  it('a JSON file missing a comma says a comma or closing brace was expected', () => {
    const text = '{\n  "scenario": "bad-input"\n  "title": "Bad input"\n}\n';
    expect(oneIssue('bad.json', text).message).toContain(`Expected ',' or '}'`);
  });

  it('a file with NUL bytes is reported as not a text file', () => {
    const issue = oneIssue('bad.yaml', `${HEAD}events:\u0000\n`);
    expect(issue).toMatchObject({ code: 'binary', file: 'bad.yaml', line: 1, column: 1, path: '' });
    expect(issue.message).toContain('contains NUL bytes');
    expect(issue.hint).toBe('scenario files are YAML or JSON text');
  });
});

describe('files with no scenario in them', () => {
  it('an empty file says it is empty and points to the examples', () => {
    for (const text of ['', '  \n\n']) {
      const issue = oneIssue('empty.yaml', text);
      expect(issue).toMatchObject({
        code: 'empty',
        file: 'empty.yaml',
        line: 1,
        column: 1,
        path: '',
        message: 'the file is empty',
      });
      expect(issue.hint).toBe('start from a bundled example in scenarios/');
    }
  });

  it('a file holding only a comment or null says it holds no data', () => {
    for (const text of ['# nothing here yet\n', 'null\n', '~\n']) {
      const issue = oneIssue('blank.yaml', text);
      expect(issue).toMatchObject({ code: 'empty', line: 1, column: 1, path: '' });
      expect(issue.message).toBe('the file holds no data (only comments or null)');
      expect(issue.hint).toBe('start from a bundled example in scenarios/');
    }
  });

  it('a top-level list instead of a mapping says a mapping was expected', () => {
    const issue = oneIssue('list.yaml', SIGNATURE.trimStart());
    expect(issue).toMatchObject({ code: 'invalid-type', line: 1, column: 1, path: '' });
    expect(issue.message).toBe('expected a mapping, got a list');
  });
});

describe('unknown names', () => {
  it('an unknown top-level field names its line and suggests the right one', () => {
    const text = `${HEAD}event:\n${SIGNATURE}`;
    const issues = issuesOf('bad.yaml', text);
    // events is then missing too; the issues come sorted by line
    expect(issues.map((i) => i.path)).toEqual(['events', 'event']);
    const unknown = issues[1]!;
    expect(unknown).toMatchObject({ code: 'unknown-field', line: 3, column: 1, message: 'unknown field "event"' });
    expect(unknown.hint).toBe('did you mean "events"?');
    expect(issues[0]).toMatchObject({ code: 'missing-field', message: 'missing required field' });
  });

  it('an unknown top-level field with no near match lists the fields allowed', () => {
    const text = `${HEAD}colour: blue\nevents:\n${SIGNATURE}`;
    const issue = oneIssue('bad.yaml', text);
    expect(issue).toMatchObject({ code: 'unknown-field', line: 3, column: 1, path: 'colour' });
    expect(issue.hint).toBe(
      'the fields here are scenario, title, description, interpretations, parameters, until, events or expect',
    );
  });

  it('a misspelt event field names its line and column and suggests the right one', () => {
    const text =
      `${HEAD}events:\n${SIGNATURE}` +
      `  - { at: 2029-03-01, type: armed-attack, by: RU, against: UA, scale: large-scale, sustaned: true }\n`;
    const issue = oneIssue('bad.yaml', text);
    expect(issue).toMatchObject({
      code: 'unknown-field',
      ...at(text, 'sustaned'),
      path: 'events[1].sustaned',
      message: 'unknown field "sustaned"',
    });
    expect(issue.line).toBe(5);
    expect(issue.hint).toBe('did you mean "sustained"?');
  });

  it('a misspelt event type names its line and suggests the right one', () => {
    const text = `${HEAD}events:\n${SIGNATURE}  - { at: 2026-01-11, type: signatur, party: RU }\n`;
    const issue = oneIssue('bad.yaml', text);
    expect(issue).toMatchObject({
      code: 'invalid-value',
      line: 5,
      column: at(text, 'signatur,').column,
      path: 'events[1].type',
    });
    expect(issue.message).toBe('unknown type "signatur"');
    expect(issue.hint).toBe('did you mean "signature"?');
  });

  it('an event without a type names the event and lists the types', () => {
    const text = `${HEAD}events:\n${SIGNATURE}  - { at: 2026-01-11, party: RU }\n`;
    const issue = oneIssue('bad.yaml', text);
    expect(issue).toMatchObject({
      code: 'missing-field',
      line: 5,
      column: 5,
      path: 'events[1].type',
      message: 'missing field "type"',
    });
    expect(issue.hint).toMatch(/^type is one of signature, withdrawal-completed, armed-attack, /);
    expect(issue.hint).toContain('peace-council-ruling');
  });

  it('an unknown party names its line and suggests the right one', () => {
    const text = `${HEAD}events:\n  - { at: 2026-01-10, type: signature, party: UAA }\n`;
    const issue = oneIssue('bad.yaml', text);
    expect(issue).toMatchObject({ code: 'invalid-value', ...at(text, 'UAA'), path: 'events[0].party' });
    expect(issue.line).toBe(4);
    expect(issue.message).toBe(
      'expected a party: UA, RU, US, EU, NATO, or an ISO 3166 alpha-2 state code such as PL, got "UAA"',
    );
    expect(issue.hint).toBe('did you mean "UA"?');
  });

  it('a misspelt interpretation name suggests the right one', () => {
    const text = `${HEAD}interpretations:\n  atack-test: large-scale\nevents:\n${SIGNATURE}`;
    const issue = oneIssue('bad.yaml', text);
    expect(issue).toMatchObject({
      code: 'unknown-field',
      line: 4,
      column: 3,
      path: 'interpretations.atack-test',
      message: 'unknown field "atack-test"',
    });
    expect(issue.hint).toBe('did you mean "attack-test"?');
  });

  it('a misspelt interpretation value lists the readings and suggests the right one', () => {
    const text = `${HEAD}interpretations:\n  strike-cause: strickt\nevents:\n${SIGNATURE}`;
    const issue = oneIssue('bad.yaml', text);
    expect(issue).toMatchObject({
      code: 'invalid-value',
      ...at(text, 'strickt'),
      path: 'interpretations.strike-cause',
    });
    expect(issue.line).toBe(4);
    expect(issue.message).toBe('expected one of retaliation-window, strict or unknown, got "strickt"');
    expect(issue.hint).toBe('did you mean "strict"?');
  });
});

describe('dates and time order', () => {
  it('an impossible calendar date names its line and column', () => {
    const text = `${HEAD}events:\n  - { at: 2026-02-30, type: signature, party: UA }\n`;
    const issue = oneIssue('bad.yaml', text);
    expect(issue).toMatchObject({ code: 'invalid-value', line: 4, column: 11, path: 'events[0].at' });
    expect(issue.message).toBe('not a calendar date: "2026-02-30"');
  });

  it('a wrongly formatted date says dates are written YYYY-MM-DD', () => {
    const text = `${HEAD}events:\n  - { at: 10/01/2026, type: signature, party: UA }\n`;
    const issues = issuesOf('bad.yaml', text);
    expect(issues[0]).toMatchObject({ code: 'invalid-value', line: 4, column: 11, path: 'events[0].at' });
    expect(issues[0]!.message).toBe('expected a date written YYYY-MM-DD, got "10/01/2026"');
  });

  it('a wrongly formatted date is reported once, not also as a non-calendar date', () => {
    const text = `${HEAD}events:\n  - { at: 10/01/2026, type: signature, party: UA }\n`;
    expect(issuesOf('bad.yaml', text)).toHaveLength(1);
  });

  it('an event out of date order names it and both dates', () => {
    const text =
      `${HEAD}events:\n${SIGNATURE}  - { at: 2026-03-01, type: signature, party: RU }\n` +
      `  - { at: 2026-02-01, type: signature, party: US }\n`;
    const issue = oneIssue('bad.yaml', text);
    expect(issue).toMatchObject({ code: 'invalid-value', ...at(text, '2026-02-01'), path: 'events[2].at' });
    expect(issue.line).toBe(6);
    expect(issue.message).toContain('2026-02-01');
    expect(issue.message).toContain('2026-03-01');
    expect(issue.message).toMatch(/date order/);
    expect(issue.hint).toBe('sort the events by date; events of the same day apply in file order');
  });

  it('until before the last event names both dates and suggests a later one', () => {
    const text = `${HEAD}until: 2026-01-01\nevents:\n${SIGNATURE}  - { at: 2026-03-01, type: signature, party: RU }\n`;
    const issue = oneIssue('bad.yaml', text);
    expect(issue).toMatchObject({ code: 'invalid-value', line: 3, column: 8, path: 'until' });
    expect(issue.message).toBe('until (2026-01-01) is before the last event (2026-03-01)');
    expect(issue.hint).toBe('set until to 2026-03-01 or later, or remove it');
  });
});

describe('expectations', () => {
  it('an expectation after the end of the run suggests until', () => {
    const text = `${HEAD}events:\n${SIGNATURE}expect:\n  - { on: 2027-01-01, guarantee: pending }\n`;
    const issue = oneIssue('bad.yaml', text);
    expect(issue).toMatchObject({ code: 'invalid-value', line: 6, column: 11, path: 'expect[0].on' });
    expect(issue.message).toMatch(/^2027-01-01 is after the end of the run \(2026-01-10\)/);
    expect(issue.hint).toBe('add until: 2027-01-01 to run the clock that far');
  });

  it('an expectation with no status field says one is needed', () => {
    const text = `${HEAD}events:\n${SIGNATURE}expect:\n  - { on: end }\n`;
    const issue = oneIssue('bad.yaml', text);
    expect(issue).toMatchObject({ code: 'invalid-value', line: 6, column: 5, path: 'expect[0]' });
    expect(issue.message).toBe('an expectation needs at least one status besides on, e.g. guarantee: in-force');
  });

  it('a misspelt status value suggests the right one', () => {
    const text = `${HEAD}events:\n${SIGNATURE}expect:\n  - { on: end, guarantee: invokd }\n`;
    const issue = oneIssue('bad.yaml', text);
    expect(issue).toMatchObject({ code: 'invalid-value', ...at(text, 'invokd'), path: 'expect[0].guarantee' });
    expect(issue.hint).toBe('did you mean "invoked"?');
  });
});

describe('field values', () => {
  it('fields of the wrong type say what was expected and what was found', () => {
    const text =
      `${HEAD}events:\n` +
      `  - { at: 2029-03-01, type: armed-attack, by: RU, against: UA, scale: large-scale, crossesLine: yes }\n` +
      `  - { at: 2029-03-02, type: force-level-reported, party: UA, personnel: "600000" }\n`;
    const issues = issuesOf('bad.yaml', text);
    expect(issues).toHaveLength(2);
    expect(issues[0]).toMatchObject({
      code: 'invalid-type',
      ...at(text, 'yes'),
      path: 'events[0].crossesLine',
      message: 'expected true or false, got "yes"',
    });
    expect(issues[1]).toMatchObject({
      code: 'invalid-type',
      ...at(text, '"600000"'),
      path: 'events[1].personnel',
      message: 'expected a number, got "600000"',
    });
    expect([issues[0]!.line, issues[1]!.line]).toEqual([4, 5]);
  });

  it('a negative number of personnel says 0 or more', () => {
    const text = `${HEAD}events:\n  - { at: 2029-03-02, type: force-level-reported, party: UA, personnel: -5 }\n`;
    const issue = oneIssue('bad.yaml', text);
    expect(issue).toMatchObject({ code: 'invalid-value', ...at(text, '-5'), path: 'events[0].personnel' });
    expect(issue.line).toBe(4);
    expect(issue.message).toBe('expected a whole number of personnel, 0 or more, got number -5');
  });

  it('a fractional number of personnel says a whole number was expected', () => {
    const text = `${HEAD}events:\n  - { at: 2029-03-02, type: force-level-reported, party: UA, personnel: 600000.5 }\n`;
    const issue = oneIssue('bad.yaml', text);
    expect(issue).toMatchObject({ code: 'invalid-value', ...at(text, '600000.5'), path: 'events[0].personnel' });
    expect(issue.message).toBe('expected a whole number of personnel, 0 or more, got number 600000.5');
  });

  it('a party attacking itself is reported on the attacked party', () => {
    const text = `${HEAD}events:\n  - { at: 2029-03-01, type: armed-attack, by: RU, against: RU, scale: limited }\n`;
    const issue = oneIssue('bad.yaml', text);
    expect(issue).toMatchObject({
      code: 'invalid-value',
      line: 4,
      column: at(text, 'RU, scale').column,
      path: 'events[0].against',
    });
    expect(issue.message).toMatch(/^a party cannot attack itself/);
  });

  it('a withdrawal by a party other than UA or RU says only the two sides withdraw', () => {
    const text = `${HEAD}events:\n  - { at: 2026-03-01, type: withdrawal-completed, party: US }\n`;
    const issue = oneIssue('bad.yaml', text);
    expect(issue).toMatchObject({ code: 'invalid-value', ...at(text, 'US'), path: 'events[0].party' });
    expect(issue.message).toBe('expected UA or RU (the sides that withdraw, point 28), got "US"');
  });

  it('a parameter below its minimum names the minimum', () => {
    const text = `${HEAD}parameters:\n  term-years: 0\nevents:\n${SIGNATURE}`;
    const issue = oneIssue('bad.yaml', text);
    expect(issue).toMatchObject({ code: 'invalid-value', line: 4, column: 15, path: 'parameters.term-years' });
    expect(issue.message).toBe('expected a whole number, 1 or more, got number 0');
  });
});

describe('hostile input', () => {
  it('an alias bomb (billion laughs) gives a clear error quickly', () => {
    const levels = 'abcdefghi'.split('');
    const lines = levels.map((name, i) =>
      i === 0
        ? `a: &a [x, x, x, x, x, x, x, x, x, x]`
        : `${name}: &${name} [${Array(10)
            .fill(`*${levels[i - 1]}`)
            .join(', ')}]`,
    );
    const started = performance.now();
    const issue = oneIssue('bomb.yaml', `${lines.join('\n')}\n`);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(issue).toMatchObject({ code: 'syntax', file: 'bomb.yaml', path: '' });
    expect(issue.message).toMatch(/alias/i);
    expect(issue.hint).toBe('at most 100 alias expansions are allowed; write the values out');
  });

  it('deeply nested input gives a clear error', () => {
    for (const [file, text] of [
      ['deep.yaml', `${HEAD}events: ${'['.repeat(200)}${']'.repeat(200)}\n`],
      [
        'deep.json',
        `{"scenario": "bad-input", "title": "Bad input", "events": ${'['.repeat(200)}${']'.repeat(200)}}\n`,
      ],
      ['block.yaml', `${HEAD}events:\n${Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- \n`).join('')}`],
    ] as const) {
      const issue = oneIssue(file, text);
      expect(issue).toMatchObject({ code: 'too-deep', file, path: '', message: 'nested more than 64 levels deep' });
      expect(issue.hint).toBe('scenario and rule files are shallow; this looks like a broken or hostile file');
    }
  });

  it('very deeply nested input (10,000 lists) gives the same clear error', () => {
    const issue = oneIssue('deep.yaml', `${HEAD}events: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`);
    expect(issue).toMatchObject({ code: 'too-deep', message: 'nested more than 64 levels deep' });
  });

  it('two files nested 100,000 deep in a row are both rejected without killing the process', () => {
    const events = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const text = `{"scenario": "bad-input", "title": "Bad input", "events": ${events}}\n`;
    for (const file of ['a.json', 'b.json']) expect(oneIssue(file, text).code).toBe('too-deep');
  });

  it('__proto__ and constructor keys are unknown fields and do not pollute Object.prototype', () => {
    const yaml =
      `${HEAD}__proto__: { polluted: yes }\nconstructor: { prototype: { polluted: yes } }\nevents:\n` +
      `  - { at: 2026-01-10, type: signature, party: UA, __proto__: { polluted: yes } }\n`;
    const issues = issuesOf('proto.yaml', yaml);
    expect(issues.map((i) => [i.code, i.path, i.line])).toEqual([
      ['unknown-field', '__proto__', 3],
      ['unknown-field', 'constructor', 4],
      ['unknown-field', 'events[0].__proto__', 6],
    ]);
    expect(issues[0]!.message).toBe('unknown field "__proto__"');
    expect(issues[1]!.message).toBe('unknown field "constructor"');

    const json =
      '{"scenario": "bad-input", "title": "Bad input", "__proto__": {"polluted": true},\n' +
      ' "constructor": {"prototype": {"polluted": true}},\n' +
      ' "events": [{"at": "2026-01-10", "type": "signature", "party": "UA", ' +
      '"__proto__": {"polluted": true}}]}\n';
    expect(issuesOf('proto.json', json).map((i) => [i.path, i.line])).toEqual([
      ['__proto__', 1],
      ['constructor', 2],
      ['events[0].__proto__', 3],
    ]);
    expect(isPolluted()).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('reporting', () => {
  it('all the problems of a file are reported at once, sorted by line', () => {
    const text = [
      'scenario: Bad_Id',
      'title: Five problems',
      'events:',
      '  - { at: 2026-01-10, type: signatur, party: UA }',
      '  - { at: 2026-01-11, type: signature, party: UAA }',
      '  - { at: 2026-02-30, type: signature, party: RU }',
      '  - { at: 2026-03-01, type: force-level-reported, party: UA, personnel: -1 }',
      '',
    ].join('\n');
    const issues = issuesOf('five.yaml', text);
    expect(issues.map((i) => [i.line, i.path])).toEqual([
      [1, 'scenario'],
      [4, 'events[0].type'],
      [5, 'events[1].party'],
      [6, 'events[2].at'],
      [7, 'events[3].personnel'],
    ]);
    expect(issues.every((i) => i.file === 'five.yaml' && i.column > 0)).toBe(true);
  });

  it('checkScenario validates an object built in code, with paths but no positions', () => {
    const good = checkScenario(
      { scenario: 'built', title: 'Built in code', events: [{ at: '2026-01-10', type: 'signature', party: 'UA' }] },
      ruleSet,
    );
    expect(good.scenario.events).toHaveLength(1);
    expect(good.eventLines).toEqual([0]);

    let issues: InputIssue[] = [];
    try {
      checkScenario(
        {
          scenario: 'built',
          title: 'Built in code',
          events: [{ at: '2026-01-10', type: 'signature', party: 'UAA' }],
          colour: 'blue',
        },
        ruleSet,
      );
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      issues = error.issues;
    }
    expect(issues).toHaveLength(2);
    const party = issues.find((i) => i.path === 'events[0].party');
    expect(party).toMatchObject({ file: '<scenario>', line: 0, column: 0, hint: 'did you mean "UA"?' });
    expect(issues.find((i) => i.path === 'colour')).toMatchObject({
      code: 'unknown-field',
      message: 'unknown field "colour"',
    });
  });

  it('formatIssues writes file:line:column: path: message, then the hint', () => {
    const text = `${HEAD}events:\n${SIGNATURE}  - { at: 2026-01-11, type: signatur, party: RU }\n`;
    const out = formatIssues(issuesOf('bad.yaml', text));
    expect(out).toBe('bad.yaml:5:29: events[1].type: unknown type "signatur"\n  hint: did you mean "signature"?');
    expect(out).toContain('hint:');
  });

  it('formatIssues leaves out the position of an object built in code and caps a long list', () => {
    const issue: InputIssue = {
      code: 'invalid-value',
      file: '<scenario>',
      line: 0,
      column: 0,
      path: 'events[0].party',
      message: 'bad party',
    };
    expect(formatIssues([issue])).toBe('<scenario>: events[0].party: bad party');
    const many = formatIssues(Array.from({ length: 25 }, () => issue));
    expect(many.split('\n')).toHaveLength(21);
    expect(many).toMatch(/… and 5 more problems$/);
  });

  it('the InputError message is the formatted issues, with no stack-trace text', () => {
    try {
      parseScenario('bad.yaml', `${HEAD}events:\n  - { at: 2026-01-10, type: signature, party: UAA }\n`, ruleSet);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).message).toBe(formatIssues((error as InputError).issues));
      expect((error as InputError).message).not.toMatch(/\bat .*\.(ts|js):\d+/);
    }
  });
});

describe('forgiving what is not a mistake', () => {
  it('a byte-order mark at the start of a JSON or YAML file is ignored', () => {
    const json =
      '\uFEFF{"scenario": "bom", "title": "BOM", "events": [{"at": "2026-01-10", "type": "signature", "party": "UA"}]}';
    expect(parseScenario('bom.json', json, ruleSet).scenario.scenario).toBe('bom');
    expect(parseScenario('bom.yaml', `\uFEFF${HEAD}events:\n${SIGNATURE}`, ruleSet).scenario.title).toBe('Bad input');
  });

  it('two swapped letters still get a suggestion ("titel" → "title")', () => {
    const issues = issuesOf('bad.yaml', `scenario: bad-input\ntitel: Bad input\nevents:\n${SIGNATURE}`);
    expect(issues.find((i) => i.path === 'titel')!.hint).toBe('did you mean "title"?');
  });

  it('brackets and quotes inside strings and comments do not count as nesting', () => {
    const text =
      `${HEAD}# ${'['.repeat(100)}\nevents:\n` +
      `  - { at: 2026-01-10, type: signature, party: UA, note: "${'['.repeat(100)}" }\n`;
    expect(parseScenario('ok.yaml', text, ruleSet).scenario.events).toHaveLength(1);
  });
});
