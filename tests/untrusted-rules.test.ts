// Rule files are untrusted data: nothing in them is evaluated, imported or followed outside the rule directory.
// A path or value that carries a script is rejected by the loader, and even one that got past it would only be
// looked up as plain property names.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from 'json-rules-engine';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { InputError, type InputIssue } from '../src/issues/issue.js';
import { createEngine } from '../src/rules/engine.js';
import { plainPath } from '../src/rules/plainPath.js';
import {
  DEFAULT_RULES_DIR,
  loadPlannedRuleSet,
  loadRuleSet,
  MAX_RULE_SET_BYTES,
  parseRuleSet,
  type RuleFile,
  type RuleSet,
} from '../src/rules/load.js';

const BUNDLED: RuleFile[] = readdirSync(DEFAULT_RULES_DIR)
  .filter((name) => name.endsWith('.json'))
  .map((name) => ({ name, text: readFileSync(join(DEFAULT_RULES_DIR, name), 'utf8') }));

const g = globalThis as Record<string, unknown>;
afterEach(() => {
  expect(g.__pwned).toBeUndefined();
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

/** Scripts a path could carry if it were evaluated as JSONPath, JavaScript or a template. */
const SCRIPTS = [
  "$[?(@.constructor.constructor('globalThis.__pwned=1')())]",
  "$..[?(@.constructor.constructor('globalThis.__pwned=1')())]",
  "a.b;require('child_process').execSync('touch /tmp/pwned')",
  '${globalThis.__pwned = 1}',
  '`${globalThis.__pwned = 1}`',
  "constructor.constructor('globalThis.__pwned=1')()",
  '__proto__.polluted',
  'constructor.prototype.polluted',
  '$..x',
  "a['b']",
  'a..b',
  'a.b()',
];

const TEMPLATE = '{ "fact": "daysSinceRussianAttack", "operator": "equal", "value": null }';

const LINE =
  BUNDLED.find((f) => f.name === 'ukraine-conduct.json')!
    .text.split('\n')
    .findIndex((l) => l.includes(TEMPLATE)) + 1;

/** The bundled rules with one condition of ukraine-conduct.json replaced. */
function withCondition(condition: string): RuleFile[] {
  const file = BUNDLED.find((f) => f.name === 'ukraine-conduct.json')!;
  expect(file.text).toContain(TEMPLATE);
  return BUNDLED.map((f) => (f === file ? { ...f, text: f.text.replace(TEMPLATE, condition) } : f));
}

function issuesOf(files: readonly RuleFile[]): InputIssue[] {
  try {
    parseRuleSet('/rules', files);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).issues;
  }
  throw new Error('expected the rule set to be rejected');
}

describe('the rule loader rejects paths and values that carry a script', () => {
  it.each(SCRIPTS)('path %s', (script) => {
    const issues = issuesOf(
      withCondition(
        `{ "fact": "daysSinceRussianAttack", "path": ${JSON.stringify(script)}, "operator": "equal", "value": null }`,
      ),
    );
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      expect(issue).toMatchObject({ file: '/rules/ukraine-conduct.json', line: LINE });
      expect(issue.path).toMatch(/\.path$/);
      expect(issue.message).toMatch(/plain dot path|may not walk into __proto__, constructor or prototype/);
    }
  });

  it('a { "fact": … } value may not carry a path at all', () => {
    const issues = issuesOf(
      withCondition(
        `{ "fact": "daysSinceRussianAttack", "operator": "greaterThan", ` +
          `"value": { "fact": "retaliation-window-days", "path": ${JSON.stringify(SCRIPTS[0])} } }`,
      ),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'unknown-field', line: LINE, message: 'unknown field "path"' });
    expect(issues[0]!.path).toMatch(/\.value\.path$/);
  });

  it('a fact name, operator or value that carries a script is an unknown fact, operator or value', () => {
    const script = SCRIPTS[0]!;
    const issues = [
      ...issuesOf(withCondition(`{ "fact": ${JSON.stringify(script)}, "operator": "equal", "value": null }`)),
      ...issuesOf(
        withCondition(`{ "fact": "daysSinceRussianAttack", "operator": ${JSON.stringify(script)}, "value": null }`),
      ),
      ...issuesOf(
        withCondition(`{ "fact": "daysSinceRussianAttack", "operator": "equal", "value": ${JSON.stringify(script)} }`),
      ),
    ];
    expect(issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/^unknown fact "\$\[\?\(@/),
      expect.stringMatching(/^expected one of equal, .* got "\$\[\?\(@/),
      expect.stringMatching(/^"\$\[\?\(@.*" is not a value daysSinceRussianAttack can take: expected a number$/),
    ]);
  });

  it('event params that carry a script are unknown fields', () => {
    const term = BUNDLED.find((f) => f.name === 'term.json')!;
    const text = term.text.replace(
      '"params": { "clause": "term", "points": ["SG"] } }\n    },',
      `"params": { "clause": "term", "points": ["SG"], "run": ${JSON.stringify(SCRIPTS[0])}, ` +
        `"import": "node:child_process" } }\n    },`,
    );
    expect(text).not.toBe(term.text);
    const issues = issuesOf(BUNDLED.map((f) => (f === term ? { ...f, text } : f)));
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      ['rules[0].event.params.run', 'unknown field "run"'],
      ['rules[0].event.params.import', 'unknown field "import"'],
    ]);
  });
});

