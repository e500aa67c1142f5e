// A start that cannot trip: casus new, scenario ids that match their files, help that lists only what applies.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { SHARED_OPTIONS } from '../src/cli/options.js';
import { LEGEND } from '../src/plan/legend.js';
import { captureIo } from './helpers.js';

const cli = async (argv: string[]) => {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
};
const dir = mkdtempSync(join(tmpdir(), 'casus-start-'));

describe('casus new', () => {
  it('writes a complete scenario, every line commented, that runs quiet and passes its own expectations', async () => {
    const file = join(dir, 'my-timeline.yaml');
    expect((await cli(['new', file, '--title', 'What if: Russia attacks in 2029?'])).code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^scenario: my-timeline /m);
    expect(text).toContain('title: "What if: Russia attacks in 2029?"');
    for (const line of text.split('\n').filter((l) => l.trim().startsWith('- {'))) expect(line, line).toMatch(/ # \S/);
    for (const party of ['UA', 'RU', 'US', 'EU', 'NATO']) expect(text).toContain(`type: signature, party: ${party} }`);
    expect(text).toContain('type: compensation-paid');
    const run = await cli(['run', file]);
    expect(run.code).toBe(0);
    expect(run.out).toContain('no breaches recorded');
    expect(run.out).toContain('holds under all 2304 readings');
    expect((await cli(['test', file])).out).toMatch(/1 passed, 0 failed/);
  });

  it('refuses to overwrite a file, and a name that cannot be a scenario id', async () => {
    const file = join(dir, 'taken.yaml');
    writeFileSync(file, 'mine\n');
    const { code, err } = await cli(['new', file]);
    expect(code).toBe(2);
    expect(err).toContain('refusing to overwrite it');
    expect(readFileSync(file, 'utf8')).toBe('mine\n');
    expect((await cli(['new', join(dir, 'My Timeline.yaml')])).err).toContain('e.g. casus new my-timeline.yaml');
    expect(existsSync(join(dir, 'My Timeline.yaml'))).toBe(false);
  });
});

describe('scenario: is the file name', () => {
  it('is an error naming the line, with the hint to rename either', async () => {
    const file = join(dir, 'quiet-start.yaml');
    await cli(['new', join(dir, 'other-name.yaml')]);
    writeFileSync(file, readFileSync(join(dir, 'other-name.yaml'), 'utf8'));
    const { code, err } = await cli(['run', file]);
    expect(code).toBe(2);
    expect(err).toContain(':2');
    expect(err).toContain("scenario: other-name is not the file's name (quiet-start)");
    expect(err).toContain('rename the file to other-name.yaml, or write scenario: quiet-start');
  });

  it('holds for every bundled scenario', async () => {
    const { code, out } = await cli(['test', 'scenarios']);
    expect(out).toMatch(/ 0 failed/);
    expect(code).toBe(0);
  });
});

describe("each command's --help lists only its own options", () => {
  it('schema offers neither --assume nor --set nor --format; run offers --assume and --no-sensitivity', async () => {
    const schema = (await cli(['schema', '--help'])).out;
    for (const option of ['--assume', '--set', '--format', '--out', '--engine']) expect(schema).not.toContain(option);
    const run = (await cli(['run', '--help'])).out;
    for (const option of ['--assume', '--no-sensitivity', '--out', '--engine']) expect(run).toContain(option);
    expect(run).toContain('--format FORMAT     text (default), json, md, html');
  });

  it('refuses an option the command does not take', async () => {
    const { code, err } = await cli(['schema', '--assume', 'x.justified=true']);
    expect(code).toBe(2);
    expect(err).toContain("Unknown option '--assume'");
  });

  it('lists every shared option in the main help', async () => {
    const top = (await cli(['--help'])).out;
    for (const o of Object.values(SHARED_OPTIONS)) expect(top).toContain(o.usage);
    expect(top).toMatch(/ new +write a complete, quiet scenario/);
  });
});

describe('every legend defines SG, T28 and every abbreviation', () => {
  it('compare has the legend in text and Markdown', async () => {
    const files = [
      'scenarios/a-force-level-above-600000-breaches-the-cap.yaml',
      'scenarios/a-force-level-of-exactly-600000-is-within-the-cap.yaml',
    ];
    const text = (await cli(['compare', ...files])).out;
    const md = (await cli(['compare', ...files, '--format', 'md'])).out;
    for (const entry of LEGEND) {
      expect(text).toContain(`${entry.term}: `);
      expect(md).toContain(`**${entry.term}**`);
    }
  });
});
