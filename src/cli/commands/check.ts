// casus check: prove the rule set consistent; exit 1 on a failed check, a broken law or an unacknowledged conflict.
import { BOUND_ENV, SEARCH_BOUNDS } from '../../check/bounds.js';
import { runCheck } from '../../check/index.js';
import { COUNTEREXAMPLE_MARK } from '../../check/counterexample.js';
import { DEFAULT_LAWS_DIR, loadLaws } from '../../laws/load.js';
import { checkLines } from '../../render/check.js';
import { envLimit } from '../limits.js';
import type { Command } from '../options.js';
import { checkOutDir, writeIntoDir } from '../outDir.js';

export const checkCommand: Command = {
  name: 'check',
  summary: 'prove the rules consistent: static checks, laws, overlapping rules',
  formats: ['text', 'json'],
  shared: ['rules', 'plan', 'format'],
  options: {
    laws: { type: 'string', usage: '--laws DIR', help: 'the law files (default: the bundled laws/)' },
    'out-dir': {
      type: 'string',
      usage: '--out-dir DIR',
      help:
        "write each broken law's timeline to DIR/LAW.yaml " +
        '(atomically; only files casus check wrote there before are replaced)',
    },
  },
  help: `Usage: casus check [--laws DIR] [--out-dir DIR] [--format text|json] [--rules DIR]

Checks the rule set without a scenario:
  - static checks: citations, every clause encoded (or listed as not encoded), every
    emitted event handled by the statechart, known facts, every rule able to fire,
    every state of the statechart reachable;
  - laws (laws/*.json, or --laws DIR): each proved over every reachable snapshot ×
    every event of the finite input domain × every reading, or broken, with the
    shortest timeline that breaks it as a scenario file (casus run replays it);
  - every pair of rules that can fire on the same event with incompatible outcomes
    (two terminal statuses, or a terminal status and an invocation), over every event
    type, every reading and every reachable status, with a minimal example.
Overlaps acknowledged in the rule set's ambiguities.json are reported as findings;
an unacknowledged one, a broken law or any failed check exits 1. The search stops (and exits 1) after
${SEARCH_BOUNDS.pairs.toLocaleString('en-US')} pairs or ${SEARCH_BOUNDS.nodes.toLocaleString('en-US')} search nodes; \
${BOUND_ENV.pairs} and ${BOUND_ENV.nodes} raise them.`,
  async run(args, io) {
    const bounds = {
      pairs: envLimit(io, BOUND_ENV.pairs, SEARCH_BOUNDS.pairs),
      nodes: envLimit(io, BOUND_ENV.nodes, SEARCH_BOUNDS.nodes),
    };
    const ruleSet = args.ruleSet();
    const dir = (args.values.laws as string | undefined) ?? DEFAULT_LAWS_DIR;
    const outDir = args.values['out-dir'] as string | undefined;
    if (outDir !== undefined) checkOutDir(outDir);
    const report = runCheck(ruleSet, { dir, laws: loadLaws(ruleSet, dir) }, bounds);
    if (outDir !== undefined) {
      const broken = report.laws.results.flatMap((l) => (l.counterexample ? [l] : []));
      const written = writeIntoDir(
        outDir,
        broken.map((l) => ({ name: `${l.counterexample!.scenario.scenario}.yaml`, text: l.counterexample!.yaml })),
        COUNTEREXAMPLE_MARK,
      );
      for (const [i, l] of broken.entries()) l.counterexample!.file = written[i]!;
    }
    if (args.format === 'json') io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else for (const line of checkLines(report)) io.stdout(`${line}\n`);
    return report.ok ? 0 : 1;
  },
};