describe('even a path that got past the loader is only a walk over plain property names', () => {
  const facts = { a: { b: 1 }, RUSSIAN_ATTACK_QUALIFIES: 3, $: { x: 'dollar' }, '$..x': 'literal' };

  it.each(SCRIPTS)('plainPath(facts, %s) runs nothing and throws nothing', (script) => {
    expect(() => plainPath(facts, script)).not.toThrow();
    expect(plainPath(facts, script)).toBeUndefined();
  });

  it('reads own properties only: nothing inherited, nothing through __proto__ or constructor', () => {
    expect(plainPath(facts, 'a.b')).toBe(1);
    expect(plainPath(facts, 'RUSSIAN_ATTACK_QUALIFIES')).toBe(3);
    expect(plainPath(facts, '$.x')).toBe('dollar');
    for (const path of ['toString', 'constructor', '__proto__', 'a.hasOwnProperty', 'a.b.toFixed', 'constructor.name'])
      expect(plainPath(facts, path)).toBeUndefined();
  });

  it('the engine resolves paths with plainPath, not JSONPath: "$.x" is the key "$", then "x"', async () => {
    // a hand-built rule set, past every check, as if the loader had let these paths through
    const rule = (name: string, path: string, value: unknown) => ({
      name,
      file: 'test.json',
      family: 'test',
      order: 0,
      line: 1,
      eventTypes: [],
      conditions: { all: [{ fact: 'probe', path, operator: 'equal', value }] },
      event: { type: 'BREACH', params: { clause: 'test', points: ['1'] } },
    });
    const ruleSet = {
      rules: [
        rule('plain', '$.x', 'dollar'),
        rule('jsonpath', '$.x', 'jsonpath'),
        rule('script', SCRIPTS[0]!, true),
        rule('proto', 'constructor.prototype', Object.prototype),
      ],
    } as unknown as RuleSet;
    const engine = createEngine(ruleSet);
    const probe = { $: { x: 'dollar' }, x: 'jsonpath' };
    const { results } = await engine.run({ probe });
    // JSONPath would read probe.x ("jsonpath"); the plain walk reads probe["$"].x ("dollar")
    expect(results.map((r) => r.name)).toEqual(['plain']);

    // the control: json-rules-engine's default resolver is JSONPath, and reads "$.x" the other way
    const jsonPathEngine = new Engine([], { allowUndefinedFacts: true });
    for (const r of ruleSet.rules.slice(0, 2))
      jsonPathEngine.addRule({ name: r.name, conditions: r.conditions as never, event: r.event });
    expect((await jsonPathEngine.run({ probe })).results.map((r) => r.name)).toEqual(['jsonpath']);
  });
});

