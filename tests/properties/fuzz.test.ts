// Fuzzing the loaders (fast-check): arbitrary text, mutated real files and arbitrary JSON go into the scenario loader,
// the rule-set loader and the plan-version loader. Each call returns, or throws an InputError whose issues each name
// the file, a line and a short message: never another error, never a hang. `npm run fuzz` runs it many more times.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineCounter, parse, parseDocument, stringify } from 'yaml';
import { parseText } from '../../src/input/document.js';
import { InputError, type InputIssue } from '../../src/issues/issue.js';
import { parseLargeYaml } from '../../src/input/largeYaml.js';
import { Source } from '../../src/input/source.js';
import { nodeOffset } from '../../src/input/yaml.js';
import { DEFAULT_RULES_DIR, parseRuleSet, type RuleFile } from '../../src/rules/load.js';
import { applyPlanVersion } from '../../src/rules/versions.js';
import { runOutcomes } from '../../src/run/runner.js';
import { checkScenario, parseScenario } from '../../src/scenario/load.js';
import { ruleSet } from '../helpers.js';
import { scenarioArb } from './arbitraries.js';

/** What the item-by-item YAML reader gives (value and positions), or undefined where it leaves the text whole. */
const itemByItem = (text: string) => {
  const read = parseLargeYaml(new Source('x.yaml', text));
  return read?.ok ? read.parsed : undefined;
};
/** CASUS_FUZZ_RUNS=N runs each property about N times (npm run fuzz); the default keeps this file to a few seconds. */
const FUZZ = Number(process.env.CASUS_FUZZ_RUNS ?? 0);
const runs = (ci: number) => ({ numRuns: FUZZ > 0 ? FUZZ : ci });
/** The slowest single call allowed: far above any real one (milliseconds), far below a hang. */
const SLOW_MS = 5_000;

const SCENARIOS = readdirSync('scenarios')
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => readFileSync(join('scenarios', f), 'utf8'));
const SCENARIOS_JSON = SCENARIOS.map((t) => JSON.stringify(parse(t), null, 2));
const RULE_FILES: RuleFile[] = readdirSync(DEFAULT_RULES_DIR)
  .filter((n) => n.endsWith('.json'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(DEFAULT_RULES_DIR, name), 'utf8') }));
const VERSIONS = readdirSync(join(DEFAULT_RULES_DIR, 'versions'))
  .sort()
  .map((n) => ({ name: n, text: readFileSync(join(DEFAULT_RULES_DIR, 'versions', n), 'utf8') }));
const SMALL_SCENARIO = checkScenario(
  {
    scenario: 'fuzz',
    title: 'Fuzz',
    events: [
      ...['UA', 'RU', 'US', 'EU', 'NATO'].map((party) => ({ at: '2026-01-10', type: 'signature', party })),
      { at: '2026-03-01', type: 'armed-attack', by: 'RU', against: 'UA', scale: 'large-scale', crossesLine: true },
    ],
  },
  ruleSet,
);

function expectGoodIssues(issues: readonly InputIssue[], files: readonly string[]): void {
  expect(issues.length).toBeGreaterThan(0);
  for (const issue of issues) {
    expect(files, JSON.stringify(issue)).toContain(issue.file);
    expect(Number.isInteger(issue.line) && issue.line >= 0, JSON.stringify(issue)).toBe(true);
    expect(Number.isInteger(issue.column) && issue.column >= 0, JSON.stringify(issue)).toBe(true);
    expect(issue.message.length, JSON.stringify(issue)).toBeGreaterThan(0);
    expect(issue.message.length, JSON.stringify(issue)).toBeLessThanOrEqual(1000);
  }
}

/**
 * Calls `load`; it must return or throw an InputError with good issues, quickly. Returns what it returned, if anything.
 */
function survives<T>(load: () => T, files: readonly string[]): T | undefined {
  const started = performance.now();
  try {
    return load();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    expectGoodIssues(error.issues, files);
    return undefined;
  } finally {
    expect(performance.now() - started).toBeLessThan(SLOW_MS);
  }
}

// ---- text that is almost a real file: a real file with a few small edits ----

