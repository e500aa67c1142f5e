// Long YAML timelines take a fast reader for one-line flow items;
// the yaml package stays the authority on values and lines.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { longScenarioYaml } from '../src/bench/scenarios.js';
import { flowItem } from '../src/input/largeYaml.js';
import type { InputError } from '../src/issues/issue.js';
import { parseScenario } from '../src/scenario/load.js';
import { ruleSet } from './helpers.js';

const SCALAR = fc.oneof(
  fc.constantFrom(
    'true',
    'False',
    'NULL',
    '~',
    'null',
    '1.5',
    '.inf',
    '-.inf',
    '.NaN',
    '0x1F',
    '0o17',
    '1e5',
    '+5',
    '007',
    '-0',
    '1_000',
    '2026-01-10',
    'St Petersburg',
    'a - b',
    'UA',
    'x:y',
    '"q"',
    "'q'",
    '#c',
    'a #c',
    '',
  ),
  fc.stringMatching(/^[A-Za-z0-9 ._+:#'"-]{0,12}$/),
  fc.integer().map(String),
);
const VALUE = fc.oneof(
  SCALAR,
  fc.array(SCALAR, { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`),
);
const ITEM = fc
  .array(fc.tuple(fc.constantFrom('at', 'type', 'by', 'Type', 'a_b', '__proto__', 'x-y'), VALUE), { maxLength: 5 })
  .map((pairs) => `  - { ${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')} }\n`);

describe('long YAML timelines', () => {
  it('the fast item reader gives exactly what the yaml package gives, for every item it accepts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(ITEM, (item) => {
        const fast = flowItem(item);
        if (fast === undefined) return;
        accepted++;
        expect(fast).toEqual(
          (parse(`events:\n${item}`, { version: '1.2', uniqueKeys: true }) as { events: unknown[] }).events[0],
        );
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(300);
  });

  it(
    'a space before a comma, which the yaml package keeps in the value, ' +
      'is left to the yaml package (fuzz seed 134433364)',
    () => {
      expect(flowItem('  - { at: 2026-01-10 , type: signature, party: RU }\n')).toBeUndefined();
      expect(flowItem('  - { type: consultations-held, with: [UA , NATO] }\n')).toBeUndefined();
      expect(flowItem('  - { at: 2026-01-10, type: signature, party: RU }\n')).toEqual({
        at: '2026-01-10',
        type: 'signature',
        party: 'RU',
      });
    },
  );

  it('only spaces and tabs are white space around a key or value, as in YAML (fuzz seed 1770160983)', () => {
    for (const odd of ['\u00a0', '\u2028', '\u3000', '\ufeff']) {
      expect(flowItem(`  - { ${odd}at: 2026-01-10, type: signature }\n`), JSON.stringify(odd)).toBeUndefined();
      expect(flowItem(`  - { at: 2026-01-10, type: signature${odd} }\n`), JSON.stringify(odd)).toBeUndefined();
    }
  });

  it('name the real line of a mistake written after a long events list', () => {
    const text = `${longScenarioYaml(20_000)}expect:\n  - { on: end, guarantee: bogus }\n`;
    expect(text.length).toBeGreaterThan(1_000_000);
    const line = text.split('\n').length - 1;
    try {
      parseScenario('long.yaml', text, ruleSet);
      expect.unreachable();
    } catch (error) {
      expect((error as InputError).issues.map((i) => i.line)).toEqual([line]);
    }
  });

  it('name the real line of a mistake in an event far down the list', () => {
    const lines = longScenarioYaml(20_000).split('\n');
    lines[15_000] = lines[15_000]!.replace(/type: [a-z-]+/, 'type: signatur');
    try {
      parseScenario('long.yaml', lines.join('\n'), ruleSet);
      expect.unreachable();
    } catch (error) {
      expect((error as InputError).issues[0]!.line).toBe(15_001);
    }
  });
});
