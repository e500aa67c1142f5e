// casus simulate: deterministic whatever the worker count, distributions that add up, models checked like scenarios.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { runRandom } from '../src/simulate/random.js';
import { captureIo } from './helpers.js';

const MODEL = 'models/baseline.yaml';
const dir = mkdtempSync(join(tmpdir(), 'casus-sim-'));
const cli = async (argv: string[], options: { stderrIsTTY?: boolean } = {}) => {
  const io = Object.assign(captureIo(), { stderrIsTTY: options.stderrIsTTY ?? false });
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
};
const json = async (argv: string[]) => {
  const { code, out, err } = await cli([...argv, '--format', 'json']);
  expect(code, err).toBe(0);
  return JSON.parse(out) as {
    runs: number;
    summary: {
      runs: number;
      final: Record<string, Array<{ value: string; runs: number }>>;
      decidedBy: Array<{ runs: number }>;
      timeTo: Array<{ runs: number; byYear: number[] }>;
    };
  };
};

describe('casus simulate', () => {
  it('gives the same output for the same seed, in this thread or across two worker threads', async () => {
    const one = await cli(['simulate', MODEL, '--runs', '1200', '--seed', '7', '--workers', '1', '--format', 'json']);
    const two = await cli(['simulate', MODEL, '--runs', '1200', '--seed', '7', '--workers', '2', '--format', 'json']);
    expect(one.code).toBe(0);
    expect(two.out).toBe(one.out);
    const other = await cli(['simulate', MODEL, '--runs', '1200', '--seed', '8', '--workers', '1', '--format', 'json']);
    expect(other.out).not.toBe(one.out);
  });

  it('counts every run once: each distribution sums to N', async () => {
    const r = await json(['simulate', MODEL, '--runs', '500']);
    expect(r.summary.runs).toBe(500);
    for (const region of ['guarantee', 'ceasefire', 'sanctions', 'russiaBenefits'])
      expect(
        r.summary.final[region]!.reduce((n, x) => n + x.runs, 0),
        region,
      ).toBe(500);
    expect(r.summary.decidedBy.reduce((n, x) => n + x.runs, 0)).toBe(500);
    for (const t of r.summary.timeTo) expect(t.byYear.reduce((a, b) => a + b, 0)).toBe(t.runs);
  });

  it('prints the distribution as text, with the clause that decided each outcome', async () => {
    const { code, out, err } = await cli(['simulate', MODEL, '--runs', '300']);
    expect(code).toBe(0);
    expect(out).toContain('300 runs of 10 years from 2026-01-10, seed 1');
    expect(out).toMatch(/Final status of the agreement\n {2}concluded/);
    expect(out).toMatch(/Final status of the guarantee\n {2}in-force/);
    expect(out).toMatch(/in-force +[\d,]+ +[\d.]+% +█* *entry-into-force \[entry-into-force · 28/);
    expect(err).toBe('');
  });

  it('draws a progress bar on stderr only when stderr is a terminal', async () => {
    expect((await cli(['simulate', MODEL, '--runs', '300'], { stderrIsTTY: true })).err).toContain('300/300 runs');
    expect((await cli(['simulate', MODEL, '--runs', '300'], { stderrIsTTY: false })).err).toBe('');
  });

  it('reports a bad model with file:line, the field and a hint; exit 2', async () => {
    const text = readFileSync(MODEL, 'utf8')
      .replace('scale: large-scale, means: mixed', 'scale: larg-scale, means: mixed')
      .replace('probability: 0.1\n', 'probability: 1.5\n');
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, text);
    const line = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    const { code, err } = await cli(['simulate', file, '--runs', '10']);
    expect(code).toBe(2);
    expect(err).toContain(`bad.yaml:${line('probability: 1.5')}:`);
    writeFileSync(file, text.replace('probability: 1.5\n', 'probability: 0.1\n'));
    const scale = await cli(['simulate', file, '--runs', '10']);
    expect(scale.err).toMatch(
      new RegExp(`bad\\.yaml:${line('larg-scale')}:\\d+: events\\[0\\]\\.event\\.scale: expected one of`),
    );
    expect(scale.err).toContain('did you mean "large-scale"');
  });

  it('draws the numbers of run i from (seed, i) alone', () => {
    const a = runRandom(1, 42);
    const b = runRandom(1, 42);
    const c = runRandom(1, 43);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(c()).not.toBe(first[0]);
    for (const x of first) expect(x >= 0 && x < 1).toBe(true);
  });
});
