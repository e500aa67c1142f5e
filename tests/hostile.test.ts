// Hostile and broken input: every case exits 2 with at most a screen of text that names the file and the line, no stack
// trace, nothing on stdout, nothing written, and no hang. The cases run main in this process; a sample of them, and the
// slow ones, run the real executable too. The small cases are files in tests/fixtures/bad/ (named for what is wrong
// with them) or one-line edits of the bundled rules; large, binary and file-system cases are made here.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../src/issues/issue.js';
import { MAX_RULE_FILE_BYTES } from '../src/rules/load.js';
import { MAX_SCENARIO_BYTES, parseScenario } from '../src/scenario/load.js';
import { addDays, addYears } from '../src/plan/dates.js';
import { main } from '../src/cli/main.js';
import { captureIo, IN_FORCE, pattern, run, ruleSet, slow } from './helpers.js';

const BIN = resolve('dist/cli/bin.js');
const BAD = resolve('tests/fixtures/bad');
const RULES = resolve('rules');
const tmp = mkdtempSync(join(tmpdir(), 'casus-hostile-'));
/** Where every command runs: it must still be empty afterwards (nothing written). */
const cwd = join(tmp, 'cwd');
mkdirSync(cwd);

interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
}

/** casus as a user runs it: the built executable, in a directory that must stay empty. */
function executable(args: string[], timeout = 20_000): Result {
  const started = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    timeout,
    env: { ...process.env, NO_COLOR: '1', CASUS_DEBUG: '' },
  });
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    ms: performance.now() - started,
    timedOut: r.error !== undefined,
  };
}

/**
 * casus in this process: the executable only hands argv to main (the test "the executable says exactly what main
 * says" below holds it to that), and a process per case would cost most of this file's time.
 */
async function casus(args: string[]): Promise<Result> {
  const io = captureIo({ env: { NO_COLOR: '1' } });
  const started = performance.now();
  const status = await main(args, io);
  return { status, stdout: io.out, stderr: io.err, ms: performance.now() - started, timedOut: false };
}

/** Every file under `dir` with its size and modification time: the same before and after means nothing was written. */
function snapshot(dir: string): string {
  const out: string[] = [];
  const visit = (d: string) => {
    for (const name of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, name.name);
      if (name.isDirectory()) visit(path);
      else if (name.isFile()) {
        const s = statSync(path);
        out.push(`${relative(dir, path)} ${s.size} ${s.mtimeMs}`);
      } else out.push(`${relative(dir, path)} (${name.isSymbolicLink() ? 'link' : 'other'})`);
    }
  };
  visit(dir);
  return out.sort().join('\n');
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The contract every bad input meets. `line` is the first line the message must point at, or 'none' for the cases
 * that have no line to point at (a path that is no readable file: a directory, a link loop, a link leaving the rule
 * directory); those name the file as `FILE: message`.
 */
function expectRejected(r: Result, file: string, line: number | 'none', message: RegExp): void {
  const context = `stderr:\n${r.stderr}\nstdout:\n${r.stdout.slice(0, 2000)}`;
  expect(r.timedOut, `timed out after ${Math.round(r.ms)} ms`).toBe(false);
  expect(r.status, context).toBe(2);
  expect(r.stdout, context).toBe('');
  expect(r.stderr.trimEnd().split('\n').length, context).toBeLessThanOrEqual(25);
  expect(r.stderr.length, context).toBeLessThanOrEqual(4000);
  expect(r.stderr, context).not.toMatch(/\n\s+at .+:\d+/);
  expect(r.stderr, context).not.toMatch(/internal error|FATAL|heap/i);
  if (line === 'none') expect(r.stderr, context).toMatch(new RegExp(`^${escapeRegex(file)}: `, 'm'));
  else expect(r.stderr, context).toMatch(new RegExp(`^${escapeRegex(file)}:${line}:\\d+: `, 'm'));
  expect(r.stderr, context).toMatch(message);
}

let fixturesBefore = '';
beforeAll(() => {
  fixturesBefore = snapshot(BAD);
});
afterAll(() => {
  // nothing was written: not in the working directory, not beside the inputs
  const written = readdirSync(cwd);
  const fixturesAfter = snapshot(BAD);
  rmSync(tmp, { recursive: true, force: true });
  expect(written).toEqual([]);
  expect(fixturesAfter).toBe(fixturesBefore);
});

