// Long scenarios: streamed text and JSON equal the whole-trace
// reports, big YAML files load item by item, --out loses nothing.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitStream } from '../src/cli/output.js';
import { parse } from 'yaml';
import { longScenarioYaml } from '../src/bench/scenarios.js';
import { main } from '../src/cli/main.js';
import { sensitivityOf } from '../src/whatif/sensitivity.js';
import { parseText, type ParsedText } from '../src/input/document.js';
import { InputError } from '../src/issues/issue.js';
import { parseLargeYaml } from '../src/input/largeYaml.js';
import { Source } from '../src/input/source.js';
import { textLines } from '../src/render/text.js';
import { runScenario } from '../src/run/runner.js';
import { loadScenario, parseScenario } from '../src/scenario/load.js';
import { captureIo, ruleSet } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'casus-stream-'));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
const cli = async (argv: string[]) => {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
};
/** A quarter of the bundled scenarios, every kind of step among them. */
// a quarter of the scenarios with one outcome (those that leave a fact unknown branch, see branches.test.ts)
const BUNDLED = readdirSync('scenarios')
  .filter((f) => f.endsWith('.yaml') && !/:\s*unknown\b/.test(readFileSync(`scenarios/${f}`, 'utf8')))
  .filter((_, i) => i % 4 === 0)
  .map((f) => `scenarios/${f}`);