const SPECIALS = [
  ':',
  '-',
  ' ',
  '\n',
  '[',
  ']',
  '{',
  '}',
  ',',
  '#',
  '&',
  '*',
  '!',
  '|',
  '>',
  "'",
  '"',
  '%',
  '@',
  '`',
  '\t',
  '?',
  '\\',
  '\u0000',
  '\uFEFF',
  '\u2028',
  'é',
  '1e309',
  '__proto__',
  '<<',
  '&a',
  '*a',
  '0x',
  '~',
];

type Edit =
  | {
      kind: 'delete-char' | 'duplicate-char' | 'swap-chars' | 'delete-line' | 'duplicate-line' | 'swap-lines';
      at: number;
      to: number;
    }
  | { kind: 'insert'; at: number; to: number; text: string };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('delete-char', 'duplicate-char', 'swap-chars', 'delete-line', 'duplicate-line', 'swap-lines'),
    at: fc.nat(),
    to: fc.nat(),
  }),
  fc.record({
    kind: fc.constant('insert'),
    at: fc.nat(),
    to: fc.nat(),
    text: fc.oneof(fc.constantFrom(...SPECIALS), fc.string({ unit: 'binary', maxLength: 4 })),
  }),
) as fc.Arbitrary<Edit>;

function applyEdit(text: string, edit: Edit): string {
  if (text.length === 0) return edit.kind === 'insert' ? edit.text : text;
  const i = edit.at % text.length;
  const lines = text.split('\n');
  const a = edit.at % lines.length;
  const b = edit.to % lines.length;
  switch (edit.kind) {
    case 'delete-char':
      return text.slice(0, i) + text.slice(i + 1);
    case 'duplicate-char':
      return text.slice(0, i) + text[i] + text.slice(i);
    case 'swap-chars':
      return i + 1 < text.length ? text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2) : text;
    case 'insert':
      return text.slice(0, i) + edit.text + text.slice(i);
    case 'delete-line':
      return [...lines.slice(0, a), ...lines.slice(a + 1)].join('\n');
    case 'duplicate-line':
      return [...lines.slice(0, a + 1), ...lines.slice(a)].join('\n');
    case 'swap-lines': {
      const out = [...lines];
      [out[a], out[b]] = [out[b]!, out[a]!];
      return out.join('\n');
    }
  }
}

/** One of `texts`, with one to five edits. */
const mutated = (texts: readonly string[]) =>
  fc
    .tuple(fc.constantFrom(...texts), fc.array(editArb, { minLength: 1, maxLength: 5 }))
    .map(([text, edits]) => edits.reduce(applyEdit, text));

/** A JSON value with one subtree (chosen by `pick`) replaced by `by`. */
function replaceSubtree(value: unknown, pick: number, by: unknown): unknown {
  const nodes: Array<{ parent: Record<string, unknown> | unknown[]; key: string | number }> = [];
  const visit = (v: unknown) => {
    if (v === null || typeof v !== 'object') return;
    for (const [k, child] of Object.entries(v)) {
      nodes.push({ parent: v as Record<string, unknown>, key: Array.isArray(v) ? Number(k) : k });
      visit(child);
    }
  };
  const copy = structuredClone(value);
  visit(copy);
  if (nodes.length === 0) return by;
  const { parent, key } = nodes[pick % nodes.length]!;
  (parent as Record<string | number, unknown>)[key] = by;
  return copy;
}

describe('the scenario loader on hostile text', () => {
  it('arbitrary text, as YAML and as JSON', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.constantFrom('x.yaml', 'x.json'), (text, file) => {
        survives(() => parseScenario(file, text, ruleSet), [file]);
      }),
      runs(800),
    );
  });

  it('bundled scenarios with a few characters or lines deleted, duplicated, swapped or inserted', () => {
    fc.assert(
      fc.property(mutated(SCENARIOS), (text) => {
        survives(() => parseScenario('mutated.yaml', text, ruleSet), ['mutated.yaml']);
      }),
      runs(800),
    );
  });

  it('bundled scenarios as JSON, mutated the same way', () => {
    fc.assert(
      fc.property(mutated(SCENARIOS_JSON), (text) => {
        survives(() => parseScenario('mutated.json', text, ruleSet), ['mutated.json']);
      }),
      runs(600),
    );
  });

  it('arbitrary JSON values, alone and in place of part of a real scenario', () => {
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 5 }),
      fc
        .tuple(fc.constantFrom(...SCENARIOS_JSON), fc.nat(), fc.jsonValue({ maxDepth: 3 }))
        .map(([t, pick, by]) => replaceSubtree(JSON.parse(t), pick, by)),
    );
    fc.assert(
      fc.property(value, fc.constantFrom('x.json', 'x.yaml'), (v, file) => {
        const text = file.endsWith('.json') ? JSON.stringify(v, null, 1) : stringify(v);
        survives(() => parseScenario(file, text, ruleSet), [file]);
      }),
      runs(600),
    );
  });
});