const fixture = (name: string) => join(BAD, 'scenarios', name);
function generated(name: string, content: string | Buffer): string {
  const file = join(tmp, name);
  writeFileSync(file, content);
  return file;
}

const HEAD = 'scenario: hostile\ntitle: Hostile\n';
const SIGNATURE = '  - { at: 2026-01-10, type: signature, party: UA }\n';

describe('the executable says exactly what main says, which the other cases run in this process', () => {
  const binary = () => generated('binary-executable.yaml', Buffer.from([0x73, 0x00, 0x0a, 0xff, 0x01]));
  const cases: Array<[string, () => string[]]> = [
    ['malformed YAML', () => ['run', fixture('bad-indentation.yaml')]],
    ['a key with escape codes and a bidi override', () => ['run', fixture('control-characters.yaml')]],
    ['a binary file', () => ['run', binary()]],
    ['a directory', () => ['run', BAD]],
    ['a NaN weight in a model', () => ['simulate', join(BAD, 'models', 'nan-weights.yaml'), '--runs', '10']],
    ['a --plan outside rules/versions', () => ['check', '--plan', '../clauses']],
    ['an unknown command', () => ['rnu', fixture('empty.yaml')]],
    ['a good scenario', () => ['run', resolve('scenarios/renewed-offensive-invokes-the-guarantee.yaml')]],
  ];
  it.each(cases)('%s', async (_, argv) => {
    const args = argv();
    const inProcess = await casus(args);
    const real = executable(args);
    expect(real.timedOut).toBe(false);
    expect({ status: real.status, stdout: real.stdout, stderr: real.stderr }).toEqual({
      status: inProcess.status,
      stdout: inProcess.stdout,
      stderr: inProcess.stderr,
    });
  });
});

