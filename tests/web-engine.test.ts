// The engine the page runs: the pure modules import no Node built-in,
// the built bundle holds none, and the words are casus's own.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { posix } from 'node:path';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extName, joinPath } from '../src/files/paths.js';
import { explain } from '../src/explain/explain.js';
import { explanationLines, stepExplanationLines } from '../src/render/explainText.js';
import { runPath } from '../src/render/diagram.js';
import { statechartSvg, swimlaneSvg } from '../src/render/svg.js';
import { runScenario } from '../src/run/runner.js';
import { loadScenario } from '../src/scenario/load.js';
import { ruleSet } from './helpers.js';

/**
 * The page's entry and the pure parts the brief names: none may
 * reach node:fs, node:path, node:url or any other built-in.
 */
const PURE_ENTRIES = [
  'web/src/main.ts',
  'src/input/document.ts',
  'src/issues/zod.ts',
  'src/scenario/parse.ts',
  'src/rules/ruleSet.ts',
  'src/run/runner.ts',
  'src/explain/explain.ts',
  'src/render/explainText.ts',
  'src/explain/words.ts',
  'src/render/svg.ts',
  'src/render/diagram.ts',
];
const BUILTINS = new Set(builtinModules);
const isBuiltin = (spec: string) => spec.startsWith('node:') || BUILTINS.has(spec.split('/')[0]!);

/** Import specifiers that survive compilation: `import type` and `export type` are erased, every other import stays. */
function valueImports(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/^\s*(?:import|export)\s+(type\s+)?[\w\s{},*$]*?\s*from\s*['"]([^'"]+)['"]/gm))
    if (!m[1]) out.push(m[2]!);
  for (const m of source.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) out.push(m[1]!);
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  return out;
}

/** Every module reachable from `entry` by value imports, with the chain that reaches each built-in it finds. */
function builtinsReachable(entry: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of valueImports(readFileSync(file, 'utf8'))) {
      if (isBuiltin(spec)) found.push([...chain, file, spec].join(' → '));
      else if (spec.startsWith('.'))
        walk(normalize(join(dirname(file), spec.replace(/\.js$/, '.ts'))), [...chain, file]);
    }
  };
  walk(entry, []);
  return found;
}

/** Every module `entry` reaches through value imports (itself included). */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of valueImports(readFileSync(file, 'utf8')))
      if (spec.startsWith('.')) walk(normalize(join(dirname(file), spec.replace(/\.js$/, '.ts'))));
  };
  walk(entry);
  return seen;
}

describe('one direction: the explanations and the reports read the trace, they never re-run it', () => {
  const LOGIC = ['src/run/runner.ts', 'src/run/stepper.ts', 'src/rules/engine.ts', 'src/rules/compile.ts'];
  const modules = ['src/explain', 'src/render'].flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(dir, f)),
  );

  it.each(modules)('%s reaches neither the runner nor the rules engines through its imports', (file) => {
    expect(LOGIC.filter((m) => reachable(file).has(m))).toEqual([]);
  });

  it('the commands that run scenarios do, so the scan would notice one', () => {
    expect(reachable('src/cli/commands/run.ts').has('src/run/runner.ts')).toBe(true);
  });
});

