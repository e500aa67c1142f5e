// The compiled executable, as a user runs it: real process, real exit codes, no stack traces.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import Module from 'node:module';
import { join, resolve } from 'node:path';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES_DIR, parseRuleSet, readRuleFiles } from '../src/rules/load.js';
import { fromValidated } from '../src/rules/validated.js';

const casus = (...args: string[]) =>
  spawnSync(process.execPath, ['dist/cli/bin.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });

describe('the casus executable', () => {
  it('runs the bundled example', () => {
    const r = casus('run', 'scenarios/renewed-offensive-invokes-the-guarantee.yaml');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Final: guarantee invoked');
  });

  it('exits 2 with a one-screen message and no stack trace on bad input', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'casus-bin-')), 'bad.yaml');
    writeFileSync(file, 'scenario: bad\ntitle: Bad\nevents:\n  - { at: 2026-13-01, type: signature, party: UA }\n');
    const r = casus('run', file);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${file}:4:`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr.split('\n').length).toBeLessThan(25);
    expect(r.stdout).toBe('');
  });

  it('simulates across worker threads (its worker script found from the bundle)', () => {
    const r = casus('simulate', 'models/baseline.yaml', '--runs', '200', '--workers', '2', '--format', 'json');
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { runs: number }).runs).toBe(200);
  });

  it('starts from the rules the build validated while they are unchanged, and they are the rules on disk', () => {
    const files = readRuleFiles(DEFAULT_RULES_DIR);
    const text = readFileSync('dist/rules.validated.json', 'utf8');
    expect(fromValidated(DEFAULT_RULES_DIR, files, text)).toStrictEqual(parseRuleSet(DEFAULT_RULES_DIR, files));
  });

  it('starts the bundled program from the code cache the build made, which V8 accepts', () => {
    const program = resolve('dist/cli/casus.cjs');
    const script = new Script(Module.wrap(readFileSync(program, 'utf8')), {
      filename: program,
      cachedData: readFileSync(`${program}.cache`),
    });
    expect(script.cachedDataRejected).toBe(false);
  });

  it('prints its version and help', () => {
    expect(casus('--version').stdout).toMatch(/^casus \d+\.\d+\.\d+/);
    expect(casus('--help').status).toBe(0);
  });
});
