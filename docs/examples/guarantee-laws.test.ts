// A property test of casus's rules with casus/testing: copy it into your own tests and change the law.
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkScenario, loadRuleSet, runScenario } from 'casus';
import { inForceArb, scenarioYaml, type GeneratedScenario } from 'casus/testing';

const rules = loadRuleSet();
const run = (s: GeneratedScenario) => runScenario(checkScenario(s, rules), rules);

describe('the guarantee, on random timelines after entry into force', () => {
  it('a revoked guarantee is never invoked again', async () => {
    await fc.assert(
      fc.asyncProperty(inForceArb(8), async (s) => {
        const trace = await run(s);
        const revoked = trace.steps.findIndex((step) => step.status.guarantee === 'revoked');
        const later = revoked < 0 ? [] : trace.steps.slice(revoked);
        if (later.some((step) => step.status.guarantee === 'invoked')) {
          // the shrunk failing timeline, as a file `casus run` and `casus explain` read
          writeFileSync('counterexample.yaml', scenarioYaml(s));
          expect.fail('invoked after revocation: see counterexample.yaml');
        }
      }),
      { numRuns: 40 },
    );
  });
});