describe('casus run streams text and JSON', () => {
  it('prints, for bundled scenarios, exactly the whole-trace text and JSON', async () => {
    for (const file of BUNDLED) {
      const loaded = loadScenario(file, ruleSet);
      const trace = await runScenario(loaded, ruleSet, { sensitivity: sensitivityOf(loaded, ruleSet) });
      expect((await cli(['run', file])).out, file).toBe(`${[...textLines(trace, { colour: false })].join('\n')}\n`);
      const json = (await cli(['run', file, '--format', 'json'])).out;
      expect(JSON.parse(json), file).toEqual(JSON.parse(JSON.stringify(trace)));
      // the documented layout: the head and the end indented, each step JSON.stringify of it on a line of its own
      const { steps, horizon, final, sensitivity, milestones, clauses, expectations, ...head } = trace;
      const end = { horizon, final, ...(sensitivity ? { sensitivity } : {}), milestones, clauses, expectations };
      const lines = steps.map((step) => `    ${JSON.stringify(step)}`).join(',\n');
      const layout = `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "steps": [\n${lines}\n  ],`;
      expect(json, file).toBe(`${layout}${JSON.stringify(end, null, 2).slice(1)}\n`);
    }
  });

  it('streams a 1,000-event scenario with a failed expectation to the same text, exit 1', async () => {
    const file = write(
      'long-1000.yaml',
      `${longScenarioYaml(1000)}expect:\n  - { on: 2027-06-01, guarantee: lapsed }\n`,
    );
    const trace = await runScenario(loadScenario(file, ruleSet), ruleSet);
    const { code, out } = await cli(['run', file, '--no-sensitivity']);
    expect(code).toBe(1);
    expect(out).toBe(`${[...textLines(trace, { colour: false })].join('\n')}\n`);
    expect(out).toMatch(/line 1005, on 2027-06-01 \(step \d+, 2027-06-0\d /);
  });

  it('prints nothing when the run stops with an error midway (short output is held back)', async () => {
    const io = captureIo();
    async function* failing() {
      yield 'first line\n';
      yield 'second line\n';
      throw new Error('stopped midway');
    }
    await expect(emitStream(io, failing(), undefined)).rejects.toThrow('stopped midway');
    expect(io.out).toBe('');
  });

  it('asks for the next chunk only once stdout takes more, so a slow pipe holds the run back, not memory', async () => {
    const io = captureIo();
    const waiting: Array<() => void> = [];
    io.writable = () => new Promise<void>((done) => waiting.push(done));
    let pulled = 0;
    async function* chunks() {
      for (let i = 0; i < 3; i++) {
        pulled++;
        yield 'x'.repeat(1 << 20);
      }
    }
    const settle = async () => {
      for (let i = 0; i < 10; i++) await new Promise((done) => setImmediate(done));
    };
    const written = emitStream(io, chunks(), undefined);
    await settle();
    expect([pulled, waiting.length]).toEqual([1, 1]);
    waiting.shift()!();
    await settle();
    expect([pulled, waiting.length]).toEqual([2, 1]);
    waiting.shift()!();
    await settle();
    waiting.shift()!();
    await written;
    expect(io.out.length).toBe(3 << 20);
  });

  it('runs every branch instead of stopping when a fact is left open', async () => {
    const events = ['UA', 'RU', 'US', 'EU', 'NATO']
      .map((p) => `  - { at: 2026-01-10, type: signature, party: ${p} }`)
      .join('\n');
    const file = write(
      'open.yaml',
      `scenario: open\ntitle: Open\nevents:\n${events}\n` +
        `  - { at: 2026-02-01, type: armed-attack, by: UA, against: RU, scale: limited, means: missile, ` +
        `target: Moscow, justified: unknown }\n`,
    );
    const { code, out } = await cli(['run', file, '--set', 'entry-into-force=on-signature', '--no-sensitivity']);
    expect(code).toBe(0);
    expect(out.replace(/\s+/g, ' ')).toContain('2 distinct outcomes');
  });
});

describe('large YAML files', () => {
  // a long description takes the file over the size from which events are parsed one by one
  const text = longScenarioYaml(3_000).replace(
    'events:\n',
    `description: ${'x'.repeat(1_000_000)}\nevents:   # one per line\n`,
  );

  it('load item by item to the same value and positions as a whole parse', () => {
    const large = (parseLargeYaml(new Source('big.yaml', text)) as { parsed: ParsedText }).parsed;
    expect(large.value).toEqual(parse(text));
    for (const i of [0, 7, 2000, 2_999]) expect(large.locate(['events', i]).line).toBe(i + 5);
    expect(large.locate(['events', 2000, 'type'])).toEqual({
      line: 2005,
      column: text.split('\n')[2004]!.indexOf('type: ') + 7,
    });
    expect(large.locate(['title'])).toEqual({ line: 2, column: 8 });
  });

  it('report a bad field deep in a large file at its line, with the usual hint', () => {
    const lines = text.split('\n');
    const at = /at: ([\d-]+)/.exec(lines[2_004]!)![1];
    lines[2_004] = `  - { at: ${at}, type: armed-attack, by: RU, against: UA, scale: larg-scale }`;
    const error = (() => {
      try {
        parseScenario('big.yaml', lines.join('\n'), ruleSet);
      } catch (e) {
        return e as InputError;
      }
      throw new Error('no error');
    })();
    expect(error).toBeInstanceOf(InputError);
    expect(
      error.issues.some(
        (i) => i.line === 2_005 && i.path.startsWith('events[2000]') && /did you mean "large-scale"/.test(i.hint ?? ''),
      ),
    ).toBe(true);
  });

  it('fall back to a whole parse for a syntax error, so the message is exact', () => {
    const lines = text.split('\n');
    lines[1_504] = '  - { at: 2030-01-01, type: signature, party: UA';
    const result = parseText('big.yaml', lines.join('\n'), false);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]!.line).toBeGreaterThanOrEqual(1_505);
  });
});

describe('--out loses nothing', () => {
  it('refuses to overwrite the input scenario, in every format', async () => {
    const input = write(BUNDLED[0]!.slice('scenarios/'.length), readFileSync(BUNDLED[0]!, 'utf8'));
    for (const format of ['text', 'json']) {
      const { code, err } = await cli(['run', input, '--format', format, '--out', input]);
      expect(code).toBe(2);
      expect(err).toContain('refusing to overwrite it');
    }
    expect(readFileSync(input, 'utf8')).toBe(readFileSync(BUNDLED[0]!, 'utf8'));
  });

  it('an interrupted run (SIGINT while writing) leaves the old output and no temporary file', async () => {
    const out = write('report.txt', 'the old report\n');
    const input = write('long-3000.yaml', longScenarioYaml(3000));
    const child = spawn(process.execPath, ['dist/cli/bin.js', 'run', input, '--out', out], { stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const temps = () => readdirSync(dir).filter((f) => f.startsWith('.report.txt.') && f.endsWith('.tmp'));
    const deadline = Date.now() + 15_000;
    while (temps().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    expect(temps().length, 'the run began writing its temporary file').toBe(1);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(readFileSync(out, 'utf8')).toBe('the old report\n');
    expect(temps()).toEqual([]);
  });
});