describe('the rule-set loader on hostile text', () => {
  const files = (name: string, text: string) => RULE_FILES.map((f) => (f.name === name ? { name, text } : f));
  const names = RULE_FILES.map((f) => f.name);
  const paths = ['/rules', ...names.map((n) => `/rules/${n}`)];
  /**
   * A rule set that loads runs a scenario: nothing a loaded rule file says can crash the engine. (The run may still
   * stop with an InputError about the scenario: a rule that now reads `justified` leaves its outcome open.)
   */
  const loadAndRun = (set: RuleFile[]) => {
    const loaded = survives(() => parseRuleSet('/rules', set), paths);
    if (loaded) survives(() => runOutcomes(SMALL_SCENARIO, loaded), [...paths, SMALL_SCENARIO.file]);
  };

  it('one file replaced by arbitrary text', () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.string({ unit: 'binary', maxLength: 300 }), (name, text) => {
        loadAndRun(files(name, text));
      }),
      runs(400),
    );
  });

  it('one file with a few characters or lines deleted, duplicated, swapped or inserted', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RULE_FILES), fc.array(editArb, { minLength: 1, maxLength: 4 }), (file, edits) => {
        loadAndRun(files(file.name, edits.reduce(applyEdit, file.text)));
      }),
      runs(500),
    );
  });

  it('one file with a part replaced by an arbitrary JSON value, or by a value from elsewhere in the rule set', () => {
    const donor = fc.constantFrom(...RULE_FILES).chain((f) =>
      fc.nat().map((pick) => {
        const nodes: unknown[] = [];
        const visit = (v: unknown) => {
          nodes.push(v);
          if (v !== null && typeof v === 'object') for (const c of Object.values(v)) visit(c);
        };
        visit(JSON.parse(f.text));
        return nodes[pick % nodes.length];
      }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...RULE_FILES),
        fc.nat(),
        fc.oneof(fc.jsonValue({ maxDepth: 3 }), donor),
        (file, pick, by) => {
          loadAndRun(files(file.name, JSON.stringify(replaceSubtree(JSON.parse(file.text), pick, by), null, 2)));
        },
      ),
      runs(500),
    );
  });

  it('a plan version with a part replaced or a few edits', () => {
    const base = parseRuleSet('/rules', RULE_FILES);
    const text = fc.oneof(
      fc
        .tuple(fc.constantFrom(...VERSIONS), fc.nat(), fc.jsonValue({ maxDepth: 3 }))
        .map(([v, pick, by]) => JSON.stringify(replaceSubtree(JSON.parse(v.text), pick, by), null, 2)),
      fc
        .tuple(fc.constantFrom(...VERSIONS), fc.array(editArb, { minLength: 1, maxLength: 4 }))
        .map(([v, edits]) => edits.reduce(applyEdit, v.text)),
    );
    fc.assert(
      fc.property(text, (t) => {
        const planned = survives(
          () => applyPlanVersion(base, '/rules/versions/fuzz.json', t),
          ['/rules/versions/fuzz.json'],
        );
        if (planned)
          survives(() => runOutcomes(SMALL_SCENARIO, planned), ['/rules/versions/fuzz.json', SMALL_SCENARIO.file]);
      }),
      runs(300),
    );
  });
});

