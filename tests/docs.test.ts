// The docs teach what the code does: the README's example runs,
// the reference is the code's, every reading has an example.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { referenceMarkdown } from '../src/docs/reference.js';
import { LEGEND } from '../src/plan/legend.js';
import { resolveSettings } from '../src/run/settings.js';
import { loadScenario } from '../src/scenario/load.js';
import { scenarioTemplate } from '../src/scenario/template.js';
import { captureIo, ruleSet, VERSIONS } from './helpers.js';

const README = readFileSync('README.md', 'utf8');
const cli = async (argv: string[]) => {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
};

describe('docs/versions.md', () => {
  it('has a row in its table for every plan version in rules/versions/', () => {
    const doc = readFileSync('docs/versions.md', 'utf8');
    for (const version of VERSIONS) expect(doc, version).toMatch(new RegExp(`^\\| \`${version}\` \\|`, 'm'));
  });
});

describe('the README', () => {
  it('is at most 250 lines, starts with the two commands, and links every guide', () => {
    expect(README.split('\n').length).toBeLessThanOrEqual(250);
    for (const line of ['npm ci && npm start', 'npm test ', 'npm run test:slow']) expect(README).toContain(line);
    for (const doc of ['analysts', 'teaching', 'reference', 'glossary', 'testing', 'versions', 'development'])
      expect(README).toContain(`(docs/${doc}.md)`);
    expect(README).toMatch(/--format dot[\s\S]{0,120}Graphviz/);
  });

  it('has a complete scenario that runs quiet, the one casus new writes', async () => {
    const yaml = /```yaml\n([\s\S]*?)```/.exec(README)![1]!;
    const id = /^scenario: (\S+)/m.exec(yaml)![1]!;
    const title = JSON.parse(/^title: (.*)$/m.exec(yaml)![1]!) as string;
    expect(yaml).toBe(scenarioTemplate(id, title));
    const file = join(mkdtempSync(join(tmpdir(), 'casus-readme-')), `${id}.yaml`);
    writeFileSync(file, yaml);
    const { code, out } = await cli(['run', file]);
    expect(code).toBe(0);
    expect(out).toContain('no breaches recorded');
    expect(out).toContain('expectations: all 3 hold');
  });
});

describe('docs/reference.md', () => {
  it('is generated from the code: npm run docs:reference rewrites it when they differ', async () => {
    expect(readFileSync('docs/reference.md', 'utf8')).toBe(await referenceMarkdown());
  });

  it('covers every event type, reading and parameter, and names Graphviz for --format dot', () => {
    const text = readFileSync('docs/reference.md', 'utf8');
    for (const i of ruleSet.settings.interpretations)
      for (const r of i.readings) expect(text).toContain(`\`${r.value}\`:`);
    for (const p of ruleSet.settings.parameters) expect(text).toContain(`| \`${p.name}\` |`);
    expect(text).toContain('Graphviz');
  });
});

describe('docs/analysts.md', () => {
  it('gives every reading a bundled scenario that chooses it, listed in the reference', async () => {
    const reference = await referenceMarkdown();
    for (const i of ruleSet.settings.interpretations) {
      for (const r of i.readings) {
        const row = new RegExp(`^\\| \`${i.name}\` \\| \`${r.value}\` \\| \`([a-z0-9-]+)\``, 'm').exec(reference);
        expect(row, `${i.name} = ${r.value}`).not.toBeNull();
        const file = `scenarios/${row![1]}.yaml`;
        expect(existsSync(file), file).toBe(true);
        expect(resolveSettings(ruleSet, loadScenario(file, ruleSet).scenario).interpretations[i.name], file).toBe(
          r.value,
        );
      }
    }
  });

  it(
    'explains facts left out, crossesLine for missiles, drones and aircraft, territory, ' +
      'the election deadline and compensation',
    () => {
      const text = readFileSync('docs/analysts.md', 'utf8');
      for (const phrase of [
        'Facts left out count as not so',
        'missiles, drones and aircraft',
        'russian-territory',
        'from **conclusion**',
        'compensation: precondition',
      ])
        expect(text).toContain(phrase);
    },
  );
});

describe('docs/glossary.md and docs/teaching.md', () => {
  it('the glossary defines every legend term', () => {
    const text = readFileSync('docs/glossary.md', 'utf8');
    for (const entry of LEGEND) expect(text, entry.term).toContain(entry.term);
  });

  it('the lesson plan steps through bundled scenarios that exist', () => {
    const names = [...readFileSync('docs/teaching.md', 'utf8').matchAll(/\| ([a-z0-9]+(?:-[a-z0-9]+){3,}) \|$/gm)].map(
      (m) => m[1]!,
    );
    expect(names.length).toBeGreaterThanOrEqual(4);
    for (const name of names) expect(existsSync(`scenarios/${name}.yaml`), name).toBe(true);
  });
});
