// The CLI, driven by passing argv to main(): output, exit codes, and errors without stack traces.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { CLAUSE_IDS, captureIo } from './helpers.js';

const SCENARIO = 'scenarios/renewed-offensive-invokes-the-guarantee.yaml';
const cli = async (argv: string[], options: Parameters<typeof captureIo>[0] = {}) => {
  const io = captureIo(options);
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
};
const tmp = mkdtempSync(join(tmpdir(), 'casus-cli-'));
const write = (name: string, text: string) => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('casus run', () => {
  it('prints a readable timeline that fits 80 columns', async () => {
    const { code, out } = await cli(['run', SCENARIO]);
    expect(code).toBe(0);
    expect(out).toContain('2029-03-01  Russia attacks Ukraine');
    expect(out).toContain('→ guarantee in-force → invoked (consultation)');
    expect(out).toMatch(/\[guarantee-trigger\u00a0·\u00a0SG\]/);
    expect(out).toContain('Final: guarantee invoked (response)');
    for (const line of out.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
  });

  it('uses colour on a terminal only, and never under NO_COLOR', async () => {
    expect((await cli(['run', SCENARIO])).out).not.toContain('\u001b[');
    expect((await cli(['run', SCENARIO], { isTTY: true })).out).toContain('\u001b[');
    expect((await cli(['run', SCENARIO], { isTTY: true, env: { NO_COLOR: '1' } })).out).not.toContain('\u001b[');
  });

  it('prints the same JSON trace with --engine json-rules-engine as with the compiled default', async () => {
    const compiled = await cli(['run', SCENARIO, '--format', 'json']);
    const reference = await cli(['run', SCENARIO, '--format', 'json', '--engine', 'json-rules-engine']);
    expect(reference.code).toBe(0);
    expect(reference.out).toBe(compiled.out);
  });

  it('rejects an unknown --engine as a usage error that names the engines', async () => {
    const { code, err } = await cli(['run', SCENARIO, '--engine', 'drools']);
    expect(code).toBe(2);
    expect(err).toContain('--engine drools: expected compiled or json-rules-engine');
  });

  it('prints the JSON trace with --format json', async () => {
    const { code, out } = await cli(['run', SCENARIO, '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      scenario: 'renewed-offensive-invokes-the-guarantee',
      final: { guarantee: 'invoked' },
    });
  });

  it('applies --set, repeated', async () => {
    const { out } = await cli([
      'run',
      SCENARIO,
      '--format',
      'json',
      '--set',
      'attack-test=large-scale',
      '--set',
      'force-cap=800000',
    ]);
    expect(JSON.parse(out)).toMatchObject({
      interpretations: { 'attack-test': 'large-scale' },
      parameters: { 'force-cap': 800000 },
    });
  });

  it("exits 1 when the scenario's expectations do not hold", async () => {
    const file = write(
      'fails.yaml',
      'scenario: fails\ntitle: Fails\nevents:\n  - { at: 2026-01-10, type: signature, party: UA }\nexpect:\n' +
        '  - { on: end, guarantee: in-force }\n',
    );
    const { code, out } = await cli(['run', file]);
    expect(code).toBe(1);
    expect(out).toContain('guarantee: expected "in-force", got "pending"');
  });

  it.each([
    [['run'], /exactly one scenario file/],
    [['run', 'no-such-file.yaml'], /no-such-file\.yaml: no such file/],
    [['run', SCENARIO, '--format', 'xml'], /--format xml is not available; use text, json, md or html/],
    [
      ['run', SCENARIO, '--set', 'attack-test=huge'],
      /attack-test is one of significant-deliberate-sustained or large-scale/,
    ],
    [['run', SCENARIO, '--set', 'atack-test=large-scale'], /did you mean "attack-test"/],
    [['run', SCENARIO, '--set', 'force-cap=lots'], /force-cap is a whole number/],
    [['run', SCENARIO, '--set', 'nonsense'], /expected name=value/],
    [['run', SCENARIO, '--formt', 'json'], /Unknown option '--formt'/],
    [['rnu', SCENARIO], /did you mean "run"/],
    [['run', SCENARIO, '--rules', '/nonexistent'], /not a readable rule directory/],
  ])('rejects %j with exit 2 and a clear message', async (argv, message) => {
    const { code, err, out } = await cli(argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(out).toBe('');
    noStack(err);
  });

  it('shows control characters in scenario text as escapes, so a file cannot forge the output', async () => {
    const file = write(
      'escapes.yaml',
      'scenario: escapes\ntitle: "Fake \\e[31mred\\e[0m title"\nevents:\n' +
        '  - { at: 2026-01-10, type: armed-attack, by: UA, against: RU, scale: limited, ' +
        'target: "Mos\\u202ecow\\nat x.js:1:1" }\n',
    );
    const { code, out } = await cli(['run', file]);
    expect(code).toBe(0);
    expect(out).not.toMatch(/[\u001b\u202e]/);
    expect(out).toContain('Fake \\u001b[31mred');
    expect(out).toContain('Mos\\u202ecow\\nat x.js:1:1');
  });

  it('reports every problem of a broken scenario with file:line, exit 2', async () => {
    const file = write(
      'broken.yaml',
      'scenario: broken\ntitle: Broken\nevents:\n  - { at: 2026-01-10, type: signture, party: UA }\n' +
        '  - { at: 2026-01-11, type: signature, party: UAA }\n',
    );
    const { code, err } = await cli(['run', file]);
    expect(code).toBe(2);
    expect(err).toContain(`${file}:4:`);
    expect(err).toContain('did you mean "signature"?');
    expect(err).toContain(`${file}:5:`);
    expect(err).toContain('did you mean "UA"?');
    noStack(err);
  });
});

describe('casus test', () => {
  it('checks every bundled scenario and prints N passed, N failed', async () => {
    const { code, out } = await cli(['test', 'scenarios']);
    expect(out).toMatch(/\n(\d+) passed, 0 failed\n$/);
    expect(code).toBe(0);
  });

  it('shows expected against actual, and the step, for a failure; exit 1', async () => {
    const file = write(
      'wrong.yaml',
      'scenario: wrong\ntitle: Wrong\nevents:\n  - { at: 2026-01-10, type: signature, party: UA }\nexpect:\n' +
        '  - { on: 2026-01-10, guarantee: invoked }\n',
    );
    const { code, out } = await cli(['test', file]);
    expect(code).toBe(1);
    expect(out).toContain('✗');
    expect(out).toContain('line 6, on 2026-01-10 (step 1, 2026-01-10 Ukraine signs)');
    expect(out).toContain('guarantee: expected "invoked", got "pending"');
    expect(out).toContain('0 passed, 1 failed');
  });

  it('reports a broken scenario and still runs the others; exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casus-mixed-'));
    writeFileSync(
      join(dir, 'a-good.yaml'),
      'scenario: a-good\ntitle: Good\nevents:\n  - { at: 2026-01-10, type: signature, party: UA }\nexpect:\n' +
        '  - { on: end, guarantee: pending }\n',
    );
    writeFileSync(join(dir, 'b-bad.yaml'), 'scenario: b-bad\ntitle: Bad\nevents: [\n');
    const { code, out } = await cli(['test', dir]);
    expect(code).toBe(2);
    expect(out).toContain('✓');
    expect(out).toMatch(/b-bad\.yaml \(could not be run\)/);
    expect(out).toContain('1 passed, 0 failed, 1 could not be run');
  });

  it('prints JSON results with --format json', async () => {
    const { out } = await cli(['test', 'scenarios', '--format', 'json']);
    expect(JSON.parse(out).summary).toMatchObject({ failed: 0, errors: 0 });
  });
});