describe('the engine runs in a browser', () => {
  it.each(PURE_ENTRIES)('%s reaches no Node built-in through its imports', (entry) => {
    expect(builtinsReachable(entry)).toEqual([]);
  });

  it('the input layer is the parsing alone: under 550 lines, the file edge and the issues apart from it', () => {
    const files = readdirSync('src/input').filter((f) => f.endsWith('.ts'));
    const lines = files.reduce((n, f) => n + readFileSync(join('src/input', f), 'utf8').split('\n').length - 1, 0);
    expect(lines).toBeLessThan(550);
    for (const f of files) expect(builtinsReachable(join('src/input', f)), f).toEqual([]);
  });

  it('the file-system edges still do, so the scan would notice one', () => {
    expect(builtinsReachable('src/rules/load.ts').some((c) => c.endsWith('node:fs'))).toBe(true);
    expect(builtinsReachable('src/scenario/load.ts').some((c) => c.endsWith('node:path'))).toBe(true);
  });

  it('the built page imports no built-in, loads nothing from elsewhere, and holds the rules and scenarios', () => {
    expect(existsSync('dist/web/index.html'), 'run npm run build (npm test does) to build the page').toBe(true);
    const html = readFileSync('dist/web/index.html', 'utf8');
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
    const scripts = readdirSync('dist/web/assets').filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const bundle = scripts.map((f) => readFileSync(`dist/web/assets/${f}`, 'utf8')).join('\n');
    expect(bundle).not.toMatch(/(from\s*|import\s*\(\s*|require\s*\(\s*)["'](node:|fs["']|path["']|url["'])/);
    expect(bundle).toContain('qualifying-russian-attack');
    expect(bundle).toContain('renewed-offensive-invokes-the-guarantee');
  });

  it('joinPath and extName agree with node:path on POSIX', () => {
    const joins = [
      ['rules', 'a.json'],
      ['/abs/rules/', 'a.json'],
      ['./rules', 'a.json'],
      ['', 'a.json'],
      ['a/../b', 'x'],
      ['../x', 'y'],
      ['/', 'a'],
      ['a/b/../../..', 'c'],
      ['.', 'x'],
      ['rules/', 'sub/x.json'],
      ['/a/..', '..', 'b'],
      ['a//b', './c/'],
      ['', ''],
    ];
    for (const parts of joins) expect(joinPath(...parts), parts.join(' + ')).toBe(posix.join(...parts));
    for (const file of ['a/b.yaml', 'x.JSON', '.hidden', 'README', 'a.b/c', 'a.', '..', '.a.b', 'dir/.yaml'])
      expect(extName(file), file).toBe(posix.extname(file));
  });
});

describe('the words of a step', () => {
  it('are sentences of casus explain: the statuses the step set, the breach it recorded, and why not', async () => {
    const trace = await runScenario(
      loadScenario('scenarios/renewed-offensive-invokes-the-guarantee.yaml', ruleSet),
      ruleSet,
    );
    const attack = trace.steps.find((s) => s.at === '2029-03-01')!;
    const e = explain(trace, '2029-03-01');
    const options = { colour: false, width: 1_000_000 };
    const step = [...stepExplanationLines(e, attack.index, options)];
    const whole = new Set([...explanationLines(e, options)].map((l) => l.trim()));
    expect(step.join('\n')).toContain('The guarantee is invoked, since 2029-03-01 (it was in-force).');
    expect(step.join('\n')).toContain('Rule qualifying-russian-attack fired because');
    for (const line of step.filter((l) => !l.startsWith('Breach recorded: ')))
      expect(whole.has(line.trim()), line).toBe(true);
    expect(step.some((l) => l.startsWith('Breach recorded: 2029-03-01: ceasefire-violation by Russia'))).toBe(true);
    const raid = await runScenario(
      loadScenario(
        'scenarios/under-the-ground-incursion-reading-a-drone-raid-does-not-revoke-the-guarantee.yaml',
        ruleSet,
      ),
      ruleSet,
    );
    const why = [...stepExplanationLines(explain(raid), raid.steps.at(-1)!.index, options)].join('\n');
    expect(why).toContain('The guarantee stayed in-force.');
    expect(why).toMatch(
      /(The nearest rule,|Nor did) ukraine-invasion \[ukraine-invasion · 10b\],? (did not )?fire: means is drone/,
    );
  });

  it('statechart and swimlane name the step of each move and mark, so the page can light the current one', async () => {
    const trace = await runScenario(
      loadScenario('scenarios/renewed-offensive-invokes-the-guarantee.yaml', ruleSet),
      ruleSet,
    );
    const attack = trace.steps.find((s) => s.at === '2029-03-01')!;
    expect(
      runPath(trace)
        .taken.filter((m) => m.step === attack.index)
        .map((m) => m.to),
    ).toContain('guarantee.invoked.consultation');
    expect(statechartSvg(trace)).toContain(`class="move" data-step="${attack.index}"`);
    expect(swimlaneSvg(trace)).toContain(`data-step="${attack.index}"`);
  });
});
