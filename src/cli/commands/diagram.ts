// casus diagram [FILE]: the statechart as Mermaid or DOT, generated
// from the machine definition; with FILE, that run's path.
import { InputError, usageIssue } from '../../issues/issue.js';
import { REGION_LABELS, VALUE_REGIONS } from '../../plan/vocabulary.js';
import { dot, mermaid } from '../../render/diagram.js';
import { runScenario } from '../../run/runner.js';
import { loadScenario } from '../../scenario/load.js';
import { assume } from '../../whatif/branches.js';
import type { Command } from '../options.js';
import { checkOut, emit } from '../output.js';

export const diagramCommand: Command = {
  name: 'diagram',
  summary: 'the statechart as Mermaid (renders on GitHub) or Graphviz DOT',
  formats: ['mermaid', 'dot'],
  shared: ['rules', 'plan', 'set', 'assume', 'format', 'out'],
  help: `Usage: casus diagram [FILE] [--format mermaid|dot] [--out FILE]

Prints the statechart, generated from the machine definition: every state, the parallel
regions (${VALUE_REGIONS.map((r) => REGION_LABELS[r].short).join(', ')}), and every
transition with its event, guard and actions. --format mermaid renders on GitHub; --format
dot is Graphviz DOT, drawn by Graphviz's dot program (install it separately). With a
scenario FILE, the states that run visited are highlighted and its final states marked.

Examples:
  casus diagram > statechart.mmd
  casus diagram --format dot | dot -Tsvg > statechart.svg
  casus diagram scenarios/renewed-offensive-invokes-the-guarantee.yaml`,
  async run(args, io) {
    const [file, ...extra] = args.positionals;
    if (extra.length)
      throw new InputError([
        usageIssue(
          'casus diagram takes at most one scenario file',
          'casus diagram, or casus diagram scenarios/renewed-offensive-invokes-the-guarantee.yaml',
        ),
      ]);
    const out = args.values.out as string | undefined;
    const inputs = file ? [file] : [];
    if (out !== undefined) checkOut(out, inputs);
    let trace: Awaited<ReturnType<typeof runScenario>> | undefined;
    if (file) {
      const ruleSet = args.ruleSet();
      trace = await runScenario(assume(loadScenario(file, ruleSet), args.assumptions()), ruleSet, {
        set: args.overrides(),
      });
    }
    emit(io, args.format === 'dot' ? dot(trace) : mermaid(trace), out, inputs);
    return 0;
  },
};