describe('casus clauses, schema and help', () => {
  it('lists every clause with its points and rules, and what is not encoded', async () => {
    const { code, out } = await cli(['clauses']);
    expect(code).toBe(0);
    for (const id of CLAUSE_IDS) {
      expect(out).toContain(`${id}  (point`);
    }
    expect(out).toContain('Not encoded, on purpose:');
    expect(out).toContain('amnesty');
    const json = JSON.parse((await cli(['clauses', '--format', 'json'])).out);
    expect(json.clauses.find((c: { id: string }) => c.id === 'guarantee-trigger').rules).toContain(
      'qualifying-russian-attack',
    );
  });

  it('prints the JSON Schema of scenario files', async () => {
    const schema = JSON.parse((await cli(['schema'])).out);
    expect(schema.$schema).toContain('2020-12');
    expect(schema.properties.interpretations.properties['attack-test'].enum).toEqual([
      'significant-deliberate-sustained',
      'large-scale',
    ]);
    expect(schema.additionalProperties).toBe(false);
  });

  it('explains itself', async () => {
    const top = await cli(['--help']);
    expect(top.code).toBe(0);
    expect(top.out).toContain('Commands:');
    expect(top.out).toContain('clause-22-scope');
    for (const command of ['run', 'explain', 'test', 'clauses', 'diagram', 'schema']) {
      const { code, out } = await cli([command, '--help']);
      expect(code).toBe(0);
      expect(out).toContain(`Usage: casus ${command}`);
    }
    expect((await cli([])).code).toBe(2);
  });
});