describe('positions agree between parsers', () => {
  /** Every path into a value (at most 200), with whether it ends at an object key. */
  const pathsOf = (value: unknown): Array<{ path: PropertyKey[]; key: boolean }> => {
    const out: Array<{ path: PropertyKey[]; key: boolean }> = [];
    const visit = (v: unknown, path: PropertyKey[]) => {
      if (out.length >= 200 || v === null || typeof v !== 'object') return;
      for (const [k, child] of Object.entries(v)) {
        const next = [...path, Array.isArray(v) ? Number(k) : k];
        out.push({ path: next, key: false });
        if (!Array.isArray(v)) out.push({ path: next, key: true });
        visit(child, next);
      }
    };
    visit(value, []);
    return out;
  };

  it('JSON read by JSON.parse and a position scan puts every path where the YAML parser puts it', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(0, 1, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const ours = parseText('x.json', text, true);
        fc.pre(ours.ok && value !== null);
        if (!ours.ok) return;
        const counter = new LineCounter();
        const doc = parseDocument(text, { lineCounter: counter, version: '1.2' });
        fc.pre(doc.errors.length === 0);
        for (const { path, key } of pathsOf(value)) {
          const { line, col } = counter.linePos(nodeOffset(doc, path, key));
          expect(ours.parsed.locate(path, key), JSON.stringify(path)).toEqual({ line, column: col });
        }
      }),
      runs(300),
    );
  });

  it('when the item-by-item YAML parser accepts a text, the whole parse gives the same value and positions', () => {
    const yaml = fc.oneof(
      scenarioArb(8).map((s) => stringify(s)),
      mutated(SCENARIOS),
    );
    fc.assert(
      fc.property(yaml, (text) => {
        const large = itemByItem(text);
        fc.pre(large !== undefined);
        const whole = parseText('x.yaml', text, false);
        // parseText may refuse a text before parsing it (NUL bytes, nesting, size); never for its syntax
        if (!whole.ok)
          expect(
            whole.issues.map((i) => i.code).filter((c) => !['binary', 'too-deep', 'too-large', 'empty'].includes(c)),
          ).toEqual([]);
        if (!whole.ok || !large) return;
        expect(large.value).toEqual(whole.parsed.value);
        for (const { path, key } of pathsOf(large.value))
          expect(large.locate(path, key), JSON.stringify(path)).toEqual(whole.parsed.locate(path, key));
      }),
      runs(200),
    );
  });
});

describe('regressions found by fuzzing', () => {
  it("a YAML file's events list read item by item is at its first dash, as in a whole parse (seed 1981973875)", () => {
    // shrunk from the counterexample: a bundled scenario with a folded description, read by both parsers
    const text =
      'scenario: a\ntitle: A\ndescription: >\n  folded\n  text\nevents:\n' +
      '  - { at: 2026-01-10, type: signature, party: UA }\nexpect:\n  - { on: end, guarantee: pending }\n';
    const whole = parseText('x.yaml', text, false);
    expect(whole.ok && whole.parsed.locate(['events'])).toEqual({ line: 7, column: 3 });
    expect(itemByItem(text)!.locate(['events'])).toEqual({ line: 7, column: 3 });
    expect(itemByItem(text)!.locate(['events'], true)).toEqual({ line: 6, column: 1 });
  });

  it('a YAML error quotes at most 200 characters of the file (seed -216126968)', () => {
    // shrunk from the counterexample: an event line moved to the top makes yaml quote the whole folded paragraph
    const text = `  - { at: 2030-06-02, type: armed-attack,\ntitle: T\ndescription: >\n  ${'word '.repeat(300)}\n`;
    const result = parseText('x.yaml', text, false);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(
      result.issues.some(
        (i) => i.line === 4 && i.message.startsWith('YAML: Unexpected scalar token in YAML stream: "  word word'),
      ),
    ).toBe(true);
    // "YAML: " and an ellipsis around the 200
    for (const issue of result.issues) expect(issue.message.length).toBeLessThanOrEqual(207);
  });

  it('a U+2028 after "events:" is not a line end for the item-by-item parser either (seed -1235374950)', () => {
    // JavaScript's multiline ^ and $ break lines at U+2028; YAML 1.2 does not, so the two parsers disagreed
    const text = 'scenario: a\ntitle: A\nevents:\u2028\n  - { at: 2026-01-10, type: signature, party: UA }\n';
    expect(parseText('x.yaml', text, false).ok).toBe(false);
    expect(itemByItem(text)).toBeUndefined();
    const comment =
      'scenario: a\ntitle: A\nevents:   # a comment with \u2028 in it\n' +
      '  - { at: 2026-01-10, type: signature, party: UA }\n';
    expect(itemByItem(comment)!.value).toEqual(
      (parseText('x.yaml', comment, false) as { parsed: { value: unknown } }).parsed.value,
    );
  });
});