describe('bad scenario files: casus run FILE exits 2 with file:line and no stack trace', () => {
  const cases: Array<[string, string, number, RegExp]> = [
    ['malformed YAML: bad indentation', 'bad-indentation.yaml', 6, /YAML: /],
    ['malformed YAML: an unclosed flow mapping', 'unclosed-flow.yaml', 5, /YAML: Flow map .* must .* end with a \}/],
    [
      'duplicate keys in YAML, in an event and at the top',
      'duplicate-keys.yaml',
      4,
      /the field "party" appears twice here[\s\S]*:5:1: YAML: the field "title" appears twice/,
    ],
    [
      'duplicate keys in JSON, in an event and at the top',
      'duplicate-keys.json',
      5,
      /JSON: the field "party" appears twice here[\s\S]*:7:3: JSON: the field "title" appears twice/,
    ],
    ['an alias bomb (billion laughs)', 'alias-bomb.yaml', 1, /alias[\s\S]*at most 100 alias expansions/],
    [
      '__proto__, constructor and prototype keys (YAML)',
      'proto-keys.yaml',
      3,
      pattern(
        /unknown field "__proto__"[\s\S]*unknown field "constructor"/,
        /[\s\S]*unknown field "prototype"[\s\S]*events\[0\]\.__proto__/,
      ),
    ],
    [
      '__proto__ and constructor keys (JSON)',
      'proto-keys.json',
      4,
      /unknown field "__proto__"[\s\S]*unknown field "constructor"[\s\S]*events\[0\]\.__proto__/,
    ],
    [
      'huge numbers: 1e309 and 2^64 personnel (YAML)',
      'huge-numbers.yaml',
      4,
      pattern(
        /force-cap: expected a number, got infinity \(a number too large to hold\)/,
        /[\s\S]*:6:\d+: events\[0\]\.personnel: .*too large to hold exactly/,
      ),
    ],
    ['a huge number: 1e309 personnel (JSON)', 'huge-numbers.json', 5, /personnel: expected a number, got infinity/],
    [
      'invalid dates: 2026-02-30, 2026-13-01, 26-1-1',
      'invalid-dates.yaml',
      4,
      pattern(
        /not a calendar date: "2026-02-30"/,
        /[\s\S]*:5:11: .*not a calendar date: "2026-13-01"/,
        /[\s\S]*:6:11: .*expected a date written YYYY-MM-DD, got "26-1-1"/,
      ),
    ],
    [
      'wrong types',
      'wrong-types.yaml',
      4,
      pattern(
        /expected true or false, got "yes"[\s\S]*:5:\d+: .*expected a number, got "600000"/,
        /[\s\S]*:6:\d+: .*expected a list, got "NATO"/,
      ),
    ],
    [
      'misspelt fields and values',
      'misspelt-fields.yaml',
      3,
      pattern(
        /did you mean "interpretations"\?[\s\S]*did you mean "armed-attack"\?/,
        /[\s\S]*did you mean "large-scale"\?[\s\S]*did you mean "sustained"\?/,
      ),
    ],
    [
      'events out of date order',
      'events-out-of-order.yaml',
      6,
      /events must be in date order: 2026-02-01 comes after 2026-03-01/,
    ],
    ['an empty file', 'empty.yaml', 1, /the file is empty/],
    ['a file of whitespace only', 'whitespace-only.yaml', 1, /the file is empty/],
    ['a file of comments only', 'comment-only.yaml', 1, /holds no data \(only comments or null\)/],
    [
      'YAML tags that other loaders turn into code',
      'yaml-tags.yaml',
      2,
      /Unresolved tag: tag:yaml\.org,2002:js\/function[\s\S]*:4:\d+: YAML: Unresolved tag/,
    ],
    [
      'two events with one id',
      'duplicate-event-ids.yaml',
      5,
      /events\[1\]\.id: the id "moscow-strike" is already the id of the event at line 4/,
    ],
    [
      "an explicit id that is another event's automatic name",
      'id-is-another-events-automatic-name.yaml',
      4,
      /events\[0\]\.id: the id "line-5" is the automatic name of the event at line 5/,
    ],
    [
      'CR-only line endings, in one message',
      'cr-only-line-endings.yaml',
      1,
      /end in a carriage return alone[\s\S]*LF line endings/,
    ],
    [
      'a !!binary value where text belongs',
      'binary-tag.yaml',
      2,
      /title: expected text, got binary data \(a !!binary value; casus reads text\)/,
    ],
    [
      'a key with a line break, escape codes and a bidi override, shown escaped',
      'control-characters.yaml',
      3,
      pattern(
        /:3:1: sneaky\\n {4}at Object\.<anonymous> \(\/casus\/dist\/cli\/main\.js:1:1\)/,
        /\\u001b\[2J\\u202e: unknown field "sneaky\\n {4}at /,
      ),
    ],
  ];
  it.each(cases)('%s (%s)', async (_, name, line, message) => {
    expectRejected(await casus(['run', fixture(name)]), fixture(name), line, message);
  });

  slow('nesting 100,000 deep, in flow YAML, block YAML and JSON', () => {
    const deep: Array<[string, number]> = [
      [generated('deep-flow.yaml', `${HEAD}events: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`), 3],
      [generated('deep-block.yaml', `${HEAD}events:\n  ${'- '.repeat(100_000)}x\n`), 4],
      [
        generated(
          'deep.json',
          `{"scenario": "hostile", "title": "Hostile",\n "events": ${'['.repeat(100_000)}${']'.repeat(100_000)}}\n`,
        ),
        2,
      ],
      [generated('deep-objects.json', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}\n`), 1],
    ];
    for (const [file, line] of deep)
      expectRejected(executable(['run', file]), file, line, /nested more than 64 levels deep/);
  });

  it('a binary file (random bytes with NULs)', async () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    const file = generated('binary.yaml', bytes);
    expectRejected(await casus(['run', file]), file, 1, /not a text file \(it contains NUL bytes\)/);
  });

  it('a UTF-16 file with a byte-order mark says so and asks for UTF-8', async () => {
    const text = `${HEAD}events:\n${SIGNATURE}`;
    const file = generated('utf16.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expectRejected(await casus(['run', file]), file, 1, /UTF-16 text[\s\S]*save it as UTF-8/);
  });

  it("a Latin-1 file is not read as replacement characters: the bad byte's line is named", async () => {
    const file = generated(
      'latin1.yaml',
      Buffer.from(`${HEAD}events:\n  - { at: 2026-01-10, type: signature, party: UA, note: "caf\xe9" }\n`, 'latin1'),
    );
    expectRejected(await casus(['run', file]), file, 4, /not UTF-8 text/);
  });

  slow('a 50 MB scenario of valid events is turned away at once as too large', () => {
    const file = join(tmp, 'fifty-megabytes.yaml');
    writeFileSync(file, `${HEAD}events:\n${SIGNATURE.repeat(Math.ceil((50 * 1024 * 1024) / SIGNATURE.length))}`);
    expect(statSync(file).size).toBeGreaterThan(50 * 1024 * 1024);
    const r = executable(['run', file]);
    expectRejected(
      r,
      file,
      1,
      /the file is 50\.0 MB \(\d+ bytes\); at most 16 MB \(16777216 bytes\) is read[\s\S]*split the timeline/,
    );
    expect(r.ms).toBeLessThan(5_000);
  });

  slow('one byte over the limit is too large; a file of exactly the limit is read and run', () => {
    const fill = (extra: number) => {
      const text = `${HEAD}events:\n${SIGNATURE}description: `;
      return `${text}${'x'.repeat(MAX_SCENARIO_BYTES + extra - text.length - 1)}\n`;
    };
    const over = generated('over-the-limit.yaml', fill(1));
    expect(statSync(over).size).toBe(MAX_SCENARIO_BYTES + 1);
    expectRejected(executable(['run', over]), over, 1, /at most 16 MB/);
    // named after its scenario id (hostile), as every scenario file must be
    mkdirSync(join(tmp, 'at-the-limit'), { recursive: true });
    const at = generated('at-the-limit/hostile.yaml', fill(0));
    expect(statSync(at).size).toBe(MAX_SCENARIO_BYTES);
    const r = executable(['run', at]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Final: guarantee pending');
  });

  slow('a file of a million values is refused before it can take gigabytes, and said why', () => {
    const json = generated(
      'million-values.json',
      `{"scenario": "hostile", "title": "Hostile", "events": [${'1,'.repeat(1_000_000)}1]}\n`,
    );
    expectRejected(executable(['run', json]), json, 1, /holds more than 1,000,000 values/);
    const yaml = generated('million-values.yaml', `${HEAD}events: [${'1,'.repeat(1_000_000)}1]\n`);
    expectRejected(executable(['run', yaml]), yaml, 3, /too much to read in one piece[\s\S]*block list/);
  });

  slow('60,000 unknown fields are all reported in seconds, not minutes (the checks were quadratic)', () => {
    const file = generated(
      'many-fields.yaml',
      `${HEAD}events:\n${SIGNATURE}${Array.from({ length: 60_000 }, (_, i) => `field${i}: 1\n`).join('')}`,
    );
    const r = executable(['run', file]);
    expectRejected(r, file, 5, /unknown field "field0"[\s\S]*… and 5998\d more problems/);
    expect(r.ms).toBeLessThan(10_000);
  });

  it('a directory named like a scenario has no line to point at, and says it is a directory', async () => {
    const dir = join(tmp, 'directory.yaml');
    mkdirSync(dir);
    expectRejected(await casus(['run', dir]), dir, 'none', /a directory, not a scenario file/);
  });

  it('a symbolic link that loops is named as a loop', async () => {
    const link = join(tmp, 'loop.yaml');
    symlinkSync(link, link);
    expectRejected(await casus(['run', link]), link, 'none', /a symbolic link that points back to itself/);
  });

  it('casus test on the whole corpus reports every file, runs none, and exits 2', async () => {
    const r = await casus(['test', join(BAD, 'scenarios')]);
    const names = readdirSync(join(BAD, 'scenarios'));
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(/\n\s+at .+:\d+/);
    for (const name of names) expect(r.stdout).toContain(`! ${join(BAD, 'scenarios', name)} (could not be run)`);
    expect(r.stdout).toContain(`0 passed, 0 failed, ${names.length} could not be run`);
  });

  it(
    'casus test on a directory holding a link to itself and a broken link: each file once, ' +
      'the broken link reported',
    async () => {
      const dir = join(tmp, 'linked-scenarios');
      mkdirSync(dir);
      const offensive = 'renewed-offensive-invokes-the-guarantee.yaml';
      cpSync(resolve(`scenarios/${offensive}`), join(dir, offensive));
      symlinkSync('.', join(dir, 'self'));
      symlinkSync('nowhere.yaml', join(dir, 'dangling.yaml'));
      const r = await casus(['test', dir]);
      expect(r.timedOut).toBe(false);
      expect(r.status).toBe(2);
      expect(r.stdout.split('\n').filter((l) => /^[✓!✗-] /.test(l))).toEqual([
        `! ${join(dir, 'dangling.yaml')} (could not be run)`,
        `✓ ${join(dir, offensive)} (5 expectations)`,
      ]);
      expect(r.stdout).toContain(`${join(dir, 'dangling.yaml')}: no such file`);
      expect(r.stdout).toContain('1 passed, 0 failed, 1 could not be run');
    },
  );

  it('__proto__, constructor and prototype keys never reach Object.prototype (in process)', async () => {
    for (const name of ['proto-keys.yaml', 'proto-keys.json']) {
      expect(() => parseScenario(name, readFileSync(fixture(name), 'utf8'), ruleSet)).toThrow(InputError);
    }
    const polluted = ({} as Record<string, unknown>).polluted;
    expect(polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  });
});

describe('bad simulation models: casus simulate MODEL exits 2 with file:line, like scenarios', () => {
  const model = (name: string) => join(BAD, 'models', name);
  const cases: Array<[string, string, number, RegExp]> = [
    [
      'a day range before the start',
      'negative-day-range.yaml',
      16,
      /opening\[2\]\.after\.between\[0\]: expected 0 or more days, got number -20/,
    ],
    [
      'a reversed day range',
      'reversed-day-range.yaml',
      16,
      /opening\[2\]\.after\.between\[1\]: between: the first number is the smallest/,
    ],
    [
      'a NaN weight, named as such (not "expected text")',
      'nan-weights.yaml',
      29,
      /events\[0\]\.event\.deliberate\.weights\[0\]: expected a number, got NaN \(not a number\)/,
    ],
    [
      'a __proto__ field in an event template',
      'proto-field.yaml',
      21,
      /opening\[7\]\.event\.__proto__: "__proto__" is not a field of an event/,
    ],
  ];
  it.each(cases)('%s (%s)', async (_, name, line, message) => {
    expectRejected(await casus(['simulate', model(name), '--runs', '10']), model(name), line, message);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('a UTF-16 model, a binary one, one over 1 MB and a directory are refused like scenarios', async () => {
    const text = readFileSync(resolve('models/baseline.yaml'), 'utf8');
    const utf16 = generated(
      'utf16-model.yaml',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    expectRejected(await casus(['simulate', utf16]), utf16, 1, /UTF-16 text[\s\S]*save it as UTF-8/);
    const binary = generated('binary-model.yaml', Buffer.from([0x6d, 0x00, 0x01, 0xff]));
    expectRejected(await casus(['simulate', binary]), binary, 1, /not a text file/);
    const large = generated('large-model.yaml', `${text}# ${'x'.repeat(1024 * 1024)}\n`);
    expectRejected(await casus(['simulate', large]), large, 1, /at most 1 MB \(1048576 bytes\) is read/);
    const dir = join(tmp, 'model-directory.yaml');
    mkdirSync(dir);
    expectRejected(await casus(['simulate', dir]), dir, 'none', /a directory, not a simulation model file/);
  });
});

/** A copy of the bundled rules/ (versions included) with `files` written over it. */
function ruleSetDir(name: string, files: Record<string, string | Buffer> = {}): string {
  const dir = join(tmp, 'rules', name);
  cpSync(RULES, dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content);
  return dir;
}

const DAYS_EQUAL = '{ "fact": "daysSinceRussianAttack", "operator": "equal", "value": null }';
const withPath = (path: string) =>
  `{ "fact": "daysSinceRussianAttack", "path": ${JSON.stringify(path)}, "operator": "equal", "value": null }`;
const SCRIPT = "$[?(@.constructor.constructor('globalThis.__pwned=1')())]";
const TERM_EVENT = '"type": "TERM_ENDS", "params": { "clause": "term", "points": ["SG"] }';
const SCALE = '{ "fact": "scale", "operator": "equal", "value": "large-scale" }';

describe('bad rule sets: casus check --rules DIR exits 2 with file:line and no stack trace', () => {
  // each case edits one line of a bundled rule file: the message must name that line
  const cases: Array<[string, string, string, string, RegExp, number?]> = [
    [
      'a JSONPath filter in a condition path',
      'ukraine-conduct.json',
      DAYS_EQUAL,
      withPath('$..[?(@.x)]'),
      /path: expected a plain dot path .*got "\$\.\.\[\?\(@\.x\)\]"/,
    ],
    [
      'a path walking into constructor.prototype',
      'ukraine-conduct.json',
      DAYS_EQUAL,
      withPath('constructor.prototype'),
      /path: a path may not walk into __proto__, constructor or prototype/,
    ],
    [
      'a script in a condition path',
      'ukraine-conduct.json',
      DAYS_EQUAL,
      withPath(SCRIPT),
      /path: expected a plain dot path/,
    ],
    [
      'a script in the path of a { "fact": … } value',
      'ukraine-conduct.json',
      '"value": { "fact": "retaliation-window-days" }',
      `"value": { "fact": "retaliation-window-days", "path": ${JSON.stringify(SCRIPT.replace('$', '$..'))} }`,
      /value\.path: unknown field "path"/,
    ],
    [
      'scripts in event params',
      'term.json',
      TERM_EVENT,
      TERM_EVENT.replace(' }', ', "message": "${globalThis.__pwned = 1}", "import": "child_process" }'),
      /params\.message: unknown field "message"[\s\S]*params\.import: unknown field "import"/,
    ],
    [
      'an unknown operator',
      'guarantee-trigger.json',
      SCALE,
      SCALE.replace('"equal"', '"matchesRegex"'),
      /operator: expected one of equal, .*got "matchesRegex"/,
    ],
    [
      'a "__proto__" key inside a condition',
      'guarantee-trigger.json',
      SCALE,
      SCALE.replace(' }', ', "__proto__": { "polluted": true } }'),
      /unknown field "__proto__"/,
    ],
    [
      'a rule without a clause citation',
      'term.json',
      TERM_EVENT,
      TERM_EVENT.replace('"clause": "term", ', ''),
      /params\.clause: missing required field \(every rule cites the clause it encodes/,
    ],
    [
      'a rule citing an unknown clause',
      'term.json',
      TERM_EVENT,
      TERM_EVENT.replace('"term"', '"term-limit"'),
      /unknown clause "term-limit"/,
    ],
    // the missing comma is noticed at the token after it, on the next line
    [
      'invalid JSON',
      'term.json',
      '"name": "term-ends",',
      '"name": "term-ends"',
      /not valid JSON: Expected ',' or '}'/,
      1,
    ],
    [
      'a duplicate key',
      'term.json',
      '"name": "term-ends",',
      '"name": "term-ends", "name": "term-ends-again",',
      /JSON: the field "name" appears twice here/,
    ],
  ];
  it.each(cases)('%s (%s)', async (title, file, find, replace, message, linesAfter = 0) => {
    const bundled = readFileSync(join(RULES, file), 'utf8');
    expect(bundled.split(find).length - 1, `"${find}" once in ${file}`).toBe(1);
    const dir = ruleSetDir(title.replace(/\W+/g, '-'), { [file]: bundled.replace(find, () => replace) });
    const line = bundled.slice(0, bundled.indexOf(find)).split('\n').length + linesAfter;
    expectRejected(await casus(['check', '--rules', dir]), join(dir, file), line, message);
  });

  it('a rule file over the size limit', async () => {
    const padding = ' '.repeat(MAX_RULE_FILE_BYTES);
    const dir = ruleSetDir('huge-rule-file', {
      'term.json': readFileSync(join(RULES, 'term.json'), 'utf8').replace('{', `{${padding}`),
    });
    expectRejected(await casus(['check', '--rules', dir]), join(dir, 'term.json'), 1, /larger than 1000000 bytes/);
  });

  it.each([
    ['empty', '', /the file is empty/],
    ['binary', Buffer.from([0x7b, 0x00, 0x01, 0x02, 0xff, 0x7d]), /not a text file \(it contains NUL bytes\)/],
    ['nested 100,000 deep', `${'{"all":['.repeat(100_000)}${']}'.repeat(100_000)}`, /nested more than 64 levels deep/],
    ['UTF-16', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{}', 'utf16le')]), /UTF-16 text/],
  ] as Array<[string, string | Buffer, RegExp]>)('a rule file that is %s', async (name, content, message) => {
    const dir = ruleSetDir(`rule-file-${name.replace(/\W+/g, '-')}`, { 'term.json': content });
    expectRejected(await casus(['check', '--rules', dir]), join(dir, 'term.json'), 1, message);
  });

  it('a symbolic link out of the rule directory (passwd.json → /etc/passwd) is not read', async () => {
    const outside = generated(
      'secret.json',
      '{ "family": "secret-token-1234", "description": "not yours", "rules": [] }',
    );
    const dir = ruleSetDir('symlink-outside');
    symlinkSync(outside, join(dir, 'secret.json'));
    symlinkSync('/etc/passwd', join(dir, 'passwd.json'));
    const r = await casus(['check', '--rules', dir]);
    expectRejected(
      r,
      join(dir, 'passwd.json'),
      'none',
      /a symbolic link to a file outside the rule directory: not read[\s\S]*copy the file in/,
    );
    expect(r.stderr).toMatch(
      new RegExp(`^${escapeRegex(join(dir, 'secret.json'))}: a symbolic link to a file outside`, 'm'),
    );
    expect(r.stderr).not.toContain('secret-token-1234');
    expect(r.stderr).not.toContain('root:');
  });

  it('a symbolic link to a file inside the rule directory is read; a looping one is named as a loop', async () => {
    const dir = ruleSetDir('symlink-inside');
    // term.json becomes a link to term.data beside it (not *.json, so it is read only through the link)
    renameSync(join(dir, 'term.json'), join(dir, 'term.data'));
    symlinkSync('term.data', join(dir, 'term.json'));
    const ok = await casus(['check', '--rules', dir]);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);

    const loop = ruleSetDir('symlink-loop');
    symlinkSync(join(loop, 'loop.json'), join(loop, 'loop.json'));
    expectRejected(
      await casus(['check', '--rules', loop]),
      join(loop, 'loop.json'),
      'none',
      /cannot be read: a symbolic link that points back to itself/,
    );
  });

  it('--plan cannot name a file outside rules/versions', async () => {
    const r = await casus(['check', '--plan', '../clauses']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^unknown plan version "\.\.\/clauses"/);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+/);
  });
});

describe('parameters that reach past the calendar (found while probing hostile scenarios)', () => {
  it('an election deadline of 2^53 - 1 days runs instead of crashing with "Invalid time value"', async () => {
    const trace = await run(IN_FORCE, {
      parameters: { 'election-deadline-days': Number.MAX_SAFE_INTEGER },
      until: '2030-01-01',
    });
    expect(trace.milestones.electionsDue).toBe('9999-12-31');
    expect(trace.final.guarantee).toBe('in-force');
  });

  it('an 8,000-year term does not expire in 2040 (a five-digit year sorted before "2040")', async () => {
    const trace = await run(IN_FORCE, { parameters: { 'term-years': 8000 }, until: '2040-01-01' });
    expect(trace.milestones.termEnds).toBe('9999-12-31');
    expect(trace.final.guarantee).toBe('in-force');
  });

  it('date arithmetic stays within years 0000 to 9999', async () => {
    expect(addYears('2026-03-01', 8000)).toBe('9999-12-31');
    expect(addYears('2026-03-01', 7973)).toBe('9999-03-01');
    expect(addDays('2026-03-01', Number.MAX_SAFE_INTEGER)).toBe('9999-12-31');
    expect(addDays('2026-03-01', -Number.MAX_SAFE_INTEGER)).toBe('0000-01-01');
    expect(addDays('2026-03-01', 30)).toBe('2026-03-31');
  });
});