describe('the source never evaluates or imports what a file says', () => {
  const sources = (dir: string): Array<[string, string]> =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => [join(dir, f), readFileSync(join(dir, f), 'utf8')]);
  const checked = ['src/rules', 'src/run', 'src/files', 'src/input', 'src/issues', 'src/scenario'].flatMap(sources);

  it(
    'no eval, no Function constructor, no require, no dynamic import but of its own modules, ' +
      'no vm or child_process',
    () => {
      expect(checked.length).toBeGreaterThan(10);
      for (const [file, text] of checked) {
        const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
        expect(code, file).not.toMatch(/\beval\s*\(/);
        expect(code, file).not.toMatch(/\bnew\s+Function\b|\bFunction\s*\(/);
        expect(code, file).not.toMatch(/\brequire\s*\(/);
        // a literal path to one of casus's own modules is loading code, not reading it from a file
        expect(code, file).not.toMatch(/\bimport\s*\((?!\s*'\.{1,2}\/[\w/.-]+\.js'\s*\))/);
        expect(code, file).not.toMatch(/['"]node:(vm|child_process|worker_threads)['"]/);
      }
    },
  );

  it('every json-rules-engine Engine is built with our path resolver', () => {
    const all = sources('src');
    const engines = all.flatMap(([file, text]) =>
      [...text.matchAll(/new Engine\(([^)]*)\)/g)].map((m) => [file, m[1]!] as const),
    );
    expect(engines.length).toBeGreaterThan(0);
    for (const [file, args] of engines) expect(args, file).toMatch(/pathResolver: plainPath/);
  });
});

describe("the rule loader reads the rule directory's top-level *.json files and nothing else", () => {
  const dir = mkdtempSync(join(tmpdir(), 'casus-untrusted-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('files in subdirectories, other extensions and versions/ are not read by loadRuleSet', () => {
    const rules = join(dir, 'rules');
    cpSync(DEFAULT_RULES_DIR, rules, { recursive: true });
    mkdirSync(join(rules, 'sub'));
    writeFileSync(join(rules, 'sub', 'evil.json'), '{ not json');
    writeFileSync(join(rules, 'notes.txt'), '{ not json');
    writeFileSync(join(rules, 'versions', 'evil.json'), '{ not json');
    expect(loadRuleSet(rules).rules.map((r) => r.name)).toEqual(loadRuleSet().rules.map((r) => r.name));
  });

  it('a plan version is not read through a versions/ directory that links out of the rule directory', () => {
    const rules = join(dir, 'linked-versions');
    cpSync(DEFAULT_RULES_DIR, rules, { recursive: true });
    const outside = join(dir, 'elsewhere');
    cpSync(join(rules, 'versions'), outside, { recursive: true });
    rmSync(join(rules, 'versions'), { recursive: true });
    symlinkSync(outside, join(rules, 'versions'));
    expect(() => loadPlannedRuleSet(rules, 'us-28')).toThrow(InputError);
    try {
      loadPlannedRuleSet(rules, 'us-28');
    } catch (error) {
      expect((error as InputError).issues).toEqual([
        expect.objectContaining({ code: 'outside', file: join(rules, 'versions', 'us-28.json'), line: 0 }),
      ]);
      expect((error as InputError).issues[0]!.message).toBe(
        'outside the rule directory (through a linked directory): not read',
      );
    }
    // the same version, inside the rule directory, loads
    expect(loadPlannedRuleSet(DEFAULT_RULES_DIR, 'us-28').plan?.version).toBe('us-28');
  });

  it('a rule set whose files together pass the limit is refused before its last files are read', () => {
    const rules = join(dir, 'big');
    cpSync(DEFAULT_RULES_DIR, rules, { recursive: true });
    const filler = `{"family": "filler", "description": "${'x'.repeat(900_000)}", "rules": []}`;
    const count = Math.ceil(MAX_RULE_SET_BYTES / filler.length) + 1;
    for (let i = 0; i < count; i++) writeFileSync(join(rules, `filler-${i}.json`), filler);
    try {
      loadRuleSet(rules);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      const issues = (error as InputError).issues;
      expect(issues.length).toBeGreaterThan(0);
      expect(issues[0]).toMatchObject({ code: 'too-large', line: 1 });
      expect(issues[0]!.message).toMatch(/together are larger than 8000000 bytes/);
    }
  });
});
